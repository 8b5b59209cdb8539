// Real threads: every task runs exactly once, batches never mix, and helpers do take work.
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/work_crew.h"

namespace distlab::engine {
namespace {

TEST(WorkCrewTest, RunsEveryTaskOnceInEveryBatch) {
  for (int helpers : {0, 1, 3}) {
    WorkCrew crew(helpers);
    EXPECT_EQ(crew.helpers(), helpers);
    // Many short batches back to back: a helper late for one batch must not run its tasks in
    // the next.
    for (int batch = 0; batch < 2000; ++batch) {
      const std::size_t count = 1 + static_cast<std::size_t>(batch % 9);
      std::vector<std::atomic<int>> runs(count);
      crew.run(count, [&](std::size_t i) { runs[i].fetch_add(1); });
      for (std::size_t i = 0; i < count; ++i) {
        ASSERT_EQ(runs[i].load(), 1) << "helpers " << helpers << ", batch " << batch << ", task " << i;
      }
    }
    crew.run(0, [](std::size_t) { FAIL() << "no task to run"; });
  }
}

TEST(WorkCrewTest, AHelperWorksAlongsideTheCaller) {
  WorkCrew crew(1);
  // Both tasks wait (with a deadline) until both are running: only two threads at once pass.
  std::atomic<int> inside{0};
  std::atomic<bool> together{true};
  const auto caller = std::this_thread::get_id();
  std::atomic<int> onCaller{0};
  crew.run(2, [&](std::size_t) {
    if (std::this_thread::get_id() == caller) onCaller.fetch_add(1);
    inside.fetch_add(1);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (inside.load() < 2) {
      if (std::chrono::steady_clock::now() > deadline) {
        together = false;
        return;
      }
      std::this_thread::yield();
    }
  });
  EXPECT_TRUE(together.load());
  EXPECT_EQ(onCaller.load(), 1);
}

TEST(WorkCrewTest, AThrowingTaskLetsTheOthersRunAndIsRethrownToTheCaller) {
  for (int helpers : {0, 1}) {
    WorkCrew crew(helpers);
    std::vector<std::atomic<int>> runs(16);
    EXPECT_THROW(crew.run(16,
                          [&](std::size_t i) {
                            runs[i].fetch_add(1);
                            if (i % 5 == 2) throw std::runtime_error("task " + std::to_string(i));
                          }),
                 std::runtime_error);
    for (std::size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i].load(), 1) << i;
    // The crew is fine afterwards, and the error does not come back.
    std::atomic<int> total{0};
    crew.run(8, [&](std::size_t) { total.fetch_add(1); });
    EXPECT_EQ(total.load(), 8);
  }
}

}  // namespace
}  // namespace distlab::engine
