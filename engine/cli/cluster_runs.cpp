#include "cli/cluster_runs.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cluster/coordinator.h"
#include "cluster/launcher.h"
#include "comm/handshake.h"
#include "core/error.h"

namespace distlab::engine {
namespace {

std::vector<MetricsRow> metricsRows(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error("cannot read " + path);
  std::vector<MetricsRow> rows;
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    MetricsRow cells;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) cells.push_back(cell);
    if (cells.size() == 10) rows.push_back(std::move(cells));
  }
  return rows;
}

}  // namespace

std::vector<MetricsRow> runClusterForLesson(const Spec& run, const std::string& folder,
                                            const std::string& label) {
  CoordinatorOptions co;
  co.outDir = folder;
  if (const char* t = std::getenv(kTokenEnvironmentVariable)) co.token = t;
  co.engineExe = selfExecutablePath();
  co.announce = false;
  const int code = Coordinator(run, co).run();
  if (code != 0) throw Error(label + " failed (exit " + std::to_string(code) + ")");
  auto rows = metricsRows(folder + "/metrics.csv");
  if (rows.empty()) throw Error(label + " recorded no evaluation");
  return rows;
}

}  // namespace distlab::engine
