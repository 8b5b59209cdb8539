// Real TCP sockets on 127.0.0.1: framing, ordering, traffic counters and how bad peers are cut off.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include "comm/tcp_session.h"

namespace distlab::engine {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

// An acceptor on a free loopback port and one connected socket pair.
struct Loopback {
  asio::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  tcp::socket clientSocket{io};
  tcp::socket serverSocket{io};
  Loopback() {
    clientSocket.connect(acceptor.local_endpoint());
    serverSocket = acceptor.accept();
  }
  // Runs until stop() or the deadline: a hung test fails instead of hanging CI.
  void runFor(std::chrono::seconds limit) { io.run_for(limit); }
};

TEST(SessionTest, AModelSizedPushAndItsReplyCrossIntact) {
  Loopback net;
  const DecodeLimits limits{16u << 20, 235146};
  auto server = std::make_shared<TcpSession>(std::move(net.serverSocket), limits);
  auto client = std::make_shared<TcpSession>(std::move(net.clientSocket), limits);
  std::vector<float> gradient(235146);
  for (std::size_t i = 0; i < gradient.size(); ++i) gradient[i] = static_cast<float>(i) * 0.001f;
  // The server answers a push with parameters one version newer (the push's values, doubled).
  server->start(
      [&](Message&& m) {
        auto& push = std::get<Push>(m);
        for (auto& v : push.values) v *= 2.0f;
        server->send(Params{push.baseVersion + 1, std::move(push.values)});
      },
      [](const CloseReason&) {});
  std::vector<float> received;
  std::uint64_t version = 0;
  client->start(
      [&](Message&& m) {
        auto& params = std::get<Params>(m);
        version = params.version;
        received = std::move(params.values);
        net.io.stop();
      },
      [](const CloseReason&) {});
  client->send(Push{PushKind::Gradient, 41, 64, gradient});
  net.runFor(std::chrono::seconds(10));
  ASSERT_EQ(received.size(), gradient.size());
  EXPECT_EQ(version, 42u);
  for (std::size_t i = 0; i < gradient.size(); i += 997) EXPECT_EQ(received[i], 2.0f * gradient[i]);
  const auto frameBytes = encodeFrame(Push{PushKind::Gradient, 41, 64, gradient}).size();
  EXPECT_EQ(client->bytesSent(), frameBytes);
  EXPECT_EQ(server->bytesReceived(), frameBytes);
  EXPECT_EQ(client->bytesReceived(), server->bytesSent());
}

TEST(SessionTest, FramesArriveInTheOrderTheyWereQueued) {
  Loopback net;
  auto server = std::make_shared<TcpSession>(std::move(net.serverSocket), DecodeLimits{});
  auto client = std::make_shared<TcpSession>(std::move(net.clientSocket), DecodeLimits{});
  std::vector<std::uint64_t> clocks;
  server->start(
      [&](Message&& m) {
        clocks.push_back(std::get<Clock>(m).clock);
        if (clocks.size() == 2000) net.io.stop();
      },
      [](const CloseReason&) {});
  client->start([](Message&&) {}, [](const CloseReason&) {});
  for (std::uint64_t i = 0; i < 2000; ++i) client->send(Clock{i});
  net.runFor(std::chrono::seconds(10));
  ASSERT_EQ(clocks.size(), 2000u);
  for (std::uint64_t i = 0; i < 2000; ++i) ASSERT_EQ(clocks[i], i);
}

// A raw peer that writes bytes the codec must refuse.
std::string closeReasonAfterRawBytes(const std::vector<std::uint8_t>& bytes,
                                     std::uint64_t* received = nullptr) {
  Loopback net;
  auto server = std::make_shared<TcpSession>(std::move(net.serverSocket), DecodeLimits{1u << 20, 0});
  std::string reason = "(still open)";
  bool gotMessage = false;
  server->start([&](Message&&) { gotMessage = true; },
                [&](const CloseReason& r) {
                  EXPECT_EQ(r.kind, CloseReason::Kind::BadFrame);
                  reason = r.text();
                  net.io.stop();
                });
  asio::write(net.clientSocket, asio::buffer(bytes));
  net.runFor(std::chrono::seconds(10));
  EXPECT_FALSE(gotMessage);
  EXPECT_FALSE(server->isOpen());
  if (received) *received = server->bytesReceived();
  return reason;
}

TEST(SessionTest, AWrongMagicClosesTheConnection) {
  auto frame = encodeFrame(Heartbeat{});
  frame[0] = 'X';
  EXPECT_EQ(closeReasonAfterRawBytes(frame), "not a DistLab frame (wrong magic)");
}

TEST(SessionTest, AnOversizedFrameIsCutOffBeforeItsPayloadIsRead) {
  auto frame = encodeFrame(Heartbeat{});
  const std::uint32_t huge = 100u << 20;  // 100 MB announced, the limit is 1 MB
  std::memcpy(frame.data() + 8, &huge, 4);
  frame.resize(frame.size() + 4096, 0);  // some bytes follow, as an attacker would send
  std::uint64_t received = 0;
  EXPECT_EQ(closeReasonAfterRawBytes(frame, &received), "frame larger than allowed");
  EXPECT_EQ(received, kFrameHeaderSize);  // nothing of the payload was read
}

TEST(SessionTest, APeerThatHangsUpIsReported) {
  Loopback net;
  auto server = std::make_shared<TcpSession>(std::move(net.serverSocket), DecodeLimits{});
  std::string reason;
  server->start([](Message&&) {},
                [&](const CloseReason& r) {
                  EXPECT_EQ(r.kind, CloseReason::Kind::PeerClosed);
                  reason = r.text();
                  net.io.stop();
                });
  net.clientSocket.close();
  net.runFor(std::chrono::seconds(10));
  EXPECT_EQ(reason, "peer closed the connection");
}

// A barrier's release: one shared parameter array to three workers at once. It is bigger than
// the socket buffers, so the direct writes stop part way and the event loop sends the rest; one
// session already has a frame queued, which must go first.
TEST(SessionTest, OneSharedArrayReachesManySessionsWholeAndInOrder) {
  asio::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  const std::size_t floats = 6'000'000;  // 24 MB: more than both ends' buffers hold
  const DecodeLimits limits{64u << 20, static_cast<std::uint32_t>(floats)};
  auto values = std::make_shared<std::vector<float>>(floats);
  for (std::size_t i = 0; i < floats; ++i) (*values)[i] = static_cast<float>(i % 1000) - 0.5f;
  std::vector<std::shared_ptr<Session>> servers, clients;
  std::vector<std::vector<Message>> received(3);
  std::vector<std::vector<std::size_t>> sentFrames(3);
  int paramsReceived = 0;
  for (int k = 0; k < 3; ++k) {
    tcp::socket clientSocket{io};
    clientSocket.connect(acceptor.local_endpoint());
    servers.push_back(std::make_shared<TcpSession>(acceptor.accept(), limits));
    clients.push_back(std::make_shared<TcpSession>(std::move(clientSocket), limits));
    servers[k]->observeFrames([&sentFrames, k](MessageType type, std::size_t bytes, bool sent) {
      if (sent && type == MessageType::Params) sentFrames[k].push_back(bytes);
    });
    servers[k]->start([](Message&&) {}, [](const CloseReason&) {});
    clients[k]->start(
        [&, k](Message&& m) {
          if (std::holds_alternative<Params>(m) && ++paramsReceived == 3) io.stop();
          received[k].push_back(std::move(m));
        },
        [](const CloseReason&) {});
  }
  servers[2]->send(Clock{77});  // queued (or written) before the release
  WorkCrew crew(1);
  ParallelWriter writer(crew);
  std::vector<Session::SharedSend> sends;
  for (int k = 0; k < 3; ++k) sends.push_back({servers[k], Params{9, {}}, values});
  Session::sendSharedToMany(sends, writer);
  io.run_for(std::chrono::seconds(20));
  const std::size_t frameBytes = kFrameHeaderSize + bulkPrefixSize(MessageType::Params) + 4 * floats;
  for (int k = 0; k < 3; ++k) {
    ASSERT_EQ(received[k].size(), k == 2 ? 2u : 1u) << "session " << k;
    if (k == 2) {
      EXPECT_EQ(std::get<Clock>(received[k][0]).clock, 77u);
    }
    const auto& params = std::get<Params>(received[k].back());
    EXPECT_EQ(params.version, 9u);
    EXPECT_EQ(params.values, *values) << "session " << k;
    EXPECT_EQ(sentFrames[k], std::vector<std::size_t>{frameBytes}) << "session " << k;
    EXPECT_EQ(clients[k]->bytesReceived(), servers[k]->bytesSent());
  }
}

// A worker gone at the moment of the release: its session is closed (from the event loop, not
// under the caller) and the others still get their parameters. Session 0 never starts reading,
// so only the failed write can close it.
TEST(SessionTest, APeerGoneAtTheReleaseIsClosedAndTheOthersAreServed) {
  asio::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  const std::size_t floats = 6'000'000;
  const DecodeLimits limits{64u << 20, static_cast<std::uint32_t>(floats)};
  auto values = std::make_shared<std::vector<float>>(floats, 1.5f);
  std::vector<std::shared_ptr<Session>> servers;
  std::vector<tcp::socket> clientSockets;
  for (int k = 0; k < 2; ++k) {
    clientSockets.emplace_back(io).connect(acceptor.local_endpoint());
    servers.push_back(std::make_shared<TcpSession>(acceptor.accept(), limits));
  }
  servers[1]->start([](Message&&) {}, [](const CloseReason&) {});
  // Worker 0's socket is gone: a reset as soon as anything reaches it.
  clientSockets[0].set_option(asio::socket_base::linger(true, 0));
  clientSockets[0].close();
  auto reader = std::make_shared<TcpSession>(std::move(clientSockets[1]), limits);
  bool served = false;
  reader->start(
      [&](Message&& m) {
        served = std::get<Params>(m).values == *values;
        io.stop();
      },
      [](const CloseReason&) {});
  WorkCrew crew(1);
  ParallelWriter writer(crew);
  std::vector<Session::SharedSend> sends = {{servers[0], Params{3, {}}, values},
                                            {servers[1], Params{3, {}}, values}};
  Session::sendSharedToMany(sends, writer);
  EXPECT_TRUE(servers[0]->isOpen());  // not closed under the caller
  io.run_for(std::chrono::seconds(20));
  EXPECT_TRUE(served);
  EXPECT_FALSE(servers[0]->isOpen());
}

}  // namespace
}  // namespace distlab::engine
