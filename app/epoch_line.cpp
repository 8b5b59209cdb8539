#include "app/epoch_line.h"

#include <QByteArray>
#include <QList>

#include <cmath>
#include <utility>

namespace distlab::app {

std::optional<EpochProgress> parseEpochLine(QByteArrayView line) {
  // The engine separates fields by single spaces; a stray '\r' or trailing blank is tolerated.
  const QList<QByteArray> words = line.toByteArray().simplified().split(' ');
  if (words.size() != 12 || words[0] != "epoch") return std::nullopt;

  EpochProgress p;
  const QList<QByteArray> counts = words[1].split('/');
  bool epochOk = false, epochsOk = false;
  if (counts.size() != 2) return std::nullopt;
  p.epoch = counts[0].toInt(&epochOk);
  p.epochs = counts[1].toInt(&epochsOk);
  if (!epochOk || !epochsOk || p.epoch < 1 || p.epoch > p.epochs) return std::nullopt;

  const std::pair<const char*, double*> fields[] = {{"train_loss", &p.trainLoss},
                                                    {"test_loss", &p.testLoss},
                                                    {"test_accuracy", &p.testAccuracy},
                                                    {"samples_per_s", &p.samplesPerSecond},
                                                    {"elapsed_s", &p.elapsedSeconds}};
  qsizetype i = 2;
  for (const auto& [name, value] : fields) {
    bool ok = false;
    if (words[i] != name) return std::nullopt;
    *value = words[i + 1].toDouble(&ok);
    if (!ok || !std::isfinite(*value)) return std::nullopt;
    i += 2;
  }
  return p;
}

}  // namespace distlab::app
