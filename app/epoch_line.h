#pragma once
#include <QByteArrayView>

#include <optional>

namespace distlab::app {

/// One finished epoch as `distlab-engine train` reports it on stdout.
struct EpochProgress {
  int epoch = 0;
  int epochs = 0;
  double trainLoss = 0.0;
  double testLoss = 0.0;
  double testAccuracy = 0.0;
  double samplesPerSecond = 0.0;
  double elapsedSeconds = 0.0;
};

/// Parses one stdout line of the engine, e.g.
/// "epoch 3/10 train_loss 0.4123 test_loss 0.4011 test_accuracy 0.8534 samples_per_s 61234
/// elapsed_s 4.12". Returns nothing unless the line has exactly these fields in this order with
/// finite values and 1 <= epoch <= epochs.
std::optional<EpochProgress> parseEpochLine(QByteArrayView line);

}  // namespace distlab::app
