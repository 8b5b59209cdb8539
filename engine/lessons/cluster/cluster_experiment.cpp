// The lab's main experiment: train the spec's model on a real cluster, this process the
// parameter server, the workers its children (lessons 2 and 4 and the default lesson).
#include <cstdio>
#include <memory>

#include "cluster/coordinator.h"
#include "cluster/launcher.h"
#include "lessons/experiment.h"

namespace distlab::engine {
namespace {

class ClusterExperiment final : public Experiment {
 public:
  std::string_view name() const override { return "cluster"; }
  bool masksPushes() const override { return true; }
  bool defendsPushes(const Spec&) const override { return true; }
  bool announcesItself() const override { return true; }
  int run(const Spec& spec, RunContext& context) const override {
    CoordinatorOptions co;
    co.outDir = context.outDir;
    co.token = context.token;
    co.engineExe = selfExecutablePath();
    co.events = &context.runEvents;
    co.loadModel = context.loadModel;
    co.saveModel = context.saveModel;
    co.resume = context.resume;
    std::fprintf(stderr, "writing to %s\n", context.outDir.c_str());
    return Coordinator(spec, co).run();
  }
};

}  // namespace

std::unique_ptr<Experiment> makeClusterExperiment() {
  return std::make_unique<ClusterExperiment>();
}

}  // namespace distlab::engine
