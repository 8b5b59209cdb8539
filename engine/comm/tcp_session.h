#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <vector>

#include <boost/asio/ip/tcp.hpp>

#include "comm/messages.h"
#include "comm/parallel_writer.h"
#include "comm/session.h"
#include "comm/shared_floats.h"

namespace distlab::engine {

/// One framed TCP connection: reads header then payload with exact-length async reads, decodes
/// each frame with the pure codec, and writes from a queue so frames never interleave. The float
/// arrays of PARAMS and PUSH are never copied in user space: they are written from the queued
/// message with a scatter-gather write and read straight into the decoded message's vector.
///
/// Threading: every member function and handler runs on the thread that runs the socket's
/// io_context (one thread per io_context in DistLab), so no locks are needed. Handlers keep the
/// session alive through shared_from_this().
class TcpSession final : public Session {
 public:
  TcpSession(boost::asio::ip::tcp::socket socket, DecodeLimits limits);
  /// PARAMS/PUSH floats go through `region` whenever its mailbox is free, and frames that say
  /// their floats wait there are read from it.
  bool useSharedFloats(std::unique_ptr<SharedFloats> region, bool lendPushes = false) override {
    m_shared = std::move(region);
    m_lendPushes = lendPushes;
    return true;
  }
  bool usesSharedFloats() const override { return m_shared != nullptr; }
  std::span<const float> lentPush() const override { return m_lent; }
  void releaseLentPush() override;

  void start(MessageHandler onMessage, CloseHandler onClose) override;
  void send(Message message) override;
  void sendShared(Message fields, std::shared_ptr<const std::vector<float>> values) override;
  /// Closes the socket; pending writes are dropped.
  void close(CloseReason reason = {}) override;

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
  Outgoing& queueShared(Message fields, std::shared_ptr<const std::vector<float>> values,
                        std::uint32_t regionFloats = 0);
  friend class Session;  // sendSharedToMany writes queued frames directly
  std::shared_ptr<TcpSession> self() {
    return std::static_pointer_cast<TcpSession>(shared_from_this());
  }
  void afterDirectWrite(const ParallelWriter::Outcome& outcome);
  void frameWritten();

  void readHeader();
  void readPayload(FrameHeader header);
  void readBulk(FrameHeader header);
  void readSharedFloats(FrameHeader header, std::size_t prefixSize);
  void deliver(FrameHeader header, std::size_t carried = 0);
  void writeNext();

  boost::asio::ip::tcp::socket m_socket;
  std::array<std::uint8_t, kFrameHeaderSize> m_header{};
  std::vector<std::uint8_t> m_payload;
  std::array<std::uint8_t, 32> m_prefix{};  ///< fields before a PARAMS/PUSH float array
  Message m_incoming;                       ///< the frame being read
  std::deque<Outgoing> m_writeQueue;        ///< deque: queued messages never move
  std::unique_ptr<SharedFloats> m_shared;   ///< see useSharedFloats()
  bool m_lendPushes = false;
  std::span<const float> m_lent;  ///< see lentPush()
};

}  // namespace distlab::engine
