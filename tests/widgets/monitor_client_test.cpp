// MonitorClient against a real QTcpServer speaking the coordinator's side of the protocol.
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

#include "app/monitor_client.h"
#include "comm/messages.h"

namespace distlab::app {
namespace {

using namespace distlab::engine;

QByteArray frame(const Message& m) {
  const auto bytes = encodeFrame(m);
  return QByteArray(reinterpret_cast<const char*>(bytes.data()),
                    static_cast<qsizetype>(bytes.size()));
}

Telemetry batch(int first, int count) {
  std::vector<Event> events;
  for (int i = first; i < first + count; ++i) {
    events.push_back(Metric{i, "train_loss", 0, static_cast<std::uint64_t>(i), 1.0 / (i + 1)});
  }
  const std::string text = encodeBatch(events);
  return Telemetry{std::vector<std::uint8_t>(text.begin(), text.end())};
}

TEST(MonitorClientTest, EveryEventArrivesOnceEvenWhenTheEngineClosesRightAfterItsLastFrames) {
  QTcpServer server;
  ASSERT_TRUE(server.listen(QHostAddress::LocalHost));
  MonitorClient client;
  QSignalSpy connected(&client, &MonitorClient::connected);
  QSignalSpy closed(&client, &MonitorClient::closed);
  std::vector<Event> received;
  QObject::connect(&client, &MonitorClient::events, [&](const std::vector<Event>& b) {
    received.insert(received.end(), b.begin(), b.end());
  });
  client.connectTo("127.0.0.1", server.serverPort(), "token");
  ASSERT_TRUE(server.waitForNewConnection(5000));
  QTcpSocket* peer = server.nextPendingConnection();
  // HELLO arrives; the server challenges and (whatever the answer) welcomes.
  for (int i = 0; i < 100 && peer->bytesAvailable() < 12; ++i) {
    QCoreApplication::processEvents();
    peer->waitForReadyRead(20);
  }
  peer->write(frame(Challenge{std::vector<std::uint8_t>(32, 7)}));
  peer->write(frame(Welcome{10, 0, "{}"}));
  peer->flush();
  ASSERT_TRUE(connected.wait(5000));
  // Three batches, the end of the run, and the connection closed at once: one write.
  peer->write(frame(batch(0, 100)) + frame(batch(100, 50)) + frame(batch(150, 7)) +
              frame(Shutdown{"every worker finished"}));
  peer->flush();
  peer->disconnectFromHost();
  ASSERT_TRUE(closed.wait(5000));
  client.drain();
  QCoreApplication::processEvents();
  ASSERT_EQ(received.size(), 157u);
  for (std::size_t i = 0; i < received.size(); ++i) {
    EXPECT_EQ(std::get<Metric>(received[i]).step, i);  // in order, none twice
  }
  EXPECT_EQ(closed.count(), 1);
  EXPECT_EQ(closed.at(0).at(0).toString(), "every worker finished");
}

}  // namespace
}  // namespace distlab::app
