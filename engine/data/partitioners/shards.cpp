// Pathological non-IID: label-sorted shards, shards_per_worker of them to each worker.
#include <memory>

#include "data/partitioners/partitioner.h"

namespace distlab::engine {
namespace {

class Shards final : public Partitioner {
 public:
  std::string_view name() const override { return "shards"; }
  bool splitsAgain() const override { return false; }
  bool needsLabels() const override { return true; }
  Partition split(const PartitionInput& data, const Spec& spec, int) const override {
    auto rng = Rng::stream(spec.seed, RngPurpose::Partition, 0);
    return labelShards(data.labels, spec.cluster.workers, spec.cluster.shardsPerWorker, rng);
  }
};

}  // namespace

std::unique_ptr<Partitioner> makeShards() { return std::make_unique<Shards>(); }

}  // namespace distlab::engine
