#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace distlab::engine {

/// One line of `distlab-engine train` progress on stdout, e.g.
/// "epoch 3/10 train_loss 0.4123 test_loss 0.4011 test_accuracy 0.8534 samples_per_s 61234
/// elapsed_s 4.12". The engine writes it and the GUI reads it, so both use these two functions.
struct EpochLine {
  int epoch = 0;
  int epochs = 0;
  double trainLoss = 0.0;
  double testLoss = 0.0;
  double testAccuracy = 0.0;
  double samplesPerSecond = 0.0;
  double elapsedSeconds = 0.0;
};

std::string formatEpochLine(const EpochLine& line);
/// The line's values, or nothing when the text is not a complete epoch line.
std::optional<EpochLine> parseEpochLine(std::string_view text);

}  // namespace distlab::engine
