// E-DNN: the global model is the ensemble of the workers' models (prediction = their mean
// softmax); every worker goes on training its own member.
#include <memory>

#include "aggregate/models/model_aggregator.h"

namespace distlab::engine {
namespace {

class Ensemble final : public ModelAggregator {
 public:
  std::string_view name() const override { return "ensemble"; }
  bool keepsMembers() const override { return true; }
  bool workersKeepOwnModels() const override { return true; }
  bool globalModelIsEnsemble() const override { return true; }
};

}  // namespace

std::unique_ptr<ModelAggregator> makeEnsembleModels() { return std::make_unique<Ensemble>(); }

}  // namespace distlab::engine
