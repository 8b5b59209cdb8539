#pragma once
#include <cstddef>
#include <span>

#include "core/work_crew.h"

namespace distlab::engine {

/// Writes several buffers to several sockets at once, one socket per thread of a WorkCrew (the
/// calling thread and its helpers). A BSP round ends with the same 940 KB PARAMS frame for every
/// worker; written one after the other, the last worker waits for every copy before it
/// (bench/RESULTS.md).
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

  explicit ParallelWriter(WorkCrew& crew) : m_crew(crew) {}

  /// Writes every job and returns once all are done; outcomes[i] belongs to jobs[i] (outcomes
  /// holds at least as many). One caller at a time (the crew's owner).
  void write(std::span<const Job> jobs, std::span<Outcome> outcomes);

  /// Writes one job on the calling thread.
  static Outcome writeOne(const Job& job);

 private:
  WorkCrew& m_crew;
};

}  // namespace distlab::engine
