#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "comm/messages.h"
#include "core/stopwatch.h"

namespace distlab::engine {

/// The worker's end of a connection: blocking frame reads and writes over a Boost.Asio socket.
/// A worker does one thing at a time (pull, compute, push), so blocking calls are both simpler
/// and faster than a reactor: a 940 KB frame is read without wake-ups between its chunks.
/// send() may be called from several threads (a heartbeat thread sends between the main
/// thread's frames); receive() from one thread only. Errors throw Error with a reason.
class BlockingChannel {
 public:
  BlockingChannel();
  ~BlockingChannel();
  BlockingChannel(const BlockingChannel&) = delete;
  BlockingChannel& operator=(const BlockingChannel&) = delete;

  /// Connects to host:port, retrying refused connections until `timeoutMs` has passed.
  void connect(const std::string& host, std::uint16_t port, int timeoutMs);
  void setLimits(const DecodeLimits& limits) { m_limits = limits; }

  void send(const Message& message);
  /// A PARAMS/PUSH with `values` as its floats (the message's own are ignored): sent from where
  /// they lie, e.g. the model's gradient buffer.
  void sendBulk(const Message& fields, std::span<const float> values);
  /// The next frame; PARAMS/PUSH floats are read straight into the message, or into
  /// `bulkTarget` when it has exactly their count (the message's vector then stays empty).
  Message receive(std::span<float> bulkTarget = {});
  /// When the header of the last received frame arrived (steady clock, ns): a PULL's reply
  /// starts there, and the time before it was spent waiting for the server.
  std::int64_t lastHeaderNs() const { return m_lastHeaderNs; }
  void close();

  std::uint64_t bytesSent() const { return m_bytesSent; }
  std::uint64_t bytesReceived() const { return m_bytesReceived; }

 private:
  struct Impl;  // keeps Boost.Asio out of this header
  std::unique_ptr<Impl> m_impl;
  std::mutex m_writeMutex;
  DecodeLimits m_limits;
  std::int64_t m_lastHeaderNs = 0;
  std::atomic<std::uint64_t> m_bytesSent{0}, m_bytesReceived{0};
};

}  // namespace distlab::engine
