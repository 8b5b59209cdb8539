#include "app/monitor_client.h"

#include <QTcpSocket>

#include <chrono>

#include "comm/handshake.h"

namespace distlab::app {

using namespace distlab::engine;

MonitorClient::MonitorClient(QObject* parent) : QObject(parent), m_socket(new QTcpSocket(this)) {
  m_batchTimer.setInterval(33);  // <= 30 Hz
  connect(&m_batchTimer, &QTimer::timeout, this, &MonitorClient::flushBatch);
  connect(m_socket, &QTcpSocket::connected, this, [this] {
    m_state = State::Connecting;
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    send(Hello{PeerRole::Monitor, 0,
               std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()});
  });
  connect(m_socket, &QTcpSocket::readyRead, this, &MonitorClient::onReadyRead);
  connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
    if (m_state == State::Idle) return;
    // The engine closing its end comes after its last frames: take them first.
    onReadyRead();
    if (m_state == State::Idle) return;  // they ended the run (SHUTDOWN)
    flushBatch();
    m_state = State::Idle;
    m_batchTimer.stop();
    emit closed(m_socket->errorString());
  });
}

void MonitorClient::connectTo(const QString& host, quint16 port, const QByteArray& token) {
  m_token = token;
  m_buffer.clear();
  m_pending.clear();
  m_state = State::Connecting;
  m_socket->connectToHost(host, port);
}

void MonitorClient::disconnectFromRun() {
  m_state = State::Idle;
  m_batchTimer.stop();
  m_socket->abort();
}

void MonitorClient::drain() {
  if (m_socket->state() == QAbstractSocket::UnconnectedState && m_socket->bytesAvailable() == 0) {
    flushBatch();
    return;
  }
  // The process is gone, so what remains is already in our socket: wait only briefly for it.
  onReadyRead();
  while (m_socket->state() == QAbstractSocket::ConnectedState && m_socket->waitForReadyRead(50)) {
    onReadyRead();
  }
  flushBatch();
}

void MonitorClient::send(const Message& message) {
  const auto frame = encodeFrame(message);
  m_socket->write(reinterpret_cast<const char*>(frame.data()), static_cast<qint64>(frame.size()));
}

void MonitorClient::sendControl(ControlCommand command, int target, double value) {
  if (m_state != State::Watching) return;
  send(Control{static_cast<std::uint8_t>(command), static_cast<std::uint32_t>(target), value});
}

void MonitorClient::onReadyRead() {
  m_buffer += m_socket->readAll();
  std::size_t offset = 0;
  const auto* data = reinterpret_cast<const std::uint8_t*>(m_buffer.constData());
  const auto size = static_cast<std::size_t>(m_buffer.size());
  DecodeLimits limits;
  limits.maxPayload = 256u << 20;  // the history a late monitor gets can be large
  for (;;) {
    Message message;
    std::size_t consumed = 0;
    const DecodeError error =
        decodeFrame({data + offset, size - offset}, limits, message, consumed);
    if (error == DecodeError::NeedMoreBytes) break;
    if (error != DecodeError::None) {
      m_state = State::Idle;
      m_socket->abort();
      emit closed(tr("The engine sent a bad frame: %1").arg(describe(error)));
      return;
    }
    offset += consumed;
    handle(std::move(message));
    if (m_state == State::Idle) break;  // SHUTDOWN: nothing after it matters
  }
  m_buffer.remove(0, static_cast<qsizetype>(offset));
}

void MonitorClient::handle(Message&& message) {
  if (const auto* shutdown = std::get_if<Shutdown>(&message)) {
    flushBatch();
    m_state = State::Idle;
    m_batchTimer.stop();
    emit closed(QString::fromStdString(shutdown->reason));
    return;
  }
  if (const auto* challenge = std::get_if<Challenge>(&message)) {
    const auto mac = authAnswer(m_token.toStdString(), challenge->nonce, 0, kProtocolVersion);
    send(Auth{std::vector<std::uint8_t>(mac.begin(), mac.end())});
    m_state = State::Authenticating;
    return;
  }
  if (std::holds_alternative<Welcome>(message)) {
    m_state = State::Watching;
    m_batchTimer.start();
    emit connected();
    return;
  }
  if (const auto* telemetry = std::get_if<Telemetry>(&message)) {
    decodeBatch({reinterpret_cast<const char*>(telemetry->events.data()), telemetry->events.size()},
                m_pending);
  }
}

void MonitorClient::flushBatch() {
  if (m_pending.empty()) return;
  std::vector<Event> batch;
  batch.swap(m_pending);
  emit events(batch);
}

}  // namespace distlab::app
