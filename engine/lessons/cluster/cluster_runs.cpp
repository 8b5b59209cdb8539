#include "lessons/cluster/cluster_runs.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "cluster/coordinator.h"
#include "cluster/launcher.h"
#include "core/error.h"
#include "telemetry/run_events.h"

namespace distlab::engine {
namespace {

std::vector<MetricsRow> metricsRows(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error("cannot read " + path);
  std::vector<MetricsRow> rows;
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    std::vector<double> cells;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) cells.push_back(std::stod(cell));
    if (cells.size() != 10) continue;
    rows.push_back({cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7],
                    cells[8], cells[9]});
  }
  return rows;
}

}  // namespace

std::vector<MetricsRow> runClusterForLesson(const Spec& run, const std::string& folder,
                                            const std::string& label, const std::string& token) {
  CoordinatorOptions co;
  co.outDir = folder;
  co.token = token;
  co.engineExe = selfExecutablePath();
  co.announce = false;
  const int code = Coordinator(run, co).run();
  if (code != 0) throw Error(label + " failed (exit " + std::to_string(code) + ")");
  auto rows = metricsRows(folder + "/metrics.csv");
  if (rows.empty()) throw Error(label + " recorded no evaluation");
  return rows;
}

bool comparisonRunnable(const Spec& run, const std::string& label) {
  const auto problems = validateSpec(run);
  if (problems.empty()) return true;
  std::fprintf(stderr, "compare: %s left out: %s\n", label.c_str(),
               problems.front().text().c_str());
  return false;
}

bool runLiveClusterFirst(const Spec& spec, RunContext& context, int& code) {
  CoordinatorOptions live;
  live.outDir = context.outDir;
  live.token = context.token;
  live.engineExe = selfExecutablePath();
  live.events = &context.runEvents;
  live.recordsCompletion = false;  // the lesson goes on, and ends the run itself
  std::fprintf(stderr, "writing to %s\n", context.outDir.c_str());
  code = Coordinator(spec, live).run();
  context.runEvents.flush();
  return code == 0 && !context.runEvents.ended();
}

}  // namespace distlab::engine
