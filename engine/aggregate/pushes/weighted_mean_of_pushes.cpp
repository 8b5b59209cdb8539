// Each push counts by the examples behind it: under BSP the mean is then the gradient of the
// union of the round's batches, as central training would take it.
#include <memory>

#include "aggregate/pushes/push_aggregator.h"

namespace distlab::engine {
namespace {

class WeightedMeanOfPushes final : public PushAggregator {
 public:
  std::string_view name() const override { return "weighted-mean"; }
  std::uint32_t weight(std::uint32_t samples) const override { return samples; }
};

}  // namespace

std::unique_ptr<PushAggregator> makeWeightedMeanOfPushes() {
  return std::make_unique<WeightedMeanOfPushes>();
}

}  // namespace distlab::engine
