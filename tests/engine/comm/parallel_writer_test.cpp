// Real sockets: several writes at once, a full socket buffer and a closed peer.
#include <csignal>
#include <cstring>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include "comm/parallel_writer.h"

namespace distlab::engine {
namespace {

// A connected Unix stream pair whose send buffer is as small as the kernel allows, so a large
// write stops at a full buffer.
struct SocketPair {
  int writer = -1, reader = -1;
  explicit SocketPair(int sendBuffer = 0) {
    int fds[2];
    EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    writer = fds[0];
    reader = fds[1];
    if (sendBuffer > 0) ::setsockopt(writer, SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof sendBuffer);
  }
  ~SocketPair() {
    if (writer >= 0) ::close(writer);
    if (reader >= 0) ::close(reader);
  }
  std::vector<unsigned char> readExactly(std::size_t n) const {
    std::vector<unsigned char> out(n);
    std::size_t got = 0;
    while (got < n) {
      const ssize_t r = ::read(reader, out.data() + got, n - got);
      if (r <= 0) break;
      got += static_cast<std::size_t>(r);
    }
    out.resize(got);
    return out;
  }
};

std::vector<unsigned char> pattern(std::size_t n, int seed) {
  std::vector<unsigned char> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<unsigned char>((i * 31 + seed) & 0xff);
  return v;
}

TEST(ParallelWriterTest, WritesEveryJobWholeAndInOrder) {
  for (int helpers : {0, 1, 3}) {
    WorkCrew crew(helpers);
    ParallelWriter writer(crew);
    std::vector<SocketPair> pairs(4);
    const auto head = pattern(29, 7);
    std::vector<std::vector<unsigned char>> bodies;
    std::vector<ParallelWriter::Job> jobs;
    for (int k = 0; k < 4; ++k) bodies.push_back(pattern(100'000 + 1000 * k, k));
    for (int k = 0; k < 4; ++k) {
      jobs.push_back({pairs[k].writer, {{head.data(), head.size()}, {bodies[k].data(), bodies[k].size()}}});
    }
    // The readers drain while the writes go on, so even a small buffer takes everything.
    std::vector<std::vector<unsigned char>> got(4);
    std::vector<std::thread> readers;
    for (int k = 0; k < 4; ++k) {
      readers.emplace_back([&, k] { got[k] = pairs[k].readExactly(head.size() + bodies[k].size()); });
    }
    std::vector<ParallelWriter::Outcome> outcomes(4);
    // Nonblocking writes may stop at a full buffer: write the rest until done, as the session does.
    std::vector<std::size_t> done(4, 0);
    for (int round = 0; round < 10000; ++round) {
      std::vector<ParallelWriter::Job> left;
      std::vector<int> which;
      for (int k = 0; k < 4; ++k) {
        const std::size_t total = head.size() + bodies[k].size();
        if (done[k] == total) continue;
        ParallelWriter::Job j = jobs[k];
        std::size_t skip = done[k];
        for (auto& p : j.pieces) {
          const std::size_t s = std::min(skip, p.size);
          p.data = static_cast<const unsigned char*>(p.data) + s;
          p.size -= s;
          skip -= s;
        }
        left.push_back(j);
        which.push_back(k);
      }
      if (left.empty()) break;
      std::vector<ParallelWriter::Outcome> out(left.size());
      writer.write(left, out);
      bool failed = false;
      for (std::size_t i = 0; i < left.size(); ++i) {
        EXPECT_EQ(out[i].error, 0);
        failed = failed || out[i].error != 0;
        done[which[i]] += out[i].written;
      }
      if (failed) {  // let the readers see the end instead of waiting forever
        for (auto& p : pairs) ::shutdown(p.writer, SHUT_RDWR);
        break;
      }
      std::this_thread::yield();
    }
    for (auto& t : readers) t.join();
    for (int k = 0; k < 4; ++k) {
      std::vector<unsigned char> expected = head;
      expected.insert(expected.end(), bodies[k].begin(), bodies[k].end());
      EXPECT_EQ(got[k], expected) << "helpers " << helpers << ", socket " << k;
    }
  }
}

TEST(ParallelWriterTest, AFullBufferStopsTheWriteWithoutAnError) {
  WorkCrew crew(1);
  ParallelWriter writer(crew);
  SocketPair a(4096), b(4096);  // nobody reads
  const auto body = pattern(4 << 20, 1);
  const std::vector<ParallelWriter::Job> jobs = {
      {a.writer, {{body.data(), body.size()}, {nullptr, 0}}},
      {b.writer, {{body.data(), 10}, {body.data() + 10, body.size() - 10}}}};
  std::vector<ParallelWriter::Outcome> out(2);
  writer.write(jobs, out);  // returns: the writes never block
  for (const auto& o : out) {
    EXPECT_EQ(o.error, 0);
    EXPECT_GT(o.written, 0u);
    EXPECT_LT(o.written, body.size());
  }
  // What was written is the start of the frame, byte for byte.
  const auto got = a.readExactly(out[0].written);
  EXPECT_TRUE(std::equal(got.begin(), got.end(), body.begin()));
}

TEST(ParallelWriterTest, AClosedPeerIsAnErrorNotASignal) {
  WorkCrew crew(1);
  ParallelWriter writer(crew);
  SocketPair a, b;
  ::close(a.reader);
  a.reader = -1;
  const auto body = pattern(1000, 2);
  const std::vector<ParallelWriter::Job> jobs = {{a.writer, {{body.data(), body.size()}, {}}},
                                                 {b.writer, {{body.data(), body.size()}, {}}}};
  std::vector<ParallelWriter::Outcome> out(2);
  writer.write(jobs, out);  // no SIGPIPE: the test process lives on
  EXPECT_EQ(out[0].error, EPIPE);
  EXPECT_EQ(out[1].error, 0);
  EXPECT_EQ(out[1].written, body.size());
  EXPECT_EQ(b.readExactly(body.size()), body);
}

}  // namespace
}  // namespace distlab::engine
