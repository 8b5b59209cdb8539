// Shuffle-and-split: every row goes to exactly one worker; a new split every reshuffle period.
#include <memory>

#include "data/partitioners/partitioner.h"

namespace distlab::engine {
namespace {

class ShuffleSplit final : public Partitioner {
 public:
  std::string_view name() const override { return "shuffle-split"; }
  bool splitsAgain() const override { return true; }
  Partition split(const PartitionInput& data, const Spec& spec, int epoch) const override {
    const auto& c = spec.cluster;
    return shuffleSplit(data.rows, c.workers, spec.seed, epoch, c.reshuffleEvery);
  }
};

}  // namespace

std::unique_ptr<Partitioner> makeShuffleSplit() { return std::make_unique<ShuffleSplit>(); }

}  // namespace distlab::engine
