// Quantity skew for federated learning: workers (or clients) of log-normal sizes,
// cluster.quantity_sigma the spread of log(size); every row to exactly one of them.
#include <memory>

#include "data/partitioners/partitioner.h"

namespace distlab::engine {
namespace {

class QuantitySkew final : public Partitioner {
 public:
  std::string_view name() const override { return "quantity-skew"; }
  bool splitsAgain() const override { return false; }
  Partition split(const PartitionInput& data, const Spec& spec, int) const override {
    auto rng = Rng::stream(spec.seed, RngPurpose::Partition, 0);
    return quantitySkew(data.rows, spec.cluster.workers, spec.cluster.quantitySigma, rng);
  }
};

}  // namespace

std::unique_ptr<Partitioner> makeQuantitySkew() { return std::make_unique<QuantitySkew>(); }

}  // namespace distlab::engine
