#pragma once
#include <memory>
#include <optional>
#include <vector>

#include "attacks/attack_target.h"
#include "cluster/push_capture.h"
#include "core/spec.h"
#include "data/dataset.h"

namespace distlab::engine {

/// The privacy lesson's victim: its private examples (one per column, and their labels) and the
/// defended gradient it shared, on the network it was computed on, as an attack target.
struct Victim {
  MatD originals;
  std::vector<int> labels;
  std::vector<std::size_t> rows;  ///< test-set indices, or training rows of a captured push
  std::unique_ptr<AttackTarget> target;
  /// The engine/nn network a captured push is attacked on (the target refers to it).
  std::unique_ptr<Model> network;
};

/// The spec's test images through its MLP or LeNet with privacy.defense applied, or, with
/// privacy.capture_from, the push the server captured (its rows, gradient and parameters).
/// Throws Error naming the field when the spec asks for what cannot be attacked.
Victim makeVictim(const Spec& spec, const TrainTest& data);

}  // namespace distlab::engine
