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

#include "comm/session.h"

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
  auto server = std::make_shared<Session>(std::move(net.serverSocket), limits);
  auto client = std::make_shared<Session>(std::move(net.clientSocket), limits);
  std::vector<float> gradient(235146);
  for (std::size_t i = 0; i < gradient.size(); ++i) gradient[i] = static_cast<float>(i) * 0.001f;
  // The server answers a push with parameters one version newer (the push's values, doubled).
  server->start(
      [&](Message&& m) {
        auto& push = std::get<Push>(m);
        for (auto& v : push.values) v *= 2.0f;
        server->send(Params{push.baseVersion + 1, std::move(push.values)});
      },
      [](const std::string&) {});
  std::vector<float> received;
  std::uint64_t version = 0;
  client->start(
      [&](Message&& m) {
        auto& params = std::get<Params>(m);
        version = params.version;
        received = std::move(params.values);
        net.io.stop();
      },
      [](const std::string&) {});
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
  auto server = std::make_shared<Session>(std::move(net.serverSocket), DecodeLimits{});
  auto client = std::make_shared<Session>(std::move(net.clientSocket), DecodeLimits{});
  std::vector<std::uint64_t> clocks;
  server->start(
      [&](Message&& m) {
        clocks.push_back(std::get<Clock>(m).clock);
        if (clocks.size() == 2000) net.io.stop();
      },
      [](const std::string&) {});
  client->start([](Message&&) {}, [](const std::string&) {});
  for (std::uint64_t i = 0; i < 2000; ++i) client->send(Clock{i});
  net.runFor(std::chrono::seconds(10));
  ASSERT_EQ(clocks.size(), 2000u);
  for (std::uint64_t i = 0; i < 2000; ++i) ASSERT_EQ(clocks[i], i);
}

// A raw peer that writes bytes the codec must refuse.
std::string closeReasonAfterRawBytes(const std::vector<std::uint8_t>& bytes,
                                     std::uint64_t* received = nullptr) {
  Loopback net;
  auto server = std::make_shared<Session>(std::move(net.serverSocket), DecodeLimits{1u << 20, 0});
  std::string reason = "(still open)";
  bool gotMessage = false;
  server->start([&](Message&&) { gotMessage = true; },
                [&](const std::string& r) {
                  reason = r;
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
  auto server = std::make_shared<Session>(std::move(net.serverSocket), DecodeLimits{});
  std::string reason;
  server->start([](Message&&) {},
                [&](const std::string& r) {
                  reason = r;
                  net.io.stop();
                });
  net.clientSocket.close();
  net.runFor(std::chrono::seconds(10));
  EXPECT_EQ(reason, "peer closed the connection");
}

}  // namespace
}  // namespace distlab::engine
