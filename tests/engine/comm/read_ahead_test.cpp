#include "comm/read_ahead.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "comm/blocking_channel.h"
#include "channel_pair.h"
#include "core/error.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;

/// A connected pair of stream sockets, closed at the end of the scope.
struct SocketPair {
  int fds[2] = {-1, -1};
  SocketPair() { EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0); }
  ~SocketPair() {
    for (int fd : fds)
      if (fd >= 0) ::close(fd);
  }
  void write(const std::vector<std::uint8_t>& bytes) const {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(fds[1], bytes.data() + done, bytes.size() - done);
      ASSERT_GT(n, 0);
      done += static_cast<std::size_t>(n);
    }
  }
  void closeWriter() {
    ::close(fds[1]);
    fds[1] = -1;
  }
};

std::vector<std::uint8_t> pattern(std::size_t n) {
  std::vector<std::uint8_t> bytes(n);
  for (std::size_t i = 0; i < n; ++i) bytes[i] = static_cast<std::uint8_t>(i * 7 + i / 251);
  return bytes;
}

TEST(ReadAheadTest, OneRecvTakesSeveralSmallPiecesAndHandsThemOutInOrder) {
  SocketPair pair;
  const auto sent = pattern(64);
  pair.write(sent);
  ReadAhead reader;
  std::vector<std::uint8_t> got(64);
  ASSERT_EQ(reader.read(pair.fds[0], got.data(), 12), 0);
  EXPECT_EQ(reader.buffered(), 52u);  // the rest came with the first 12 bytes
  ASSERT_EQ(reader.read(pair.fds[0], got.data() + 12, 20), 0);
  ASSERT_EQ(reader.read(pair.fds[0], got.data() + 32, 32), 0);
  EXPECT_EQ(reader.buffered(), 0u);
  EXPECT_EQ(got, sent);
}

