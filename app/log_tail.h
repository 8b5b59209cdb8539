#pragma once
#include <QObject>
#include <QString>

#include <vector>

#include "telemetry/events.h"

class QFile;
class QTimer;

namespace distlab::app {

/// Follows a run's events.jsonl as it grows, for a run the window did not start and cannot
/// connect to (one with no monitor endpoint: all-reduce, model-parallel and federated runs):
/// every few hundred milliseconds the whole lines written since are decoded and handed on. The
/// run takes no commands this way; it ends when its RunEnded is read.
class LogTail : public QObject {
  Q_OBJECT

 public:
  explicit LogTail(QObject* parent = nullptr);
  /// Starts reading `path` from its beginning; false (and *error) when it cannot be opened.
  bool start(const QString& path, QString* error);
  void stop();
  bool isActive() const;

 signals:
  void events(const std::vector<distlab::engine::Event>& batch);
  /// Its RunEnded was read (the batch with it came first), or a line did not decode (`problem`).
  void ended(const QString& problem);

 private:
  void readMore();

  QFile* m_file = nullptr;
  QTimer* m_timer;
  QByteArray m_partial;  ///< a line still being written
  qint64 m_line = 0;     ///< lines read, for a problem's message
};

}  // namespace distlab::app
