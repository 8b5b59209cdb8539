#pragma once
#include <QByteArray>
#include <QObject>
#include <QString>

#include <vector>

#include "comm/messages.h"

class QTcpSocket;

namespace distlab::app {

/// The window's CONTROL connection to a running coordinator: it authenticates with the run's
/// token as a controller (telemetry comes on the engine's stream instead) and sends pause,
/// resume, step, kill, slow, restore, restart and capture. Never blocks.
class ControlChannel : public QObject {
  Q_OBJECT

 public:
  explicit ControlChannel(QObject* parent = nullptr);

  void connectTo(const QString& host, quint16 port, const QByteArray& token);
  void disconnectFromRun();
  /// Authenticated: commands go out.
  bool isConnected() const { return m_state == State::Ready; }
  /// Sends a command; one given while the connection is still being made goes out as soon as
  /// it is (a click right after Run is not lost).
  void send(engine::ControlCommand command, int target = 0, double value = 0.0);

 signals:
  void connected();

 private:
  enum class State { Idle, Connecting, Authenticating, Ready };
  void onReadyRead();
  void write(const engine::Message& message);

  QTcpSocket* m_socket;
  QByteArray m_buffer, m_token;
  std::vector<engine::Control> m_waiting;  ///< commands given before the connection was ready
  State m_state = State::Idle;
};

}  // namespace distlab::app
