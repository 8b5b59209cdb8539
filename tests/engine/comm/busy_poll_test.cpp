#include "comm/busy_poll.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "comm/blocking_channel.h"
#include "channel_pair.h"
#include "core/stopwatch.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;

/// CPU time this thread has used, in ns.
std::int64_t threadCpuNs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

/// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : m_name(name) {
    if (const char* old = std::getenv(name)) m_old = old;
    if (value) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (m_old.empty()) {
      unsetenv(m_name);
    } else {
      setenv(m_name, m_old.c_str(), 1);
    }
  }

 private:
  const char* m_name;
  std::string m_old;
};

TEST(BusyPollTest, PollingStopsAtTheFirstReadyAndGivesUpAfterItsBudget) {
  int calls = 0;
  EXPECT_TRUE(pollUntil([&] { return ++calls == 5; }, 1'000'000'000));
  EXPECT_EQ(calls, 5);

  const auto start = steadyNowNs();
  EXPECT_FALSE(pollUntil([] { return false; }, 3'000'000));
  EXPECT_GE(steadyNowNs() - start, 3'000'000);
}

TEST(BusyPollTest, EveryProcessNeedsACoreOfItsOwnUnlessForced) {
  const int cores = usableCores();
  ASSERT_GE(cores, 1);
  EXPECT_LE(cores, static_cast<int>(std::thread::hardware_concurrency()));
  {
    const ScopedEnv unset("DISTLAB_BUSY_POLL", nullptr);
    EXPECT_TRUE(busyPollFits(cores));
    EXPECT_FALSE(busyPollFits(cores + 1));
  }
  {
    const ScopedEnv off("DISTLAB_BUSY_POLL", "0");
    EXPECT_FALSE(busyPollFits(1));
  }
  {
    const ScopedEnv on("DISTLAB_BUSY_POLL", "1");
    EXPECT_TRUE(busyPollFits(cores + 100));
  }
}

TEST(BusyPollTest, ThePollingLoopRunsEveryHandlerAndEndsWithItsWork) {
  boost::asio::io_context io;
  int ran = 0;
  int asked = 0;
  // Handlers from another thread while the loop polls, and timers it must sleep for.
  auto guard = boost::asio::make_work_guard(io);
  std::thread poster([&] {
    for (int i = 0; i < 50; ++i) {
      boost::asio::post(io, [&] { ++ran; });
      std::this_thread::sleep_for(100us);
    }
    boost::asio::post(io, [&] { guard.reset(); });
  });
  boost::asio::steady_timer later(io, 30ms);
  later.async_wait([&](boost::system::error_code ec) {
    if (!ec) ++ran;
  });
  runPolling(io, 1'000'000, [&] { return ++asked % 2 == 0; });  // every other round sleeps
  poster.join();
  EXPECT_EQ(ran, 51);
  EXPECT_GT(asked, 0);
  EXPECT_TRUE(io.stopped());
}

TEST(BusyPollTest, ThePollingLoopSleepsOnceItsBudgetIsSpent) {
  boost::asio::io_context io;
  boost::asio::steady_timer later(io, 300ms);
  bool fired = false;
  later.async_wait([&](boost::system::error_code ec) { fired = !ec; });
  const auto cpu0 = threadCpuNs();
  runPolling(io, 1'000'000, [] { return true; });
  const auto cpu = threadCpuNs() - cpu0;
  EXPECT_TRUE(fired);
  // 1 ms of polling, then asleep until the timer: far less than the 300 ms a spinner would use.
  EXPECT_LT(cpu, 30'000'000);
}

TEST(BusyPollTest, APollingChannelReceivesFramesThatComeAtOnceAndAfterItsBudget) {
  testing::ChannelPair channels;
  BlockingChannel& sender = channels.sender;
  BlockingChannel& receiver = channels.receiver;
  receiver.setBusyPoll(2'000'000);

  sender.send(Pull{7});
  EXPECT_EQ(std::get<Pull>(receiver.receive()).haveVersion, 7u);  // already there: no polling

  std::thread late([&] {
    std::this_thread::sleep_for(1ms);  // within the budget: found by polling
    sender.send(Pull{8});
    std::this_thread::sleep_for(50ms);  // past it: the receiver sleeps in the read
    sender.send(Pull{9});
  });
  EXPECT_EQ(std::get<Pull>(receiver.receive()).haveVersion, 8u);
  const auto cpu0 = threadCpuNs();
  EXPECT_EQ(std::get<Pull>(receiver.receive()).haveVersion, 9u);
  EXPECT_LT(threadCpuNs() - cpu0, 25'000'000);  // 2 ms of polling, then asleep
  late.join();
}

}  // namespace
}  // namespace distlab::engine
