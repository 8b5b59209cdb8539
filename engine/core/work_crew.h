#pragma once
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace distlab::engine {

/// A few helper threads that share short bursts of work with the calling thread: a BSP barrier's
/// aggregation (slices of the parameters) and its PARAMS writes (one socket each), while every
/// worker waits and the cores are idle.
///
/// The helpers sleep between bursts. Spinning instead, to spare the ~30-60 us a wake-up takes on
/// this VM, made rounds slower, not faster (bench/RESULTS.md): a virtual CPU that spins on PAUSE
/// is taken off its core by the hypervisor.
///
/// Threading: run() is called from one thread at a time (the owner's event loop).
class WorkCrew {
 public:
  /// helpers: threads besides the caller's (0: run() does everything on the calling thread).
  explicit WorkCrew(int helpers);
  ~WorkCrew();
  WorkCrew(const WorkCrew&) = delete;
  WorkCrew& operator=(const WorkCrew&) = delete;

  /// One helper per core besides the caller's, at most `cap`.
  static int helpersForThisMachine(int cap = 3);
  int helpers() const { return static_cast<int>(m_threads.size()); }

  /// Runs task(i) for every i in [0, count) on the calling thread and the helpers, each index
  /// once; returns when all are done. If tasks throw, the rest still run and the first exception
  /// is rethrown here. count must be below 2^32.
  void run(std::size_t count, const std::function<void(std::size_t)>& task);

 private:
  void helperLoop();
  void takeTasks();  ///< runs tasks of the current batch until none is left

  std::mutex m_mutex;
  std::condition_variable m_wake, m_done;
  /// The current batch (high 32 bits) and its next unclaimed task (low 32 bits), claimed with a
  /// compare-and-swap: a helper that looked at an earlier batch can never run one of this one.
  std::atomic<std::uint64_t> m_claim{0};
  std::uint32_t m_batch = 0;
  const std::function<void(std::size_t)>* m_task = nullptr;  ///< the batch's, under m_mutex
  std::size_t m_count = 0;                                   ///< the batch's, under m_mutex
  std::atomic<std::size_t> m_finished{0};
  std::exception_ptr m_error;  ///< the batch's first, under m_mutex
  bool m_stop = false;
  std::vector<std::thread> m_threads;
};

}  // namespace distlab::engine
