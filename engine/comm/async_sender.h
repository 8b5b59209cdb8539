#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include "comm/blocking_channel.h"

namespace distlab::engine {

/// Sends a channel's frames from a thread of its own, in order, so the caller never blocks on a
/// peer that is busy sending to it at the same moment: two pipeline stages, or two tensor
/// shards, each writing a frame larger than the socket's buffer to the other would otherwise
/// wait for each other for ever. onSent(message type, start, end, bytes) runs on the sending
/// thread after each frame. A failed send is rethrown by the next send() or by drain().
class AsyncSender {
 public:
  using OnSent = std::function<void(MessageType, std::int64_t, std::int64_t, std::uint64_t)>;
  AsyncSender(BlockingChannel& channel, OnSent onSent);
  /// Stops after the frames queued so far are written (or the channel fails).
  ~AsyncSender();
  AsyncSender(const AsyncSender&) = delete;
  AsyncSender& operator=(const AsyncSender&) = delete;

  void send(Message message);
  /// Waits until every queued frame is written; throws what a send threw.
  void drain();

 private:
  void loop();
  void rethrow();

  BlockingChannel& m_channel;
  OnSent m_onSent;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<Message> m_queue;
  bool m_busy = false, m_stop = false;
  std::exception_ptr m_failure;
  std::thread m_thread;
};

}  // namespace distlab::engine
