#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "comm/messages.h"
#include "comm/shared_floats.h"

namespace distlab::engine {

class ParallelWriter;

/// Why a session ended, typed so the telemetry can say it in any language.
struct CloseReason {
  enum class Kind : std::uint8_t {
    Requested,      ///< we closed it (nothing went wrong)
    PeerClosed,     ///< the other end closed or reset the connection
    NetworkError,   ///< the socket failed; code: the system's error number
    BadFrame,       ///< bytes that are not a frame; code: the DecodeError
    ProtocolError,  ///< a message the peer may not send now
    Timeout,        ///< the peer was silent too long; code: the milliseconds
    BadTelemetry,   ///< telemetry that does not decode
    BadPush,        ///< an update of the wrong size or kind
  };
  Kind kind = Kind::Requested;
  int code = 0;
  std::string detail{};  ///< an English sentence for the command line's log
  /// The reason in English, for the command line ("peer closed the connection", ...).
  std::string text() const;
};

/// The coordinator's end of one peer's frames, whatever carries them: a TCP connection
/// (TcpSession, the default) or MPI messages (MpiSession, under mpirun). The coordinator sees only
/// this interface, as ps-lite's server sees only its van.
///
/// Threading: every member function and handler runs on the thread of the coordinator's
/// io_context, so no locks are needed.
class Session : public std::enable_shared_from_this<Session> {
 public:
  using MessageHandler = std::function<void(Message&&)>;
  /// Called once when the peer's frames end, with the reason.
  using CloseHandler = std::function<void(const CloseReason& reason)>;
  /// Sees every whole frame that crossed the transport: its type, its bytes (header included, and
  /// floats that travelled through shared memory counted as if sent) and whether we sent it. The
  /// traffic telemetry is built from this, not estimated.
  using FrameObserver = std::function<void(MessageType, std::size_t bytes, bool sent)>;

  virtual ~Session() = default;

  void observeFrames(FrameObserver observer) { m_onFrame = std::move(observer); }
  /// Changes the limits for frames not yet started (e.g. the model size, once known).
  void setLimits(const DecodeLimits& limits) { m_limits = limits; }

  /// From now on PARAMS/PUSH floats go through `region` whenever its mailbox is free (the
  /// coordinator's side of a worker on its machine). With `lendPushes`, a PUSH whose floats wait
  /// there is delivered with no values: they stay in the mailbox, lentPush() shows them, and
  /// releaseLentPush() hands the mailbox back. A transport that cannot share memory refuses
  /// (returns false) and keeps sending the floats itself.
  virtual bool useSharedFloats(std::unique_ptr<SharedFloats> region, bool lendPushes = false) = 0;
  virtual bool usesSharedFloats() const = 0;
  /// The floats of the last PUSH, still in shared memory (empty when none are lent).
  virtual std::span<const float> lentPush() const = 0;
  virtual void releaseLentPush() = 0;

  virtual void start(MessageHandler onMessage, CloseHandler onClose) = 0;
  /// Queues a frame (moved in: its floats are sent from where they are); it is sent after those
  /// queued before it.
  virtual void send(Message message) = 0;
  /// Queues a PARAMS/PUSH whose floats are a snapshot shared with other sessions (kept alive
  /// until sent): one copy of the parameters serves every worker's reply.
  virtual void sendShared(Message fields, std::shared_ptr<const std::vector<float>> values) = 0;

  /// One PARAMS/PUSH for several sessions (each with its own fields and shared floats). TCP
  /// sessions with nothing queued are written to all at once by `writer`; the rest go out as
  /// sendShared's would. All the sessions run on the calling thread.
  /// With `regionFloats` (a PARAMS to a worker that maps the shared parameter region, which
  /// holds that many floats already; TCP sessions only), the frame names the region instead of
  /// carrying the floats, and `values` may be null.
  struct SharedSend {
    std::shared_ptr<Session> session;
    Message fields;
    std::shared_ptr<const std::vector<float>> values;
    std::uint32_t regionFloats = 0;
  };
  static void sendSharedToMany(std::span<SharedSend> sends, ParallelWriter& writer);

  /// Hands back the float vector of a received PARAMS/PUSH once it is used, so the next one is
  /// read into it instead of a fresh allocation.
  void recycle(std::vector<float>&& values) { m_spare = std::move(values); }
  /// Ends the peer's frames; pending sends are dropped.
  virtual void close(CloseReason reason = {}) = 0;

  bool isOpen() const { return !m_closed; }
  /// Bytes that actually crossed the transport, frame headers included (the traffic views use
  /// these).
  std::uint64_t bytesSent() const { return m_bytesSent; }
  std::uint64_t bytesReceived() const { return m_bytesReceived; }

 protected:
  explicit Session(DecodeLimits limits) : m_limits(limits) {}

  DecodeLimits m_limits;
  MessageHandler m_onMessage;
  CloseHandler m_onClose;
  FrameObserver m_onFrame;
  std::vector<float> m_spare;  ///< see recycle()
  std::uint64_t m_bytesSent = 0, m_bytesReceived = 0;
  bool m_closed = false;
};

}  // namespace distlab::engine
