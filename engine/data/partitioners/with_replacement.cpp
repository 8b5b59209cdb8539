// Random sampling with replacement: draws_factor x n rows drawn uniformly, shared in proportion
// to the capacities; about 1/e of the rows are never drawn.
#include <algorithm>
#include <memory>

#include "data/partitioners/partitioner.h"

namespace distlab::engine {
namespace {

class WithReplacement final : public Partitioner {
 public:
  std::string_view name() const override { return "with-replacement"; }
  bool splitsAgain() const override { return true; }
  std::size_t rowsDealt(std::size_t rows, const Spec& spec) const override {
    return std::max<std::size_t>(
        static_cast<std::size_t>(spec.cluster.drawsFactor * static_cast<double>(rows) + 0.5), 1);
  }
  Partition split(const PartitionInput& data, const Spec& spec, int epoch) const override {
    const auto& c = spec.cluster;
    std::vector<double> capacities = c.capacities;
    if (capacities.empty()) capacities.assign(static_cast<std::size_t>(c.workers), 1.0);
    const int period = epoch / c.reshuffleEvery;
    auto rng = Rng::stream(spec.seed, RngPurpose::Partition, static_cast<std::uint64_t>(period));
    return sampleWithReplacement(data.rows, capacities, rowsDealt(data.rows, spec), rng);
  }
};

}  // namespace

std::unique_ptr<Partitioner> makeWithReplacement() { return std::make_unique<WithReplacement>(); }

}  // namespace distlab::engine
