#include "comm/ring_allreduce.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <random>
#include <thread>

#include "../test_support.h"

namespace distlab::engine {
namespace {

// A rank's inbox: what its previous rank sent, in order.
class Inbox {
 public:
  void put(RingChunk chunk) {
    {
      std::lock_guard lock(m_mutex);
      m_chunks.push_back(std::move(chunk));
    }
    m_ready.notify_one();
  }
  RingChunk take() {
    std::unique_lock lock(m_mutex);
    m_ready.wait(lock, [&] { return !m_chunks.empty(); });
    RingChunk c = std::move(m_chunks.front());
    m_chunks.pop_front();
    return c;
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_ready;
  std::deque<RingChunk> m_chunks;
};

// Runs the all-reduce on `inputs` (one vector per rank) with a thread per rank, each chunk in
// `segments` pieces; the floats each rank sent (and, when asked, its messages).
std::vector<std::size_t> allReduce(std::vector<std::vector<float>>& inputs, int segments = 1,
                                   std::vector<std::size_t>* messages = nullptr) {
  const int n = static_cast<int>(inputs.size());
  std::vector<Inbox> inboxes(static_cast<std::size_t>(n));
  std::vector<std::size_t> sent(static_cast<std::size_t>(n), 0);
  if (messages) messages->assign(static_cast<std::size_t>(n), 0);
  std::vector<std::thread> threads;
  for (int r = 0; r < n; ++r) {
    threads.emplace_back([&, r] {
      RingLinks links{[&](const RingChunk& c) {
                        sent[static_cast<std::size_t>(r)] += c.values.size();
                        if (messages) ++(*messages)[static_cast<std::size_t>(r)];
                        inboxes[static_cast<std::size_t>((r + 1) % n)].put(c);
                      },
                      [&] { return inboxes[static_cast<std::size_t>(r)].take(); }};
      ringAllReduce(inputs[static_cast<std::size_t>(r)], r, n, links, segments);
    });
  }
  for (auto& t : threads) t.join();
  return sent;
}

TEST(RingAllReduceTest, EqualsThePlainSumOnEveryRankForTwoToEightRanksAndAnyLength) {
  std::mt19937 rng(5);
  for (int n = 1; n <= 8; ++n) {
    for (const std::size_t length : {std::size_t{0}, std::size_t{1}, std::size_t(n - 1),
                                     std::size_t(n), std::size_t(n + 1), std::size_t{1003}}) {
      SCOPED_TRACE("ranks " + std::to_string(n) + ", length " + std::to_string(length));
      // Small whole numbers: every order of summing gives the same exact result.
      std::vector<std::vector<float>> inputs(static_cast<std::size_t>(n),
                                             std::vector<float>(length));
      std::vector<float> sum(length, 0.0f);
      for (auto& v : inputs) {
        for (std::size_t i = 0; i < length; ++i) {
          v[i] = static_cast<float>(static_cast<int>(rng() % 2001) - 1000);
          sum[i] += v[i];
        }
      }
      const auto sent = allReduce(inputs);
      for (int r = 0; r < n; ++r) {
        EXPECT_EQ(inputs[static_cast<std::size_t>(r)], sum) << "rank " << r;
        // 2(N-1)/N of the floats: everything but the two chunks it ends each phase with.
        auto size = [&](int c) {
          return ringChunkBegin(length, n, (c % n) + 1) - ringChunkBegin(length, n, c % n);
        };
        const std::size_t expected = n == 1 ? 0 : 2 * length - size(r + 1) - size(r + 2);
        EXPECT_EQ(sent[static_cast<std::size_t>(r)], expected) << "rank " << r;
      }
    }
  }
}

TEST(RingAllReduceTest, EveryRankEndsWithTheSameBitsCloseToTheSumInDouble) {
  std::mt19937 rng(6);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  const int n = 5;
  const std::size_t length = 10'007;
  std::vector<std::vector<float>> inputs(n, std::vector<float>(length));
  std::vector<double> sum(length, 0.0);
  for (auto& v : inputs) {
    for (std::size_t i = 0; i < length; ++i) {
      v[i] = normal(rng);
      sum[i] += v[i];
    }
  }
  allReduce(inputs);
  for (int r = 1; r < n; ++r) EXPECT_EQ(inputs[static_cast<std::size_t>(r)], inputs[0]);
  for (std::size_t i = 0; i < length; ++i) ASSERT_NEAR(inputs[0][i], sum[i], 1e-5) << i;
}

// Pipelined: each chunk in 1, 2, 3 or 7 pieces (more pieces than floats too). The sums are the
// same bits as unsegmented (each float is added in the same order), each rank sends the same
// floats, in 2(N-1) * segments messages.
TEST(RingAllReduceTest, SegmentedChunksGiveTheSameBitsAndBytesInSegmentsTimesTheMessages) {
  std::mt19937 rng(8);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  for (int n : {2, 3, 5}) {
    for (const std::size_t length : {std::size_t{4}, std::size_t{1003}}) {
      std::vector<std::vector<float>> inputs(static_cast<std::size_t>(n),
                                             std::vector<float>(length));
      for (auto& v : inputs) {
        for (auto& x : v) x = normal(rng);
      }
      auto whole = inputs;
      const auto sentWhole = allReduce(whole);
      for (int segments : {2, 3, 7}) {
        SCOPED_TRACE("ranks " + std::to_string(n) + ", length " + std::to_string(length) +
                     ", segments " + std::to_string(segments));
        auto pieces = inputs;
        std::vector<std::size_t> messages;
        const auto sent = allReduce(pieces, segments, &messages);
        EXPECT_EQ(pieces, whole);
        EXPECT_EQ(sent, sentWhole);
        for (const auto m : messages) {
          EXPECT_EQ(m, static_cast<std::size_t>(2 * (n - 1) * segments));
        }
      }
    }
  }
}

TEST(RingAllReduceTest, AChunkOutOfOrderIsRefusedSayingWhatWasExpected) {
  std::vector<float> values(10, 1.0f);
  RingLinks links{[](const RingChunk&) {},
                  [] {
                    return RingChunk{7, 0, 3, std::vector<float>(3)};
                  }};
  const std::string message = testing::errorOf([&] { ringAllReduce(values, 0, 3, links); });
  EXPECT_NE(message.find("expected piece 2 of step 0 (4 floats), got piece 3"), std::string::npos)
      << message;
  EXPECT_NE(testing::errorOf([&] { ringAllReduce(values, 3, 3, links); }).find("rank 3 of 3"),
            std::string::npos);
}

}  // namespace
}  // namespace distlab::engine
