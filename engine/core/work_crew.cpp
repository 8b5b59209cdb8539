#include "core/work_crew.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace distlab::engine {

WorkCrew::WorkCrew(int helpers) {
  for (int i = 0; i < helpers; ++i) m_threads.emplace_back([this] { helperLoop(); });
}

WorkCrew::~WorkCrew() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  for (auto& t : m_threads) t.join();
}

int WorkCrew::helpersForThisMachine(int cap) {
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(cores - 1, 0, cap);
}

void WorkCrew::run(std::size_t count, const std::function<void(std::size_t)>& task) {
  if (count == 0) return;
  if (count > 0xffffffffu) throw std::length_error("WorkCrew::run: more than 2^32 - 1 tasks");
  if (m_threads.empty() || count == 1) {
    std::exception_ptr first;
    for (std::size_t i = 0; i < count; ++i) {
      try {
        task(i);
      } catch (...) {
        if (!first) first = std::current_exception();
      }
    }
    if (first) std::rethrow_exception(first);
    return;
  }
  {
    std::lock_guard lock(m_mutex);
    m_task = &task;
    m_count = count;
    m_finished.store(0);
    m_error = nullptr;
    m_claim.store(static_cast<std::uint64_t>(++m_batch) << 32, std::memory_order_release);
  }
  m_wake.notify_all();
  takeTasks();
  std::unique_lock lock(m_mutex);
  m_done.wait(lock, [&] { return m_finished.load() == count; });
  m_task = nullptr;
  m_count = 0;
  if (m_error) std::rethrow_exception(std::exchange(m_error, nullptr));
}

void WorkCrew::takeTasks() {
  std::uint64_t claim = m_claim.load(std::memory_order_acquire);
  const auto batch = static_cast<std::uint32_t>(claim >> 32);
  std::size_t count;
  const std::function<void(std::size_t)>* task;
  {
    std::lock_guard lock(m_mutex);
    if (static_cast<std::uint32_t>(m_claim.load() >> 32) != batch || !m_task) return;
    count = m_count;
    task = m_task;
  }
  for (;;) {
    claim = m_claim.load(std::memory_order_acquire);
    const auto index = static_cast<std::size_t>(claim & 0xffffffffu);
    if (static_cast<std::uint32_t>(claim >> 32) != batch || index >= count) return;
    if (!m_claim.compare_exchange_weak(claim, claim + 1, std::memory_order_acq_rel)) continue;
    // The batch cannot finish (nor `task` die) before this task is counted.
    try {
      (*task)(index);
    } catch (...) {
      std::lock_guard lock(m_mutex);
      if (!m_error) m_error = std::current_exception();
    }
    if (m_finished.fetch_add(1, std::memory_order_acq_rel) + 1 == count) {
      std::lock_guard lock(m_mutex);
      m_done.notify_all();
    }
  }
}

void WorkCrew::helperLoop() {
  std::uint32_t seenBatch = 0;
  const auto batchNow = [this] { return static_cast<std::uint32_t>(m_claim.load() >> 32); };
  for (;;) {
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [&] { return m_stop || batchNow() != seenBatch; });
      if (m_stop) return;
      seenBatch = batchNow();
    }
    takeTasks();
  }
}

}  // namespace distlab::engine
