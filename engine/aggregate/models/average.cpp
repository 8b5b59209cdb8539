// MA-DNN: the round's models are averaged (weighted by their examples) into the global model.
#include <memory>

#include "aggregate/models/model_aggregator.h"

namespace distlab::engine {
namespace {

class Average final : public ModelAggregator {
 public:
  std::string_view name() const override { return "average"; }
};

}  // namespace

std::unique_ptr<ModelAggregator> makeAverageModels() { return std::make_unique<Average>(); }

}  // namespace distlab::engine
