#pragma once
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace distlab::engine {

/// Writes checkpoints off the coordinator's I/O thread: the barrier never waits for the disk.
/// The newest submitted bytes win (a checkpoint still waiting is replaced by a newer one); each
/// write is atomic (core/atomic_file.h), so the file on disk is always a whole checkpoint.
class CheckpointWriter {
 public:
  explicit CheckpointWriter(std::string path);
  /// Writes what is still waiting, then stops.
  ~CheckpointWriter();
  CheckpointWriter(const CheckpointWriter&) = delete;
  CheckpointWriter& operator=(const CheckpointWriter&) = delete;

  void submit(std::vector<std::uint8_t> bytes, std::uint64_t version);
  /// The last write that failed since the last call: its error ("" when none failed).
  std::string takeError();
  /// The version of the newest checkpoint on disk, and how long its write took (ms).
  std::optional<std::pair<std::uint64_t, double>> lastWritten();
  /// How long each write took (ms), in order.
  std::vector<double> writeTimes();

 private:
  void loop();

  std::string m_path;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::optional<std::pair<std::vector<std::uint8_t>, std::uint64_t>> m_pending;
  std::optional<std::pair<std::uint64_t, double>> m_written;
  std::vector<double> m_writeMs;
  std::string m_error;
  bool m_stop = false;
  std::thread m_thread;  ///< last: it starts once the rest is ready
};

}  // namespace distlab::engine
