#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <boost/asio/ip/tcp.hpp>

#include "comm/messages.h"
#include "comm/parallel_writer.h"
#include "comm/shared_floats.h"

namespace distlab::engine {

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

/// One framed TCP connection: reads header then payload with exact-length async reads, decodes
/// each frame with the pure codec, and writes from a queue so frames never interleave. The float
/// arrays of PARAMS and PUSH are never copied in user space: they are written from the queued
/// message with a scatter-gather write and read straight into the decoded message's vector.
///
/// Threading: every member function and handler runs on the thread that runs the socket's
/// io_context (one thread per io_context in DistLab), so no locks are needed. Handlers keep the
/// session alive through shared_from_this().
class Session : public std::enable_shared_from_this<Session> {
 public:
  using MessageHandler = std::function<void(Message&&)>;
  /// Called once when the connection ends, with the reason.
  using CloseHandler = std::function<void(const CloseReason& reason)>;

  /// Sees every whole frame that crossed the socket: its type, its bytes (header included, and
  /// floats that travelled through shared memory counted as if sent) and whether we sent it. The
  /// traffic telemetry is built from this, not estimated.
  using FrameObserver = std::function<void(MessageType, std::size_t bytes, bool sent)>;

  Session(boost::asio::ip::tcp::socket socket, DecodeLimits limits);
  void observeFrames(FrameObserver observer) { m_onFrame = std::move(observer); }
  /// Changes the limits for frames not yet started (e.g. the model size, once known).
  void setLimits(const DecodeLimits& limits) { m_limits = limits; }
  /// From now on PARAMS/PUSH floats go through `region` whenever its mailbox is free, and frames
  /// that say their floats wait there are read from it (the coordinator's side of a local worker).
  /// With `lendPushes`, a PUSH whose floats wait there is delivered with no values: they stay in
  /// the mailbox, lentPush() shows them, and releaseLentPush() hands the mailbox back.
  void useSharedFloats(std::unique_ptr<SharedFloats> region, bool lendPushes = false) {
    m_shared = std::move(region);
    m_lendPushes = lendPushes;
  }
  bool usesSharedFloats() const { return m_shared != nullptr; }
  /// The floats of the last PUSH, still in shared memory (empty when none are lent).
  std::span<const float> lentPush() const { return m_lent; }
  void releaseLentPush();

  void start(MessageHandler onMessage, CloseHandler onClose);
  /// Queues a frame (moved in: its floats are sent from where they are); it is written after
  /// those queued before it.
  void send(Message message);
  /// Queues a PARAMS/PUSH whose floats are a snapshot shared with other sessions (kept alive
  /// until written): one copy of the parameters serves every worker's reply.
  void sendShared(Message fields, std::shared_ptr<const std::vector<float>> values);
  /// One PARAMS/PUSH for several sessions (each with its own fields and shared floats), written
  /// to all their sockets at once by `writer` where nothing is queued before it; whatever a full
  /// socket buffer refuses, and every frame behind a queue, goes out as sendShared's would. All
  /// the sessions run on the calling thread.
  struct SharedSend {
    std::shared_ptr<Session> session;
    Message fields;
    std::shared_ptr<const std::vector<float>> values;
  };
  static void sendSharedToMany(std::span<SharedSend> sends, ParallelWriter& writer);
  /// Hands back the float vector of a received PARAMS/PUSH once it is used, so the next one is
  /// read into it instead of a fresh allocation.
  void recycle(std::vector<float>&& values) { m_spare = std::move(values); }
  /// Closes the socket; pending writes are dropped.
  void close(CloseReason reason = {});

  bool isOpen() const { return !m_closed; }
  /// Bytes that actually crossed this socket, frame headers included (the traffic views use these).
  std::uint64_t bytesSent() const { return m_bytesSent; }
  std::uint64_t bytesReceived() const { return m_bytesReceived; }

 private:
  struct Outgoing {
    Message message;
    std::vector<std::uint8_t> head;
    std::span<const float> bulk;
    std::shared_ptr<const std::vector<float>> sharedBulk;
    std::size_t written = 0;  ///< bytes already on the socket (a direct write got that far)
    std::size_t carried = 0;  ///< float bytes left in shared memory instead
    std::size_t size() const { return head.size() + bulk.size_bytes(); }
  };
  /// Encodes `out`'s head, leaving its floats in shared memory when the mailbox is free.
  void encodeHead(Outgoing& out);
  Outgoing& queueShared(Message fields, std::shared_ptr<const std::vector<float>> values);
  void afterDirectWrite(const ParallelWriter::Outcome& outcome);
  void frameWritten();

  void readHeader();
  void readPayload(FrameHeader header);
  void readBulk(FrameHeader header);
  void readSharedFloats(FrameHeader header, std::size_t prefixSize);
  void deliver(FrameHeader header, std::size_t carried = 0);
  void writeNext();

  boost::asio::ip::tcp::socket m_socket;
  DecodeLimits m_limits;
  MessageHandler m_onMessage;
  CloseHandler m_onClose;
  FrameObserver m_onFrame;
  std::array<std::uint8_t, kFrameHeaderSize> m_header{};
  std::vector<std::uint8_t> m_payload;
  std::array<std::uint8_t, 32> m_prefix{};  ///< fields before a PARAMS/PUSH float array
  Message m_incoming;                       ///< the frame being read
  std::vector<float> m_spare;               ///< see recycle()
  std::deque<Outgoing> m_writeQueue;        ///< deque: queued messages never move
  std::unique_ptr<SharedFloats> m_shared;   ///< see useSharedFloats()
  bool m_lendPushes = false;
  std::span<const float> m_lent;            ///< see lentPush()
  std::uint64_t m_bytesSent = 0, m_bytesReceived = 0;
  bool m_closed = false;
};

}  // namespace distlab::engine
