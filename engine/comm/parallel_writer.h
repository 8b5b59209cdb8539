#pragma once
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace distlab::engine {

/// Writes several buffers to several sockets at once, one socket per thread: the calling thread
/// and a few helpers. A BSP round ends with the same 940 KB PARAMS frame for every worker; written
/// one after the other, the last worker waits for every copy before it (bench/RESULTS.md).
///
/// Each write is non-blocking: it stops at a full socket buffer and reports how far it got, so
/// the caller can queue the rest on its own event loop. Only plain file descriptors cross the
/// threads; the sockets' owners must not write to them meanwhile.
class ParallelWriter {
 public:
  struct Piece {
    const void* data = nullptr;
    std::size_t size = 0;
  };
  struct Job {
    int fd = -1;
    Piece pieces[2];  ///< a frame head and its float array
  };
  struct Outcome {
    std::size_t written = 0;
    int error = 0;  ///< errno of a failed write (0: none; a full buffer is not an error)
  };

  /// helpers: threads besides the caller's (0 writes everything on the calling thread).
  explicit ParallelWriter(int helpers);
  ~ParallelWriter();
  ParallelWriter(const ParallelWriter&) = delete;
  ParallelWriter& operator=(const ParallelWriter&) = delete;

  /// Writes every job and returns once all are done; outcomes[i] belongs to jobs[i] (outcomes
  /// holds at least as many). One caller at a time (the owner's event-loop thread).
  void write(std::span<const Job> jobs, std::span<Outcome> outcomes);

  /// Writes one job on the calling thread.
  static Outcome writeOne(const Job& job);

 private:
  void helperLoop();
  void takeJobs();  ///< runs jobs until none is left (any thread)

  std::mutex m_mutex;
  std::condition_variable m_wake, m_done;
  std::span<const Job> m_jobs;
  std::span<Outcome> m_outcomes;
  std::size_t m_next = 0, m_finished = 0;
  std::uint64_t m_generation = 0;
  bool m_stop = false;
  std::vector<std::thread> m_helpers;
};

}  // namespace distlab::engine
