// The lab's main experiment: train the spec's model on a real cluster, this process the
// parameter server, the workers its children (lessons 2 and 4 and the default lesson).
#include <cstdio>
#include <memory>

#include "cluster/coordinator.h"
#include "cluster/launcher.h"
#include "cluster/sync/sync_policy.h"
#include "core/error.h"
#include "data/partitioners/partitioner.h"
#include "lessons/cluster/ring_mode.h"
#include "lessons/experiment.h"
#include "lessons/process_group_run.h"

namespace distlab::engine {
namespace {

class ClusterExperiment final : public Experiment {
 public:
  std::string_view name() const override { return "cluster"; }
  bool masksPushes() const override { return true; }
  bool defendsPushes(const Spec&) const override { return true; }
  bool announcesItself() const override { return true; }
  bool trainsWithoutServer() const override { return true; }

  void validate(const Spec& spec, std::vector<SpecError>& errors) const override {
    checkTrainLimitFeedsEveryPart(spec, spec.cluster.workers, "cluster.workers", errors);
  }

  // Without a server (allreduce), the workers are a process group that sums round a ring.
  const PartitionMode* processMode(const Spec& spec) const override {
    return syncPolicies().at(spec.cluster.sync).hasServer() ? nullptr : &ringAllReduceMode();
  }

  int run(const Spec& spec, RunContext& context) const override {
    if (const PartitionMode* ring = processMode(spec)) {
      if (context.resume || !context.loadModel.empty()) {
        throw Error(
            "cluster.sync allreduce starts from the spec's initial model: --resume and "
            "--load-model need a parameter server (cluster.sync bsp)");
      }
      if (context.startPaused) {
        throw Error(
            "--paused: a ring (cluster.sync allreduce) has no server to hold it; use a "
            "parameter server (cluster.sync bsp, ssp or asp)");
      }
      std::fprintf(stderr, "writing to %s\n", context.outDir.c_str());
      return runProcessGroup(*ring, spec, context, spec.cluster.sync, spec.cluster.partition);
    }
    CoordinatorOptions co;
    co.outDir = context.outDir;
    co.token = context.token;
    co.engineExe = selfExecutablePath();
    co.events = &context.runEvents;
    co.loadModel = context.loadModel;
    co.saveModel = context.saveModel;
    co.resume = context.resume;
    co.onListening = context.onListening;
    co.linkPeers = context.linkPeers;
    co.startPaused = context.startPaused;
    std::fprintf(stderr, "writing to %s\n", context.outDir.c_str());
    return Coordinator(spec, co).run();
  }
};

}  // namespace

std::unique_ptr<Experiment> makeClusterExperiment() {
  return std::make_unique<ClusterExperiment>();
}

}  // namespace distlab::engine
