#pragma once
#include <cstddef>
#include <functional>
#include <span>
#include <string_view>

#include "core/spec.h"
#include "core/strategy_registry.h"
#include "data/dataset.h"

namespace distlab::engine {

/// Turns a round's models (back to back) into the global model; `global` holds their weighted
/// mean on entry (a natural start for a student).
using RoundCompressor = std::function<void(std::span<const float> members, std::span<float> global)>;

/// What the server makes of a round's models under local SGD (cluster.model_aggregation; the
/// lecture's section 4): their average (MA-DNN), the ensemble of them (E-DNN) or the ensemble
/// distilled into one model (EC-DNN).
class ModelAggregator {
 public:
  virtual ~ModelAggregator() = default;
  virtual std::string_view name() const = 0;
  /// The server keeps every worker's model of the round, not only their mean.
  virtual bool keepsMembers() const { return false; }
  /// Each worker goes on from its own model (E-DNN); otherwise from the global one.
  virtual bool workersKeepOwnModels() const { return false; }
  /// The global model is the members themselves, scored by their mean softmax (E-DNN).
  virtual bool globalModelIsEnsemble() const { return false; }
  /// A round's members are turned into the global model by makeCompressor's function.
  virtual bool compressesMembers() const { return false; }
  /// The function that does it (EC-DNN: distillation on the training data); empty otherwise.
  virtual RoundCompressor makeCompressor(const Spec&, const Dataset&) const { return {}; }

  /// Floats the global model holds for `workers` models of `parameters` each.
  std::size_t globalModelSize(std::size_t parameters, int workers) const {
    return globalModelIsEnsemble() ? parameters * static_cast<std::size_t>(workers) : parameters;
  }
};

/// average, ensemble, ensemble-compression (model_aggregators.cpp).
const StrategyRegistry<ModelAggregator>& modelAggregators();

}  // namespace distlab::engine
