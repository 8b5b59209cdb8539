// `distlab-engine convexity SPEC`: the lecture's convexity argument measured on real models.
#include <cstdio>

#include "aggregate/convexity_study.h"
#include "cli/commands.h"
#include "data/load.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {

int runConvexity(const std::string& specPath, const std::string& outDirOption) {
  const Spec spec = loadSpecFile(specPath);
  return runConvexityStudy(spec, prepareRunFolder(spec, outDirOption));
}

int runConvexityStudy(const Spec& spec, const std::string& outDir) {
  const TrainTest data = loadDataset(spec.dataset, spec.seed);
  Table table{{"start", "round", "averaged_model_loss", "mean_member_loss", "ensemble_loss"}, {}};
  std::printf("%-9s %5s %16s %16s %14s\n", "start", "round", "f(averaged)", "mean f(members)",
              "f(ensemble)");
  for (const bool common : {true, false}) {
    const char* start = common ? "common" : "different";
    for (const ConvexityPoint& p : convexityStudy(spec, data, common)) {
      std::printf("%-9s %5d %16.4f %16.4f %14.4f\n", start, p.round, p.averagedModelLoss,
                  p.meanMemberLoss, p.ensembleLoss);
      table.rows.push_back({start, std::to_string(p.round), std::to_string(p.averagedModelLoss),
                            std::to_string(p.meanMemberLoss), std::to_string(p.ensembleLoss)});
    }
  }
  writeCsvFile(table, outDir + "/convexity.csv");
  std::fprintf(stderr, "wrote %s/convexity.csv\n", outDir.c_str());
  return 0;
}

}  // namespace distlab::engine
