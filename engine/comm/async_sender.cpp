#include "comm/async_sender.h"

#include "core/stopwatch.h"

namespace distlab::engine {

AsyncSender::AsyncSender(BlockingChannel& channel, OnSent onSent)
    : m_channel(channel), m_onSent(std::move(onSent)), m_thread([this] { loop(); }) {}

AsyncSender::~AsyncSender() {
  {
    const std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_changed.notify_all();
  m_thread.join();
}

void AsyncSender::send(Message message) {
  {
    const std::lock_guard lock(m_mutex);
    rethrow();
    m_queue.push_back(std::move(message));
  }
  m_changed.notify_all();
}

void AsyncSender::drain() {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [&] { return (m_queue.empty() && !m_busy) || m_failure; });
  rethrow();
}

void AsyncSender::rethrow() {
  if (m_failure) std::rethrow_exception(m_failure);
}

void AsyncSender::loop() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_changed.wait(lock, [&] { return !m_queue.empty() || m_stop; });
    if (m_queue.empty() || m_failure) return;  // stopping, everything written (or it failed)
    Message message = std::move(m_queue.front());
    m_queue.pop_front();
    m_busy = true;
    lock.unlock();
    try {
      const auto before = m_channel.bytesSent();
      const auto t0 = steadyNowNs();
      m_channel.send(message);
      if (m_onSent) m_onSent(typeOf(message), t0, steadyNowNs(), m_channel.bytesSent() - before);
      lock.lock();
    } catch (...) {
      lock.lock();
      m_failure = std::current_exception();
      m_queue.clear();
    }
    m_busy = false;
    m_changed.notify_all();
  }
}

}  // namespace distlab::engine
