#pragma once
#include <functional>
#include <memory>
#include <vector>

#include "core/rng.h"
#include "core/spec.h"
#include "data/dataset.h"
#include "nn/evaluate.h"
#include "nn/model.h"
#include "nn/optimizer.h"

namespace distlab::engine {

/// What one epoch of single-process training measured.
struct EpochReport {
  int epoch = 0;
  long long step = 0;             ///< optimizer steps so far
  double trainLoss = 0.0;         ///< mean loss over this epoch's batches, weighted by size
  ModelScore test;                ///< the model on the test set after the epoch
  double trainSeconds = 0.0;      ///< this epoch's training loop only (no evaluation)
  double samplesPerSecond = 0.0;  ///< training examples / trainSeconds
  double elapsedSeconds = 0.0;    ///< since the trainer started, evaluation included
};

/// Mini-batch training of one model in this process: the reference every distributed run is
/// compared with. Deterministic: same spec and data give bit-identical parameters.
class Trainer {
 public:
  Trainer(const Spec& spec, TrainTest data);

  /// One pass over the (reshuffled) training set, then a test evaluation.
  EpochReport runEpoch();
  /// All spec.training.epochs epochs; onEpoch is called after each.
  std::vector<EpochReport> run(const std::function<void(const EpochReport&)>& onEpoch = {});

  Model& model() { return m_model; }
  const TrainTest& data() const { return m_data; }
  int epochsDone() const { return m_epoch; }

 private:
  Spec m_spec;
  TrainTest m_data;
  Model m_model;
  std::unique_ptr<Optimizer> m_optimizer;
  LossKind m_loss;
  Rng m_shuffleRng;
  std::vector<std::size_t> m_order;
  int m_epoch = 0;
  long long m_step = 0;
  double m_elapsed = 0.0;
  Matrix m_x, m_targets, m_dOut;
  std::vector<int> m_labels;
};

}  // namespace distlab::engine
