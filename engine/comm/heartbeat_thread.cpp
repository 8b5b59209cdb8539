#include "comm/heartbeat_thread.h"

#include <chrono>

#include "core/error.h"

namespace distlab::engine {

HeartbeatThread::HeartbeatThread(BlockingChannel& channel, int periodMs)
    : m_thread([this, &channel, periodMs] {
        std::unique_lock lock(m_mutex);
        while (
            !m_wake.wait_for(lock, std::chrono::milliseconds(periodMs), [&] { return m_stop; })) {
          try {
            channel.send(Heartbeat{});
          } catch (const Error&) {
            return;
          }
        }
      }) {}

HeartbeatThread::~HeartbeatThread() {
  {
    const std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

}  // namespace distlab::engine
