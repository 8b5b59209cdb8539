#include "lessons/model_parallel/partition_modes.h"

namespace distlab::engine {

std::unique_ptr<PartitionMode> makePipelineMode();
std::unique_ptr<PartitionMode> makeTensorMode();
std::unique_ptr<PartitionMode> makeSkeletonMode();

const StrategyRegistry<PartitionMode>& partitionModes() {
  static const auto registry = makeRegistry<PartitionMode>(
      "model_parallel.mode", {makePipelineMode, makeTensorMode, makeSkeletonMode});
  return registry;
}

std::vector<std::string> partitionModeNames() { return partitionModes().names(); }

std::vector<float> PartitionMode::assemble(const Spec&, const Model&,
                                           std::vector<std::vector<float>>& parts) const {
  std::vector<float> whole;  // the processes' parts one after another (a pipeline's stages)
  for (auto& part : parts) whole.insert(whole.end(), part.begin(), part.end());
  return whole;
}

}  // namespace distlab::engine