TEST(ReadAheadTest, PiecesOfEverySizeAcrossTheBufferAndStraightReadsKeepEveryByte) {
  SocketPair pair;
  const std::size_t total = 400'000;
  const auto sent = pattern(total);
  std::thread writer([&] { pair.write(sent); });  // more than the socket holds: in parts
  ReadAhead reader;
  std::vector<std::uint8_t> got(total);
  // Small pieces through the buffer, a large one straight through (part of it buffered
  // already), a piece just under the direct size, and whatever is left.
  const std::vector<std::size_t> pieces = {12, 20, 8, 150'000, 7, ReadAhead::kDirectBytes - 1,
                                           ReadAhead::kDirectBytes, 1, 65'536, 3};
  std::size_t at = 0;
  for (std::size_t piece : pieces) {
    ASSERT_EQ(reader.read(pair.fds[0], got.data() + at, piece), 0) << "at byte " << at;
    at += piece;
  }
  ASSERT_EQ(reader.read(pair.fds[0], got.data() + at, total - at), 0);
  writer.join();
  EXPECT_EQ(got, sent);
}

TEST(ReadAheadTest, ALargeReadGoesStraightIntoPlaceAndTakesNothingBeyondIt) {
  SocketPair pair;
  const int big = 1 << 20;
  ASSERT_EQ(::setsockopt(pair.fds[1], SOL_SOCKET, SO_SNDBUF, &big, sizeof big), 0);
  const std::size_t floats = 100'000;
  const auto sent = pattern(floats + 64);
  pair.write(sent);  // all of it waits in the socket before the first read
  ReadAhead reader;
  std::vector<std::uint8_t> got(sent.size());
  ASSERT_EQ(reader.read(pair.fds[0], got.data(), floats), 0);
  EXPECT_EQ(reader.buffered(), 0u);  // through the buffer, the next 64 bytes would wait in it
  ASSERT_EQ(reader.read(pair.fds[0], got.data() + floats, 64), 0);
  EXPECT_EQ(got, sent);
}

TEST(ReadAheadTest, ANonBlockingSocketIsWaitedOnUntilItsBytesCome) {
  SocketPair pair;
  ASSERT_EQ(::fcntl(pair.fds[0], F_SETFL, ::fcntl(pair.fds[0], F_GETFL) | O_NONBLOCK), 0);
  const auto sent = pattern(100);
  std::thread writer([&] {
    std::this_thread::sleep_for(20ms);  // the first recv finds nothing (EAGAIN)
    pair.write({sent.begin(), sent.begin() + 30});
    std::this_thread::sleep_for(20ms);
    pair.write({sent.begin() + 30, sent.end()});
  });
  ReadAhead reader;
  std::vector<std::uint8_t> got(100);
  ASSERT_EQ(reader.read(pair.fds[0], got.data(), 100), 0);
  writer.join();
  EXPECT_EQ(got, sent);
}

TEST(ReadAheadTest, BytesThatComeOneAtATimeAreWaitedFor) {
  SocketPair pair;
  const auto sent = pattern(40);
  std::thread writer([&] {
    for (std::uint8_t b : sent) {
      pair.write({b});
      std::this_thread::sleep_for(200us);
    }
  });
  ReadAhead reader;
  std::vector<std::uint8_t> got(40);
  ASSERT_EQ(reader.read(pair.fds[0], got.data(), 30), 0);
  ASSERT_EQ(reader.read(pair.fds[0], got.data() + 30, 10), 0);
  writer.join();
  EXPECT_EQ(got, sent);
}

TEST(ReadAheadTest, APeerThatClosesBeforeTheLastByteIsReportedAsClosed) {
  SocketPair pair;
  pair.write(pattern(10));
  pair.closeWriter();
  ReadAhead reader;
  std::vector<std::uint8_t> got(20);
  EXPECT_EQ(reader.read(pair.fds[0], got.data(), 4), 0);
  EXPECT_EQ(reader.read(pair.fds[0], got.data(), 20), -1);  // 6 buffered, then the end
  EXPECT_NE(reader.read(-1, got.data(), 1), 0);             // a bad descriptor: its errno
}

// Frames written back to back reach the channel in one recv; each receive() must still give
// exactly its own frame, small and bulk alike, leave the next one whole, and not wait on the
// socket for a frame it already holds.
TEST(ReadAheadTest, AChannelSplitsFramesThatArriveTogether) {
  testing::ChannelPair channels;
  BlockingChannel& sender = channels.sender;
  BlockingChannel& receiver = channels.receiver;
  // With a deadline for each frame to start: the frames already read ahead must not wait on
  // the socket for it (they are not in the kernel any more).
  receiver.setReceiveTimeout(2000);
  std::vector<float> big(50'000);
  std::iota(big.begin(), big.end(), 0.5f);
  sender.send(Pull{1});
  sender.send(Params{2, {1.0f, 2.0f, 3.0f}});
  sender.send(Pull{3});  // the three come in the first recv: nothing left in the kernel
  std::this_thread::sleep_for(20ms);  // let them all arrive before the first read

  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(std::get<Pull>(receiver.receive()).haveVersion, 1u);
  const auto small = std::get<Params>(receiver.receive());
  EXPECT_EQ(small.version, 2u);
  EXPECT_EQ(small.values, (std::vector<float>{1.0f, 2.0f, 3.0f}));
  EXPECT_EQ(std::get<Pull>(receiver.receive()).haveVersion, 3u);
  sender.sendBulk(Params{4, {}}, big);
  sender.send(Pull{5});
  std::this_thread::sleep_for(20ms);
  std::vector<float> target(big.size());
  const auto bulk = std::get<Params>(receiver.receive(target));
  EXPECT_EQ(bulk.version, 4u);
  EXPECT_EQ(target, big);
  EXPECT_EQ(std::get<Pull>(receiver.receive()).haveVersion, 5u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1000ms);
  EXPECT_EQ(receiver.bytesReceived(), sender.bytesSent());

  sender.send(Pull{6});
  sender.close();  // a frame, then the end: the frame first, then the reason
  EXPECT_EQ(std::get<Pull>(receiver.receive()).haveVersion, 6u);
  try {
    receiver.receive();
    ADD_FAILURE() << "a closed connection gave a frame";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("closed the connection"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace distlab::engine
