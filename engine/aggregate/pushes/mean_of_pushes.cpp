// Every push counts the same, however many examples are behind it: the lesson's wrong way when
// the workers' data sizes differ.
#include <memory>

#include "aggregate/pushes/push_aggregator.h"

namespace distlab::engine {
namespace {

class MeanOfPushes final : public PushAggregator {
 public:
  std::string_view name() const override { return "mean"; }
  std::uint32_t weight(std::uint32_t) const override { return 1; }
};

}  // namespace

std::unique_ptr<PushAggregator> makeMeanOfPushes() { return std::make_unique<MeanOfPushes>(); }

}  // namespace distlab::engine
