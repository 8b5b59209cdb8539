// `distlab-engine sweep`: a grid of runs of one spec, one after another, each in its own run
// folder (a child `distlab-engine run`), with progress and an ETA on the terminal and a summary
// table (sweep.csv) of each run's final figures.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <cstring>
#include <fstream>

#include "cli/commands.h"
#include "cluster/launcher.h"
#include "core/error.h"
#include "core/text_file.h"
#include "lessons/run_folder.h"
#include "sweep/sweep_grid.h"
#include "sweep/sweep_table.h"
#include "telemetry/metrics_table.h"

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

/// A run's last value of a metrics column, formatted; "-" when it has none.
std::string figure(const MetricsTable& metrics, const std::string& name, const char* format) {
  const auto v = metrics.last(name);
  if (!v || std::isnan(*v)) return "-";
  char text[32];
  std::snprintf(text, sizeof text, format, *v);
  return text;
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

  SweepTableWriter table(dir + "/sweep.csv", axes);

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
    table.add(i, run, code, folder);
    const MetricsTable metrics = readMetricsTable(folder + "/metrics.csv");
    std::printf("%-40s %10s %10s%s\n", run.name.c_str(),
                figure(metrics, "test_accuracy", "%.4f").c_str(),
                figure(metrics, "elapsed_s", "%.1f").c_str(),
                code ? "  (failed: see its log.txt)" : "");
    std::fflush(stdout);
  }
  std::fprintf(stderr, "sweep: %zu runs (%d failed) in %s; summary in %s/sweep.csv\n", runs.size(),
               failures, duration(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()).c_str(),
               dir.c_str());
  return failures ? 1 : 0;
}

}  // namespace distlab::engine
