#pragma once
#include <QByteArray>
#include <QObject>
#include <QString>

#include <vector>

#include "comm/messages.h"

class QTcpSocket;

namespace distlab::app {

/// The window's connection to a running coordinator: it authenticates with the run's token and
/// sends pause, resume, step, kill, slow, restore, restart, capture and stop. As a controller
/// (a run the window started: its telemetry comes on the engine's stream) that is all; as a
/// monitor (a run started elsewhere, say under mpirun) it also receives the run's records, the
/// past ones first, and hands their TELEMETRY frames on. Never blocks.
class ControlChannel : public QObject {
  Q_OBJECT

 public:
  explicit ControlChannel(QObject* parent = nullptr);

  enum class Role { Controller, Monitor };
  void connectTo(const QString& host, quint16 port, const QByteArray& token,
                 Role role = Role::Controller);
  void disconnectFromRun();
  /// Authenticated: commands go out.
  bool isConnected() const { return m_state == State::Ready; }
  /// A coordinator answered this connection (it may still have refused the token).
  bool reachedCoordinator() const { return m_challenged; }
  /// Sends a command; one given while the connection is still being made goes out as soon as
  /// it is (a click right after Run is not lost).
  void send(engine::ControlCommand command, int target = 0, double value = 0.0);
  /// Sends what is queued now, then ends the connection.
  void flushAndDisconnect();

 signals:
  void connected();
  /// Monitor: the bytes of one TELEMETRY frame (for TelemetryHub::feed).
  void telemetry(const QByteArray& frame);
  /// Monitor: the connection ended; `accepted` says whether it had authenticated, `reason` why
  /// it ended (empty: the coordinator said goodbye).
  void ended(bool accepted, const QString& reason);

 private:
  enum class State { Idle, Connecting, Authenticating, Ready };
  void onReadyRead();
  void write(const engine::Message& message);

  QTcpSocket* m_socket;
  QByteArray m_buffer, m_token;
  std::vector<engine::Control> m_waiting;  ///< commands given before the connection was ready
  State m_state = State::Idle;
  Role m_role = Role::Controller;
  bool m_accepted = false;    ///< a monitor's WELCOME came
  bool m_challenged = false;  ///< the coordinator answered at all (its CHALLENGE came)
};

}  // namespace distlab::app
