#include "comm/read_ahead.h"

#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <numeric>
#include <thread>
#include <vector>

#include "comm/blocking_channel.h"

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
// exactly its own frame, small and bulk alike, and leave the next one whole.
TEST(ReadAheadTest, AChannelSplitsFramesThatArriveTogether) {
  BlockingListener listener("127.0.0.1");
  BlockingChannel sender;
  BlockingChannel receiver;
  std::thread accepting([&] { listener.accept(receiver, 5000); });
  sender.connect("127.0.0.1", listener.port(), 5000);
  accepting.join();
  std::vector<float> big(50'000);
  std::iota(big.begin(), big.end(), 0.5f);
  sender.send(Pull{1});
  sender.send(Params{2, {1.0f, 2.0f, 3.0f}});
  sender.sendBulk(Params{3, {}}, big);
  sender.send(Pull{4});
  std::this_thread::sleep_for(20ms);  // let them all arrive before the first read

  EXPECT_EQ(std::get<Pull>(receiver.receive()).haveVersion, 1u);
  const auto small = std::get<Params>(receiver.receive());
  EXPECT_EQ(small.version, 2u);
  EXPECT_EQ(small.values, (std::vector<float>{1.0f, 2.0f, 3.0f}));
  std::vector<float> target(big.size());
  const auto bulk = std::get<Params>(receiver.receive(target));
  EXPECT_EQ(bulk.version, 3u);
  EXPECT_EQ(target, big);
  EXPECT_EQ(std::get<Pull>(receiver.receive()).haveVersion, 4u);
  EXPECT_EQ(receiver.bytesReceived(), sender.bytesSent());
}

}  // namespace
}  // namespace distlab::engine
