#include "comm/blocking_channel.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <system_error>
#include <thread>

#include <poll.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include "comm/busy_poll.h"
#include "comm/whole_frame.h"
#include "comm/whole_transfer.h"
#include "core/error.h"

namespace distlab::engine {

namespace asio = boost::asio;

struct BlockingChannel::Impl {
  asio::io_context io;
  asio::ip::tcp::socket socket{io};
};

BlockingChannel::BlockingChannel() : m_impl(std::make_unique<Impl>()) {}
BlockingChannel::~BlockingChannel() { close(); }

void BlockingChannel::connect(const std::string& host, std::uint16_t port, int timeoutMs) {
  asio::ip::tcp::resolver resolver(m_impl->io);
  boost::system::error_code ec;
  const auto endpoints = resolver.resolve(host, std::to_string(port), ec);
  if (ec) throw Error("cannot resolve " + host + ": " + ec.message());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  for (;;) {
    asio::connect(m_impl->socket, endpoints, ec);
    if (!ec) break;
    if (ec != asio::error::connection_refused || std::chrono::steady_clock::now() > deadline) {
      throw Error("cannot connect to " + host + ":" + std::to_string(port) + ": " + ec.message());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  m_readAhead.clear();
  auto& s = m_impl->socket;
  s.set_option(asio::ip::tcp::no_delay(true), ec);
  s.set_option(asio::socket_base::send_buffer_size(4 << 20), ec);
  s.set_option(asio::socket_base::receive_buffer_size(4 << 20), ec);
}

void BlockingChannel::send(const Message& message) {
  std::span<const float> bulk;
  encodeFrameHead(message, bulk);
  sendBulk(message, bulk);
}

void BlockingChannel::sendBulk(const Message& message, std::span<const float> bulk) {
  if (m_pipe) {
    const auto head = encodeBulkFrameHead(message, bulk);
    m_pipe->send(head, bulk);
    m_bytesSent += head.size() + bulk.size_bytes();
    return;
  }
  const std::lock_guard lock(m_writeMutex);
  const bool shared = m_shared && !bulk.empty() && hasBulkFloats(message) &&
                      m_shared->put(SharedFloats::Side::Worker, bulk);
  const auto head = encodeBulkFrameHead(message, bulk, shared);
  const std::span<const float> wire = shared ? std::span<const float>{} : bulk;
  const std::array<asio::const_buffer, 2> buffers = {asio::buffer(head),
                                                     asio::buffer(wire.data(), wire.size_bytes())};
  boost::system::error_code ec;
  const std::size_t n = asio::write(m_impl->socket, buffers, WholeTransfer{}, ec);
  if (ec) throw Error("lost the connection to " + m_peer + ": " + ec.message());
  m_bytesSent += n;
}

Message BlockingChannel::receiveFromPipe(std::span<float> bulkTarget) {
  if (!m_pipe->receive(m_frame, m_receiveTimeoutMs)) {
    throw Error("no frame from " + m_peer + " within " + std::to_string(m_receiveTimeoutMs) +
                " ms");
  }
  m_lastHeaderNs = steadyNowNs();
  Message message;
  if (const auto e = decodeWholeFrame(m_frame, m_limits, message, bulkTarget);
      e != DecodeError::None) {
    throw Error("bad frame from " + m_peer + ": " + describe(e));
  }
  m_bytesReceived += m_frame.size();
  return message;
}

void BlockingChannel::readExact(void* dst, std::size_t n) {
  const int failure = m_readAhead.read(m_impl->socket.native_handle(), dst, n);
  if (failure == -1) throw Error(m_peer + " closed the connection");
  if (failure != 0) {
    throw Error("lost the connection to " + m_peer + ": " +
                std::generic_category().message(failure));
  }
}

Message BlockingChannel::receive(std::span<float> bulkTarget) {
  if (m_pipe) return receiveFromPipe(bulkTarget);
  auto& s = m_impl->socket;
  boost::system::error_code ec;
  const auto waiting = [&] { return m_readAhead.buffered() == 0 && s.available(ec) == 0; };
  if (m_busyPollNs > 0 && waiting()) {
    pollUntil([&] { return s.available(ec) > 0 || ec; }, m_busyPollNs);
  }
  if (m_receiveTimeoutMs > 0 && waiting()) {
    pollfd ready{s.native_handle(), POLLIN, 0};
    const int n = ::poll(&ready, 1, m_receiveTimeoutMs);
    if (n == 0) {
      throw Error("no frame from " + m_peer + " within " + std::to_string(m_receiveTimeoutMs) +
                  " ms");
    }
  }
  std::array<std::uint8_t, kFrameHeaderSize> headerBytes{};
  readExact(headerBytes.data(), headerBytes.size());
  m_lastHeaderNs = steadyNowNs();
  FrameHeader header;
  if (const auto e = decodeHeader(headerBytes, m_limits, header); e != DecodeError::None) {
    throw Error("bad frame from " + m_peer + ": " + describe(e));
  }
  Message message;
  if (isBulkFrame(header)) {
    const std::size_t prefixSize = bulkPrefixSize(header.type);
    std::array<std::uint8_t, 32> prefix{};
    readExact(prefix.data(), prefixSize);
    const std::uint32_t count = bulkFloatCount({prefix.data(), prefixSize});
    const bool intoTarget = !bulkTarget.empty() && bulkTarget.size() == count;
    const auto e =
        decodeBulkPrefix(header, {prefix.data(), prefixSize}, m_limits, message, !intoTarget);
    if (e != DecodeError::None) throw Error(std::string("bad frame: ") + describe(e));
    const std::span<float> values = intoTarget ? bulkTarget : bulkValues(message);
    if (paramsInRegion(header)) {
      if (m_paramsRegion.size() != values.size()) {
        throw Error("bad frame from " + m_peer + ": its floats are in no region we map");
      }
      if (values.data() != m_paramsRegion.data()) {
        std::copy(m_paramsRegion.begin(), m_paramsRegion.end(), values.begin());
      }
    } else if (floatsAreShared(header)) {
      if (!m_shared || !m_shared->take(SharedFloats::Side::Worker, values)) {
        throw Error("bad frame from " + m_peer + ": its floats are not in shared memory");
      }
    } else {
      readExact(values.data(), values.size_bytes());
    }
  } else {
    std::vector<std::uint8_t> payload(header.length);  // bounded by decodeHeader
    readExact(payload.data(), payload.size());
    const auto e = decodePayload(header, payload, m_limits, message);
    if (e != DecodeError::None) throw Error(std::string("bad frame: ") + describe(e));
  }
  m_bytesReceived += kFrameHeaderSize + header.length;
  return message;
}

struct BlockingListener::Impl {
  asio::io_context io;
  asio::ip::tcp::acceptor acceptor{io};
};

BlockingListener::BlockingListener(const std::string& host, std::uint16_t port)
    : m_impl(std::make_unique<Impl>()) {
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  if (ec) throw Error("cannot listen on " + host + ": " + ec.message());
  const asio::ip::tcp::endpoint endpoint(address, port);
  auto& a = m_impl->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw Error("cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message());
  }
}

BlockingListener::~BlockingListener() = default;

std::uint16_t BlockingListener::port() const {
  boost::system::error_code ec;
  return m_impl->acceptor.local_endpoint(ec).port();
}

void BlockingListener::accept(BlockingChannel& channel, int timeoutMs) {
  auto& a = m_impl->acceptor;
  pollfd ready{a.native_handle(), POLLIN, 0};
  if (::poll(&ready, 1, timeoutMs) <= 0) {
    throw Error("nobody connected within " + std::to_string(timeoutMs) + " ms");
  }
  boost::system::error_code ec;
  a.accept(channel.m_impl->socket, ec);
  if (ec) throw Error("cannot accept a connection: " + ec.message());
  channel.m_readAhead.clear();
  auto& s = channel.m_impl->socket;
  s.set_option(asio::ip::tcp::no_delay(true), ec);
  s.set_option(asio::socket_base::send_buffer_size(4 << 20), ec);
  s.set_option(asio::socket_base::receive_buffer_size(4 << 20), ec);
}

std::string BlockingChannel::localAddress() const {
  boost::system::error_code ec;
  const auto endpoint = m_impl->socket.local_endpoint(ec);
  return ec ? std::string() : endpoint.address().to_string();
}

std::string BlockingChannel::remoteAddress() const {
  boost::system::error_code ec;
  const auto endpoint = m_impl->socket.remote_endpoint(ec);
  return ec ? std::string() : endpoint.address().to_string();
}

bool isLoopbackAddress(const std::string& host) {
  if (host == "localhost") return true;
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  return !ec && address.is_loopback();
}

void BlockingChannel::close() {
  if (m_pipe) return m_pipe->close();
  if (!m_impl) return;
  boost::system::error_code ignored;
  m_impl->socket.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  m_impl->socket.close(ignored);
}

}  // namespace distlab::engine
