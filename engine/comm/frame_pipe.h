#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace distlab::engine {

/// A transport that carries whole frames as messages (MPI under mpirun), for a BlockingChannel
/// in place of its socket: one frame is one message, so nothing is ever half read.
class FramePipe {
 public:
  virtual ~FramePipe() = default;
  /// Sends `head` followed by `bulk` as one message, from where they lie; may be called from
  /// several threads. Throws Error when the transport fails.
  virtual void send(std::span<const std::uint8_t> head, std::span<const float> bulk) = 0;
  /// The next whole frame, into `frame`; false when none came within timeoutMs (0: waits for
  /// ever). Called from one thread only.
  virtual bool receive(std::vector<std::uint8_t>& frame, int timeoutMs) = 0;
  /// This end is done: the other side may stop waiting for its frames.
  virtual void close() {}
};

}  // namespace distlab::engine
