#include "app/control_channel.h"

#include <QTcpSocket>

#include "comm/handshake.h"
#include "core/stopwatch.h"

namespace distlab::app {

using namespace distlab::engine;

namespace {
constexpr std::uint32_t kMonitorMaxFrame = 256u << 20;  // TelemetryHub's own limit
}  // namespace

ControlChannel::ControlChannel(QObject* parent) : QObject(parent), m_socket(new QTcpSocket(this)) {
  connect(m_socket, &QTcpSocket::connected, this, [this] {
    const auto role = m_role == Role::Monitor ? PeerRole::Monitor : PeerRole::Controller;
    write(Hello{role, 0, steadyNowNs()});
  });
  connect(m_socket, &QTcpSocket::readyRead, this, &ControlChannel::onReadyRead);
  connect(m_socket, &QTcpSocket::disconnected, this, [this] {
    const bool watching = m_state != State::Idle;
    m_state = State::Idle;
    if (watching && m_role == Role::Monitor) emit ended(m_accepted, tr("the connection ended"));
  });
  connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
    if (error == QAbstractSocket::RemoteHostClosedError || m_state == State::Idle) return;
    m_state = State::Idle;
    if (m_role == Role::Monitor) emit ended(m_accepted, m_socket->errorString());
  });
}

void ControlChannel::connectTo(const QString& host, quint16 port, const QByteArray& token,
                               Role role) {
  m_socket->abort();  // not disconnectFromRun(): commands given before the port came stay
  m_role = role;
  m_accepted = false;
  m_challenged = false;
  m_token = token;
  m_buffer.clear();
  m_state = State::Connecting;
  m_socket->connectToHost(host, port);
}

void ControlChannel::disconnectFromRun() {
  m_state = State::Idle;
  m_waiting.clear();
  m_socket->abort();
}

void ControlChannel::flushAndDisconnect() {
  m_state = State::Idle;
  m_waiting.clear();
  m_socket->flush();
  m_socket->disconnectFromHost();  // after what is written has gone
}

void ControlChannel::write(const Message& message) {
  const auto frame = encodeFrame(message);
  m_socket->write(reinterpret_cast<const char*>(frame.data()), static_cast<qint64>(frame.size()));
}

void ControlChannel::send(ControlCommand command, int target, double value) {
  const Control control{static_cast<std::uint8_t>(command), static_cast<std::uint32_t>(target),
                        value};
  if (m_state == State::Ready) {
    write(control);
  } else {
    m_waiting.push_back(control);
  }
}

void ControlChannel::onReadyRead() {
  m_buffer += m_socket->readAll();
  std::size_t offset = 0;
  const auto* data = reinterpret_cast<const std::uint8_t*>(m_buffer.constData());
  const auto size = static_cast<std::size_t>(m_buffer.size());
  for (;;) {
    Message message;
    std::size_t consumed = 0;
    // A monitor's first TELEMETRY holds the run's history so far: as large as the hub takes.
    const DecodeLimits limits{
        m_role == Role::Monitor ? kMonitorMaxFrame : DecodeLimits{}.maxPayload, 0};
    const DecodeError error =
        decodeFrame({data + offset, size - offset}, limits, message, consumed);
    if (error == DecodeError::NeedMoreBytes) break;
    if (error != DecodeError::None) {
      const bool following = m_role == Role::Monitor && m_state != State::Idle;
      disconnectFromRun();  // not our coordinator (or another version of it)
      if (following) {
        emit ended(m_accepted, tr("it sent what this window cannot read (%1)")
                                   .arg(QString::fromUtf8(describe(error))));
      }
      return;
    }
    if (m_role == Role::Monitor && std::holds_alternative<Telemetry>(message)) {
      emit telemetry(
          m_buffer.mid(static_cast<qsizetype>(offset), static_cast<qsizetype>(consumed)));
    }
    offset += consumed;
    if (const auto* challenge = std::get_if<Challenge>(&message)) {
      m_challenged = true;
      const auto mac = authAnswer(m_token.toStdString(), challenge->nonce, 0, kProtocolVersion);
      write(Auth{std::vector<std::uint8_t>(mac.begin(), mac.end())});
      m_state = State::Authenticating;
    } else if (std::holds_alternative<Welcome>(message)) {
      m_state = State::Ready;
      m_accepted = true;
      for (const Control& waiting : m_waiting) write(waiting);
      m_waiting.clear();
      emit connected();
    } else if (std::holds_alternative<Shutdown>(message)) {
      m_state = State::Idle;
      if (m_role == Role::Monitor) {
        m_socket->abort();
        emit ended(m_accepted, m_accepted
                                   ? QString()
                                   : QString::fromStdString(std::get<Shutdown>(message).reason));
        return;
      }
    }
  }
  m_buffer.remove(0, static_cast<qsizetype>(offset));
}

}  // namespace distlab::app
