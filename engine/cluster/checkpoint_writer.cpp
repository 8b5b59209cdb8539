#include "cluster/checkpoint_writer.h"

#include <chrono>
#include <utility>

#include "core/atomic_file.h"

namespace distlab::engine {

CheckpointWriter::CheckpointWriter(std::string path)
    : m_path(std::move(path)), m_thread([this] { loop(); }) {}

CheckpointWriter::~CheckpointWriter() {
  {
    const std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void CheckpointWriter::submit(std::vector<std::uint8_t> bytes, std::uint64_t version) {
  {
    const std::lock_guard lock(m_mutex);
    m_pending.emplace(std::move(bytes), version);
  }
  m_wake.notify_all();
}

std::string CheckpointWriter::takeError() {
  const std::lock_guard lock(m_mutex);
  return std::exchange(m_error, {});
}

std::optional<std::pair<std::uint64_t, double>> CheckpointWriter::lastWritten() {
  const std::lock_guard lock(m_mutex);
  return m_written;
}

std::vector<double> CheckpointWriter::writeTimes() {
  const std::lock_guard lock(m_mutex);
  return m_writeMs;
}

void CheckpointWriter::loop() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_wake.wait(lock, [this] { return m_stop || m_pending; });
    if (!m_pending) return;  // stopping, nothing left to write
    auto [bytes, version] = std::move(*m_pending);
    m_pending.reset();
    lock.unlock();
    std::string error;
    const auto start = std::chrono::steady_clock::now();
    try {
      writeFileAtomically(m_path, bytes);
    } catch (const std::exception& e) {
      error = e.what();
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    lock.lock();
    if (error.empty()) m_written.emplace(version, ms), m_writeMs.push_back(ms);
    else m_error = error;
  }
}

}  // namespace distlab::engine
