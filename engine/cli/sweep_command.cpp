// `distlab-engine sweep`: a grid of runs of one spec, one after another, each in its own run
// folder (a child `distlab-engine run`), with progress and an ETA on the terminal and a summary
// table (sweep.csv) of each run's final figures.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <cstring>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cluster/launcher.h"
#include "core/error.h"
#include "core/text_file.h"
#include "lessons/run_folder.h"
#include "sweep/sweep_grid.h"

extern char** environ;

namespace distlab::engine {
namespace {

/// Runs `distlab-engine run SPEC --out FOLDER`, its output in FOLDER/log.txt; its exit code.
int runChild(const std::string& specPath, const std::string& folder) {
  const std::string exe = selfExecutablePath();
  std::vector<std::string> args = {exe, "run", specPath, "--out", folder};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  const std::string log = folder + "/log.txt";
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int failed = posix_spawn(&pid, exe.c_str(), &files, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  if (failed) throw Error("sweep: cannot start " + exe + ": " + std::strerror(failed));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/// The last row of a run's metrics.csv as name -> cell (empty when it has none).
std::vector<std::pair<std::string, std::string>> finalMetrics(const std::string& folder) {
  std::ifstream in(folder + "/metrics.csv");
  std::string header, line, last;
  std::getline(in, header);
  while (std::getline(in, line)) {
    if (!line.empty()) last = line;
  }
  std::vector<std::pair<std::string, std::string>> cells;
  if (last.empty()) return cells;
  std::stringstream names(header), values(last);
  for (std::string name, value; std::getline(names, name, ',') && std::getline(values, value, ',');)
    cells.emplace_back(name, value);
  return cells;
}

std::string cell(const std::vector<std::pair<std::string, std::string>>& row, const std::string& name) {
  for (const auto& [n, v] : row)
    if (n == name) return v;
  return "";
}

std::string duration(double seconds) {
  char text[32];
  if (seconds >= 60) {
    std::snprintf(text, sizeof text, "%dm%02ds", static_cast<int>(seconds) / 60, static_cast<int>(seconds) % 60);
  } else {
    std::snprintf(text, sizeof text, "%.0fs", seconds);
  }
  return text;
}

}  // namespace

int sweepCommand(const SweepOptions& o) {
  if (o.vary.empty()) throw Error("sweep: give at least one --vary FIELD=V1,V2,...");
  std::vector<SweepAxis> axes;
  for (const auto& v : o.vary) axes.push_back(parseVary(v));
  const auto base = nlohmann::json::parse(readTextFile(o.specPath, "spec file"), nullptr, false);
  if (!base.is_object()) throw Error(o.specPath + ": not a JSON object");
  // Every run is checked before the first starts.
  const auto runs = sweepRuns(base, axes, o.repeat);
  const std::string dir = o.outDir.empty() ? defaultOutDir(loadSpecText(base.dump())) + "-sweep" : o.outDir;
  std::filesystem::create_directories(dir);

  const char* figures[] = {"test_accuracy", "test_loss", "elapsed_s", "samples_per_s",
                           "bytes_to_server", "version"};
  std::ofstream table(dir + "/sweep.csv");
  table << "run";
  for (const auto& a : axes) table << ',' << a.field;
  table << ",repeat,seed,exit_code";
  for (const char* f : figures) table << ',' << f;
  table << ",folder\n";

  const auto start = std::chrono::steady_clock::now();
  int failures = 0;
  std::printf("%-40s %10s %10s\n", "run", "accuracy", "seconds");
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const SweepRun& run = runs[i];
    const std::string folder = dir + "/" + run.name;
    std::filesystem::create_directories(folder);
    const std::string specPath = folder + "/sweep-spec.json";
    std::ofstream(specPath) << specToString(run.spec);
    const double spent =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "[%zu/%zu] %s%s\n", i + 1, runs.size(), run.name.c_str(),
                 i ? (", about " + duration(spent / static_cast<double>(i) *
                                            static_cast<double>(runs.size() - i)) + " left").c_str()
                   : "");
    const int code = runChild(specPath, folder);
    failures += code != 0;
    const auto row = finalMetrics(folder);
    table << i + 1;
    for (std::size_t a = 0; a < axes.size(); ++a) table << ',' << axes[a].texts[run.choice[a]];
    table << ',' << run.repeat << ',' << run.spec.seed << ',' << code;
    for (const char* f : figures) table << ',' << cell(row, f);
    table << ',' << run.name << '\n' << std::flush;
    std::printf("%-40s %10s %10s%s\n", run.name.c_str(), cell(row, "test_accuracy").c_str(),
                cell(row, "elapsed_s").c_str(), code ? "  (failed: see its log.txt)" : "");
    std::fflush(stdout);
  }
  std::fprintf(stderr, "sweep: %zu runs (%d failed) in %s; summary in %s/sweep.csv\n", runs.size(),
               failures, duration(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()).c_str(),
               dir.c_str());
  return failures ? 1 : 0;
}

}  // namespace distlab::engine
