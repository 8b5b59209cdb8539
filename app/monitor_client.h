#pragma once
#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <vector>

#include "comm/messages.h"
#include "telemetry/events.h"

class QTcpSocket;

namespace distlab::app {

/// The window's connection to a running coordinator's monitor endpoint: authenticates with the
/// run's token, decodes the telemetry with the engine's codec and hands it on in batches at most
/// 30 times a second (so the views repaint at a fixed rate, never per event), and sends CONTROL
/// commands. Never blocks: everything runs on Qt's event loop.
class MonitorClient : public QObject {
  Q_OBJECT

 public:
  explicit MonitorClient(QObject* parent = nullptr);

  void connectTo(const QString& host, quint16 port, const QByteArray& token);
  void disconnectFromRun();
  /// The engine has exited: reads whatever telemetry is still in the socket and hands it on now,
  /// so the views show the whole run before anyone hears that it ended.
  void drain();
  bool isConnected() const { return m_state == State::Watching; }
  void sendControl(engine::ControlCommand command, int target = 0, double value = 0.0);

 signals:
  void connected();
  void events(const std::vector<distlab::engine::Event>& batch);
  /// The coordinator ended the run (its SHUTDOWN reason) or the connection broke.
  void closed(const QString& reason);

 private:
  enum class State { Idle, Connecting, Challenged, Authenticating, Watching };
  void onReadyRead();
  void handle(engine::Message&& message);
  void send(const engine::Message& message);
  void flushBatch();

  QTcpSocket* m_socket;
  QTimer m_batchTimer;
  QByteArray m_buffer;
  QByteArray m_token;
  State m_state = State::Idle;
  std::vector<engine::Event> m_pending;
};

}  // namespace distlab::app
