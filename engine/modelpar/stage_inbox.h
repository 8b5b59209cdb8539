#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "cluster/evaluator.h"
#include "comm/messages.h"

namespace distlab::engine {

/// What the stages' reader threads hand to the coordinator's thread.
struct StageDelivery {
  int stage = 0;
  std::optional<Message> message;                ///< empty: the connection ended (or an evaluation)
  std::string why;                               ///< why it ended
  std::optional<EvaluationResult> evaluation{};  ///< from the evaluator's thread
};

/// The coordinator's queue of deliveries, filled by the reader threads (one per stage) and the
/// evaluator's, emptied by the coordinator's thread.
class StageInbox {
 public:
  void put(StageDelivery d) {
    {
      const std::lock_guard lock(m_mutex);
      m_items.push_back(std::move(d));
    }
    m_ready.notify_one();
  }
  std::deque<StageDelivery> take(std::chrono::milliseconds wait) {
    std::unique_lock lock(m_mutex);
    m_ready.wait_for(lock, wait, [&] { return !m_items.empty(); });
    return std::exchange(m_items, {});
  }
  /// The oldest delivery, waiting up to `wait` for one.
  std::optional<StageDelivery> takeOne(std::chrono::milliseconds wait) {
    std::unique_lock lock(m_mutex);
    if (!m_ready.wait_for(lock, wait, [&] { return !m_items.empty(); })) return std::nullopt;
    StageDelivery d = std::move(m_items.front());
    m_items.pop_front();
    return d;
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_ready;
  std::deque<StageDelivery> m_items;
};

}  // namespace distlab::engine
