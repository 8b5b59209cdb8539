#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "comm/frame_pipe.h"
#include "comm/messages.h"
#include "comm/read_ahead.h"
#include "comm/shared_floats.h"
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
  /// Who is at the other end, for error messages ("the coordinator", "stage 2").
  void setPeerName(std::string name) { m_peer = std::move(name); }
  /// receive() throws when no frame starts within this many ms (0: waits for ever), so a peer
  /// that hangs cannot hang this one.
  void setReceiveTimeout(int ms) { m_receiveTimeoutMs = ms; }
  /// receive() polls for up to `ns` before it sleeps (comm/busy_poll.h: only when this process
  /// has a core of its own); 0, the default, sleeps at once.
  void setBusyPoll(std::int64_t ns) { m_busyPollNs = ns; }
  /// The worker's side of shared floats: PUSH floats go through `region` once the coordinator
  /// has attached and the mailbox is free, and frames whose floats wait there are read from it.
  /// The region must outlive the channel's use of it.
  void useSharedFloats(SharedFloats* region) { m_shared = region; }
  /// The coordinator's parameter region, mapped here (comm/shared_params.h): a PARAMS that names
  /// it carries no floats; they are read from `region` (not at all when the caller's target is
  /// the region itself, as a worker's model is). Must outlive the channel's use of it.
  void useSharedParams(std::span<const float> region) { m_paramsRegion = region; }
  /// Frames go through `pipe` (MPI) instead of a socket; connect() is then not called, and
  /// shared floats are not used.
  void usePipe(std::unique_ptr<FramePipe> pipe) { m_pipe = std::move(pipe); }
  bool usesPipe() const { return m_pipe != nullptr; }

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
  /// The connection's addresses ("10.0.0.2"; empty when not connected by TCP): a process listens
  /// for its peers on the interface it reached the coordinator by, and the coordinator tells
  /// them the address it saw.
  std::string localAddress() const;
  std::string remoteAddress() const;

  std::uint64_t bytesSent() const { return m_bytesSent; }
  std::uint64_t bytesReceived() const { return m_bytesReceived; }

 private:
  friend class BlockingListener;
  Message receiveFromPipe(std::span<float> bulkTarget);
  /// Exactly n bytes of the connection (through m_readAhead); throws when it ends first.
  void readExact(void* dst, std::size_t n);
  struct Impl;  // keeps Boost.Asio out of this header
  std::unique_ptr<Impl> m_impl;
  std::mutex m_writeMutex;
  std::string m_peer = "the coordinator";
  int m_receiveTimeoutMs = 0;
  std::int64_t m_busyPollNs = 0;
  DecodeLimits m_limits;
  SharedFloats* m_shared = nullptr;
  std::span<const float> m_paramsRegion;
  std::unique_ptr<FramePipe> m_pipe;
  std::vector<std::uint8_t> m_frame;  ///< the pipe's last frame (reused: no allocation a step)
  ReadAhead m_readAhead;  ///< receive()'s only reader of the socket
  std::int64_t m_lastHeaderNs = 0;
  std::atomic<std::uint64_t> m_bytesSent{0}, m_bytesReceived{0};
};

/// Whether `host` is an address of this machine's loopback (127.0.0.0/8, ::1) or "localhost".
bool isLoopbackAddress(const std::string& host);

/// A listening socket for blocking peers: a pipeline stage waits here for its previous stage,
/// the model-parallel coordinator for its stages.
class BlockingListener {
 public:
  /// Listens on host:port (0: any free port). Throws Error naming the address.
  explicit BlockingListener(const std::string& host, std::uint16_t port = 0);
  ~BlockingListener();
  BlockingListener(const BlockingListener&) = delete;
  BlockingListener& operator=(const BlockingListener&) = delete;
  std::uint16_t port() const;
  /// Accepts one connection into `channel`, which must not be connected yet; throws Error when
  /// nobody connects within timeoutMs.
  void accept(BlockingChannel& channel, int timeoutMs);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace distlab::engine
