// Lesson 3 (`run` on "experiment": "model_parallel"): model partitioning. The network itself is
// split over processes that pass intermediate results to each other over real sockets; how it
// is split is the partition mode (model_parallel.mode: pipeline, tensor, skeleton; one class a
// file here, registered in partition_modes.cpp), run by lessons/process_group_run.h.
#include "lessons/experiment.h"
#include "lessons/model_parallel/partition_modes.h"
#include "lessons/process_group_run.h"
#include "modelpar/partition_mode.h"

namespace distlab::engine {
namespace {

class ModelParallelExperiment final : public Experiment {
 public:
  std::string_view name() const override { return "model_parallel"; }
  bool usesPartitioner() const override { return false; }
  bool announcesItself() const override { return true; }

  void validate(const Spec& s, std::vector<SpecError>& errors) const override {
    partitionModes().at(s.modelParallel.mode).validate(s, errors);
  }

  const PartitionMode* processMode(const Spec& s) const override {
    return &partitionModes().at(s.modelParallel.mode);
  }

  int run(const Spec& spec, RunContext& context) const override {
    return runProcessGroup(partitionModes().at(spec.modelParallel.mode), spec, context,
                           spec.modelParallel.schedule, spec.modelParallel.mode);
  }
};

}  // namespace

std::unique_ptr<Experiment> makeModelParallelExperiment() {
  return std::make_unique<ModelParallelExperiment>();
}

}  // namespace distlab::engine
