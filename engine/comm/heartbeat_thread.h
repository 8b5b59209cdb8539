#pragma once
#include <condition_variable>
#include <mutex>
#include <thread>

#include "comm/blocking_channel.h"

namespace distlab::engine {

/// Sends a HEARTBEAT every period from its own thread while the owner computes or waits, so the
/// coordinator can tell a busy peer from a frozen one. Stops (and joins) when destroyed, or
/// quietly at the first failed send: the owner sees the broken connection on its next read.
class HeartbeatThread {
 public:
  HeartbeatThread(BlockingChannel& channel, int periodMs);
  ~HeartbeatThread();
  HeartbeatThread(const HeartbeatThread&) = delete;
  HeartbeatThread& operator=(const HeartbeatThread&) = delete;

 private:
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;
  std::thread m_thread;  ///< last: starts after the members it uses exist
};

}  // namespace distlab::engine
