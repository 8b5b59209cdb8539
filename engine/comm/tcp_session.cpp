#include "comm/tcp_session.h"

#include "comm/whole_transfer.h"
#include "core/error.h"

#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

namespace distlab::engine {
namespace {

CloseReason closeReasonOf(const boost::system::error_code& ec) {
  namespace error = boost::asio::error;
  if (ec == error::eof || ec == error::connection_reset || ec == error::broken_pipe) {
    return {CloseReason::Kind::PeerClosed, 0, "peer closed the connection"};
  }
  return {CloseReason::Kind::NetworkError, ec.value(), ec.message()};
}

CloseReason badFrame(DecodeError error) {
  return {CloseReason::Kind::BadFrame, static_cast<int>(error), describe(error)};
}

}  // namespace

namespace asio = boost::asio;

TcpSession::TcpSession(asio::ip::tcp::socket socket, DecodeLimits limits)
    : Session(limits), m_socket(std::move(socket)) {
  boost::system::error_code ignored;
  m_socket.set_option(asio::ip::tcp::no_delay(true), ignored);  // small frames go out at once
  // A whole 940 KB model fits the kernel buffers, so a frame goes out in one non-blocking write
  // (measured: PUSH+PARAMS round trip 911 -> 729 us on loopback).
  m_socket.set_option(asio::socket_base::send_buffer_size(4 << 20), ignored);
  m_socket.set_option(asio::socket_base::receive_buffer_size(4 << 20), ignored);
}

void TcpSession::start(MessageHandler onMessage, CloseHandler onClose) {
  m_onMessage = std::move(onMessage);
  m_onClose = std::move(onClose);
  readHeader();
}

void TcpSession::readHeader() {
  asio::async_read(m_socket, asio::buffer(m_header), WholeTransfer{},
                   [self = self()](boost::system::error_code ec, std::size_t n) {
                     if (self->m_closed) return;
                     if (ec) return self->close(closeReasonOf(ec));
                     self->m_bytesReceived += n;
                     FrameHeader header;
                     const DecodeError error = decodeHeader(self->m_header, self->m_limits, header);
                     // A bad header ends the connection before its payload is read or sized.
                     if (error != DecodeError::None) return self->close(badFrame(error));
                     self->readPayload(header);
                   });
}

void TcpSession::readPayload(FrameHeader header) {
  if (isBulkFrame(header)) return readBulk(header);
  m_payload.resize(header.length);  // bounded by DecodeLimits::maxPayload in decodeHeader
  asio::async_read(m_socket, asio::buffer(m_payload), WholeTransfer{},
                   [self = self(), header](boost::system::error_code ec, std::size_t n) {
                     if (self->m_closed) return;
                     if (ec) return self->close(closeReasonOf(ec));
                     self->m_bytesReceived += n;
                     const DecodeError error =
                         decodePayload(header, self->m_payload, self->m_limits, self->m_incoming);
                     if (error != DecodeError::None) return self->close(badFrame(error));
                     self->deliver(header);
                   });
}

// PARAMS/PUSH: the fields before the floats first, then the floats straight into the message.
void TcpSession::readBulk(FrameHeader header) {
  const std::size_t prefixSize = bulkPrefixSize(header.type);
  asio::async_read(
      m_socket, asio::buffer(m_prefix.data(), prefixSize), WholeTransfer{},
      [self = self(), header, prefixSize](boost::system::error_code ec, std::size_t n) {
        if (self->m_closed) return;
        if (ec) return self->close(closeReasonOf(ec));
        self->m_bytesReceived += n;
        const DecodeError error = decodeBulkPrefix(header, {self->m_prefix.data(), prefixSize},
                                                   self->m_limits, self->m_incoming, false);
        if (error != DecodeError::None) return self->close(badFrame(error));
        if (paramsInRegion(header)) return self->close(badFrame(DecodeError::BadPayload));
        if (floatsAreShared(header)) return self->readSharedFloats(header, prefixSize);
        // Into a recycled vector when there is one: resizing it to the same model size neither
        // allocates nor zero-fills 940 KB.
        std::vector<float>& vector = *bulkVector(self->m_incoming);
        vector = std::move(self->m_spare);
        vector.resize((header.length - prefixSize) / sizeof(float));
        const std::span<float> values = vector;
        asio::async_read(self->m_socket, asio::buffer(values.data(), values.size_bytes()),
                         WholeTransfer{},
                         [self, header](boost::system::error_code ec2, std::size_t n2) {
                           if (self->m_closed) return;
                           if (ec2) return self->close(closeReasonOf(ec2));
                           self->m_bytesReceived += n2;
                           self->deliver(header);
                         });
      });
}

// The frame ended with its float count; the floats wait in the shared mailbox.
void TcpSession::readSharedFloats(FrameHeader header, std::size_t prefixSize) {
  const std::uint32_t count = bulkFloatCount({m_prefix.data(), prefixSize});
  if (m_lendPushes && header.type == MessageType::Push) {
    // A second lent PUSH before the first was given back: the worker broke the protocol.
    const auto floats = m_shared && m_lent.empty()
                            ? m_shared->peek(SharedFloats::Side::Coordinator, count)
                            : std::span<const float>{};
    if (floats.empty()) return close(badFrame(DecodeError::BadPayload));
    m_lent = floats;
    return deliver(header, floats.size_bytes());
  }
  std::vector<float>& vector = *bulkVector(m_incoming);
  vector = std::move(m_spare);
  vector.resize(count);
  if (!m_shared || !m_shared->take(SharedFloats::Side::Coordinator, vector)) {
    return close(badFrame(DecodeError::BadPayload));  // nothing shared, or nothing waiting
  }
  deliver(header, vector.size() * sizeof(float));
}

void TcpSession::releaseLentPush() {
  if (m_lent.empty()) return;
  m_lent = {};
  m_shared->release(SharedFloats::Side::Coordinator);
}

void TcpSession::deliver(FrameHeader header, std::size_t carried) {
  if (m_onFrame) m_onFrame(header.type, kFrameHeaderSize + header.length + carried, false);
  Message message = std::move(m_incoming);
  m_incoming = Heartbeat{};
  if (m_onMessage) m_onMessage(std::move(message));
  if (!m_closed) readHeader();
}

void TcpSession::send(Message message) {
  if (m_closed) return;
  Outgoing& out = m_writeQueue.emplace_back();
  out.message = std::move(message);
  out.head = encodeFrameHead(out.message, out.bulk);  // bulk points into out.message
  encodeHead(out);
  if (m_writeQueue.size() == 1) writeNext();
}

void TcpSession::encodeHead(Outgoing& out) {
  if (m_shared && !out.bulk.empty() && hasBulkFloats(out.message) &&
      m_shared->put(SharedFloats::Side::Coordinator, out.bulk)) {
    out.head = encodeBulkFrameHead(out.message, out.bulk, true);
    out.carried = out.bulk.size_bytes();
    out.bulk = {};
  } else if (out.head.empty()) {
    out.head = encodeBulkFrameHead(out.message, out.bulk);
  }
}

TcpSession::Outgoing& TcpSession::queueShared(Message fields,
                                              std::shared_ptr<const std::vector<float>> values,
                                              std::uint32_t regionFloats) {
  Outgoing& out = m_writeQueue.emplace_back();
  out.message = std::move(fields);
  if (const auto* params = std::get_if<Params>(&out.message); params && regionFloats > 0) {
    out.head = encodeRegionParamsFrame(*params, regionFloats);
    out.carried = sizeof(float) * regionFloats;  // counted as sent: the traffic view shows them
    return out;
  }
  out.sharedBulk = std::move(values);
  out.bulk = *out.sharedBulk;
  encodeHead(out);
  return out;
}

void TcpSession::sendShared(Message fields, std::shared_ptr<const std::vector<float>> values) {
  if (m_closed) return;
  queueShared(std::move(fields), std::move(values));
  if (m_writeQueue.size() == 1) writeNext();
}

void Session::sendSharedToMany(std::span<SharedSend> sends, ParallelWriter& writer) {
  std::vector<TcpSession*> direct;
  std::vector<ParallelWriter::Job> jobs;
  for (SharedSend& s : sends) {
    auto* tcp = dynamic_cast<TcpSession*>(s.session.get());
    if (!tcp) {  // another transport queues it its own way
      if (s.regionFloats > 0) throw Error("a parameter region is for local TCP workers only");
      s.session->sendShared(std::move(s.fields), std::move(s.values));
      continue;
    }
    TcpSession& session = *tcp;
    if (session.m_closed) continue;
    const TcpSession::Outgoing& out =
        session.queueShared(std::move(s.fields), std::move(s.values), s.regionFloats);
    if (session.m_writeQueue.size() > 1) continue;  // behind other frames: the event loop's turn
    direct.push_back(&session);
    jobs.push_back(
        {session.m_socket.native_handle(),
         {{out.head.data(), out.head.size()}, {out.bulk.data(), out.bulk.size_bytes()}}});
  }
  std::vector<ParallelWriter::Outcome> outcomes(jobs.size());
  writer.write(jobs, outcomes);
  for (std::size_t i = 0; i < direct.size(); ++i) direct[i]->afterDirectWrite(outcomes[i]);
}

void TcpSession::afterDirectWrite(const ParallelWriter::Outcome& outcome) {
  m_bytesSent += outcome.written;
  if (outcome.error != 0) {
    // The frame stays queued, unwritten, until then: close() drops it.
    // Closed from the event loop, not here: the caller (say, a barrier's release) is still
    // going through its list and must not see a peer vanish under it.
    const auto reason =
        closeReasonOf(boost::system::error_code(outcome.error, boost::system::system_category()));
    asio::post(m_socket.get_executor(), [self = self(), reason] { self->close(reason); });
    return;
  }
  Outgoing& out = m_writeQueue.front();
  out.written = outcome.written;
  if (out.written < out.size()) return writeNext();  // the socket buffer was full
  frameWritten();
}

void TcpSession::frameWritten() {
  const Outgoing& out = m_writeQueue.front();
  if (m_onFrame) m_onFrame(typeOf(out.message), out.size() + out.carried, true);
  m_writeQueue.pop_front();
  if (!m_writeQueue.empty()) writeNext();
}

void TcpSession::writeNext() {
  const Outgoing& out = m_writeQueue.front();
  std::array<asio::const_buffer, 2> buffers = {
      asio::buffer(out.head), asio::buffer(out.bulk.data(), out.bulk.size_bytes())};
  std::size_t skip = out.written;
  for (auto& b : buffers) {
    const std::size_t k = std::min(skip, b.size());
    b += k;
    skip -= k;
  }
  asio::async_write(m_socket, buffers, WholeTransfer{},
                    [self = self()](boost::system::error_code ec, std::size_t n) {
                      if (self->m_closed) return;
                      if (ec) return self->close(closeReasonOf(ec));
                      self->m_bytesSent += n;
                      self->frameWritten();
                    });
}

void TcpSession::close(CloseReason reason) {
  if (m_closed) return;
  m_closed = true;
  m_writeQueue.clear();
  boost::system::error_code ignored;
  m_socket.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  m_socket.close(ignored);
  if (m_onClose) m_onClose(reason);
}

}  // namespace distlab::engine
