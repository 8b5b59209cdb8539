#include "telemetry/epoch_line.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace distlab::engine {

std::string formatEpochLine(const EpochLine& l) {
  char text[256];
  std::snprintf(text, sizeof text,
                "epoch %d/%d train_loss %.4f test_loss %.4f test_accuracy %.4f samples_per_s %.0f "
                "elapsed_s %.2f",
                l.epoch, l.epochs, l.trainLoss, l.testLoss, l.testAccuracy, l.samplesPerSecond,
                l.elapsedSeconds);
  return text;
}

std::optional<EpochLine> parseEpochLine(std::string_view text) {
  std::istringstream in{std::string(text)};
  EpochLine l;
  std::string word;
  char slash = 0;
  if (!(in >> word) || word != "epoch" || !(in >> l.epoch >> slash >> l.epochs) || slash != '/') {
    return std::nullopt;
  }
  const std::pair<const char*, double*> fields[] = {{"train_loss", &l.trainLoss},
                                                    {"test_loss", &l.testLoss},
                                                    {"test_accuracy", &l.testAccuracy},
                                                    {"samples_per_s", &l.samplesPerSecond},
                                                    {"elapsed_s", &l.elapsedSeconds}};
  for (const auto& [name, value] : fields) {
    if (!(in >> word) || word != name || !(in >> *value) || !std::isfinite(*value)) {
      return std::nullopt;
    }
  }
  if (in >> word) return std::nullopt;  // trailing text: not a line we know
  if (l.epoch < 1 || l.epoch > l.epochs) return std::nullopt;
  return l;
}

}  // namespace distlab::engine
