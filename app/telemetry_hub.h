#pragma once
#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <vector>

#include "telemetry/events.h"

namespace distlab::app {

/// The engine's live stream (`run --stream` on its stdout), decoded once: frames into typed
/// records (telemetry/event_codec.h), handed on in batches at most 10 times a second, so the
/// views repaint at a fixed rate and never per record. Records of a newer engine are skipped and
/// counted. Never blocks: it runs on Qt's event loop.
class TelemetryHub : public QObject {
  Q_OBJECT

 public:
  explicit TelemetryHub(QObject* parent = nullptr);

  /// A new run: forget what is buffered and the counts.
  void reset();
  /// Bytes of the stream as they come.
  void feed(const QByteArray& bytes);
  /// The stream ended: hands on the last batch now, before anyone hears that the run ended.
  void finish();
  /// The same records read back from a finished run's events.jsonl (a run so short that its
  /// stream was never read, say, or a folder opened): handed on at once as one batch.
  void replay(const std::vector<engine::Event>& events);

  std::size_t recordsDecoded() const { return m_records; }
  std::size_t unknownRecords() const { return m_unknown; }

 signals:
  void events(const std::vector<distlab::engine::Event>& batch);
  /// The stream held something that is not a frame of records; decoding stops there.
  void streamBroken(const QString& reason);

 private:
  void decode();
  void flush();

  QByteArray m_buffer;
  std::vector<engine::Event> m_pending;
  QTimer m_timer;
  std::size_t m_records = 0, m_unknown = 0;
  bool m_broken = false;
};

}  // namespace distlab::app
