#include "comm/mpi_frames.h"

#include <sched.h>

#include <algorithm>
#include <cstdio>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "comm/whole_frame.h"
#include "core/error.h"

namespace distlab::engine {
namespace {

std::atomic<bool> g_hubGaveUp{false};  // MpiHub::gaveUp()

/// Head and floats as one MPI datatype of absolute addresses: one message, sent from where both
/// lie (the caller frees the type once the send has started).
MPI_Datatype frameType(std::span<const std::uint8_t> head, std::span<const float> bulk) {
  MPI_Aint at[2];
  MPI_Get_address(head.data(), &at[0]);
  MPI_Get_address(bulk.data(), &at[1]);
  const int lengths[2] = {static_cast<int>(head.size()), static_cast<int>(bulk.size_bytes())};
  MPI_Datatype type;
  MPI_Type_create_hindexed(2, lengths, at, MPI_BYTE, &type);
  MPI_Type_commit(&type);
  return type;
}

/// Starts (or, with request == nullptr, does) the send of one frame to `rank`.
void sendFrame(MPI_Comm comm, int rank, std::span<const std::uint8_t> head,
               std::span<const float> bulk, MPI_Request* request) {
  int rc = MPI_SUCCESS;
  if (bulk.empty()) {
    rc = request ? MPI_Isend(head.data(), static_cast<int>(head.size()), MPI_BYTE, rank,
                             kMpiFrameTag, comm, request)
                 : MPI_Send(head.data(), static_cast<int>(head.size()), MPI_BYTE, rank,
                            kMpiFrameTag, comm);
  } else {
    MPI_Datatype type = frameType(head, bulk);
    rc = request ? MPI_Isend(MPI_BOTTOM, 1, type, rank, kMpiFrameTag, comm, request)
                 : MPI_Send(MPI_BOTTOM, 1, type, rank, kMpiFrameTag, comm);
    MPI_Type_free(&type);
  }
  if (rc != MPI_SUCCESS) throw Error("MPI could not send a frame to rank " + std::to_string(rank));
}

/// Receives the message `probed` found into `frame`.
void receiveProbed(MPI_Message& probed, const MPI_Status& status,
                   std::vector<std::uint8_t>& frame) {
  int bytes = 0;
  MPI_Get_count(&status, MPI_BYTE, &bytes);
  frame.resize(static_cast<std::size_t>(bytes));
  MPI_Mrecv(frame.data(), bytes, MPI_BYTE, &probed, MPI_STATUS_IGNORE);
}

}  // namespace

void PollBackoff::pause() {
  if (std::chrono::steady_clock::now() - m_idleSince < std::chrono::milliseconds(2)) {
    sched_yield();
  } else {
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
}

void MpiPipe::close() {
  if (m_closed.exchange(true)) return;
  MPI_Send(nullptr, 0, MPI_BYTE, m_peer, kMpiByeTag, m_comm);
}

void MpiPipe::send(std::span<const std::uint8_t> head, std::span<const float> bulk) {
  sendFrame(m_comm, m_peer, head, bulk, nullptr);
}

bool MpiPipe::receive(std::vector<std::uint8_t>& frame, int timeoutMs) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
  PollBackoff backoff;
  for (;;) {
    int found = 0;
    MPI_Message probed;
    MPI_Status status;
    MPI_Improbe(m_peer, kMpiFrameTag, m_comm, &found, &probed, &status);
    if (found) {
      receiveProbed(probed, status, frame);
      return true;
    }
    if (timeoutMs > 0 && std::chrono::steady_clock::now() > deadline) return false;
    backoff.pause();
  }
}

void MpiSession::start(MessageHandler onMessage, CloseHandler onClose) {
  m_onMessage = std::move(onMessage);
  m_onClose = std::move(onClose);
}

void MpiSession::send(Message message) {
  if (m_closed) return;
  auto frame = std::make_shared<MpiFrame>();
  frame->message = std::move(message);
  frame->head = encodeFrameHead(frame->message, frame->bulk);  // bulk points into the message
  m_hub.send(m_rank, std::move(frame));
}

void MpiSession::sendShared(Message fields, std::shared_ptr<const std::vector<float>> values) {
  if (m_closed) return;
  auto frame = std::make_shared<MpiFrame>();
  frame->message = std::move(fields);
  frame->sharedBulk = std::move(values);
  frame->bulk = *frame->sharedBulk;
  frame->head = encodeBulkFrameHead(frame->message, frame->bulk);
  m_hub.send(m_rank, std::move(frame));
}

void MpiSession::close(CloseReason reason) {
  if (m_closed) return;
  // A socket's end is news to the worker; an MPI rank has none, so it is told.
  if (reason.kind != CloseReason::Kind::PeerClosed) send(Shutdown{"closed: " + reason.text()});
  m_closed = true;
  if (m_onClose) m_onClose(reason);
}

void MpiSession::received(std::vector<std::uint8_t>& frame) {
  if (m_closed) return;
  m_bytesReceived += frame.size();
  Message message;
  const DecodeError error = decodeWholeFrame(frame, m_limits, message, {}, &m_spare);
  if (error != DecodeError::None) {
    return close({CloseReason::Kind::BadFrame, static_cast<int>(error), describe(error)});
  }
  if (m_onFrame) m_onFrame(typeOf(message), frame.size(), false);
  if (m_onMessage) m_onMessage(std::move(message));
}

void MpiSession::sent(const MpiFrame& frame) {
  const std::size_t bytes = frame.head.size() + frame.bulk.size_bytes();
  m_bytesSent += bytes;
  if (m_onFrame && !m_closed) m_onFrame(typeOf(frame.message), bytes, true);
}

MpiHub::MpiHub(boost::asio::io_context& io, MPI_Comm comm, DecodeLimits limits,
               std::vector<std::string> hosts)
    : m_io(io), m_comm(comm), m_hosts(std::move(hosts)) {
  m_sessions.resize(m_hosts.size());
  m_saidGoodbye.assign(m_hosts.size(), false);
  for (std::size_t r = 1; r < m_hosts.size(); ++r) {
    m_sessions[r] = std::make_shared<MpiSession>(*this, static_cast<int>(r), limits);
  }
  m_thread = std::thread([this] { pump(); });
}

MpiHub::~MpiHub() {
  m_stopping = true;
  m_thread.join();
  for (auto& session : m_sessions) {
    if (session) session->detach();  // a late send must not reach a hub that is gone
  }
}

bool MpiHub::gaveUp() { return g_hubGaveUp; }

std::vector<LinkedPeer> MpiHub::peers() {
  std::vector<LinkedPeer> out;
  for (std::size_t r = 1; r < m_sessions.size(); ++r) {
    out.push_back({m_sessions[r], "rank " + std::to_string(r) + " on " + m_hosts[r],
                   m_hosts[r] == m_hosts[0]});
  }
  return out;
}

void MpiHub::send(int rank, std::shared_ptr<MpiFrame> frame) {
  const std::lock_guard lock(m_mutex);
  m_outbox.push_back({rank, std::move(frame)});
}

void MpiHub::recycle(std::vector<std::uint8_t>&& buffer) {
  const std::lock_guard lock(m_mutex);
  if (m_buffers.size() < 2 * m_sessions.size()) m_buffers.push_back(std::move(buffer));
}

void MpiHub::pump() {
  PollBackoff backoff;
  while (!m_stopping) {
    bool busy = startSends();
    busy |= completeSends();
    busy |= receiveFrames();
    busy |= receiveGoodbyes();
    if (busy) {
      backoff.reset();
    } else {
      backoff.pause();
    }
  }
  if (!drain()) g_hubGaveUp = true;
}

bool MpiHub::drain() {
  const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  PollBackoff backoff;
  for (;;) {
    bool busy = startSends();
    busy |= completeSends();
    busy |= receiveFrames();  // a worker mid-send must get its frame out to see SHUTDOWN
    busy |= receiveGoodbyes();
    bool sent = false;
    {
      const std::lock_guard lock(m_mutex);
      sent = m_outbox.empty();
    }
    sent = sent && m_requests.empty();
    const bool allGone =
        std::all_of(m_saidGoodbye.begin() + 1, m_saidGoodbye.end(), [](bool b) { return b; });
    if (sent && allGone) return true;
    if (allGone) {
      // Every worker has gone: what is still on its way to one (PARAMS answering a last
      // PUSH) will never be received. MPI may still hold its memory, so it is kept.
      static std::vector<InFlight> unread;
      for (auto& request : m_requests) {
        MPI_Cancel(&request);
        MPI_Request_free(&request);
      }
      for (auto& out : m_inFlight) unread.push_back(std::move(out));
      m_requests.clear();
      m_inFlight.clear();
      return true;
    }
    if (std::chrono::steady_clock::now() > giveUp) {
      std::string missing;
      for (std::size_t r = 1; r < m_saidGoodbye.size(); ++r) {
        if (!m_saidGoodbye[r]) missing += " " + std::to_string(r);
      }
      std::fprintf(stderr, "mpi: worker ranks%s did not say goodbye within 10 s\n",
                   missing.c_str());
      // MPI may still read the frames of sends in flight: they are kept, never freed.
      static std::vector<InFlight> kept;
      for (auto& out : m_inFlight) kept.push_back(std::move(out));
      return false;
    }
    if (busy) {
      backoff.reset();
    } else {
      backoff.pause();
    }
  }
}

bool MpiHub::receiveGoodbyes() {
  bool any = false;
  for (;;) {
    int found = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, kMpiByeTag, m_comm, &found, &status);
    if (!found) return any;
    MPI_Recv(nullptr, 0, MPI_BYTE, status.MPI_SOURCE, kMpiByeTag, m_comm, MPI_STATUS_IGNORE);
    const auto rank = static_cast<std::size_t>(status.MPI_SOURCE);
    if (rank < m_saidGoodbye.size()) m_saidGoodbye[rank] = true;
    any = true;
  }
}

bool MpiHub::startSends() {
  std::deque<InFlight> starting;
  {
    const std::lock_guard lock(m_mutex);
    starting.swap(m_outbox);
  }
  for (auto& out : starting) {
    MPI_Request request;
    sendFrame(m_comm, out.rank, out.frame->head, out.frame->bulk, &request);
    m_requests.push_back(request);
    m_inFlight.push_back(std::move(out));
  }
  return !starting.empty();
}

bool MpiHub::completeSends() {
  if (m_requests.empty()) return false;
  std::vector<int> done(m_requests.size());
  int count = 0;
  MPI_Testsome(static_cast<int>(m_requests.size()), m_requests.data(), &count, done.data(),
               MPI_STATUSES_IGNORE);
  if (count == MPI_UNDEFINED || count == 0) return false;
  for (int k = 0; k < count; ++k) {
    InFlight& out = m_inFlight[static_cast<std::size_t>(done[static_cast<std::size_t>(k)])];
    boost::asio::post(m_io, [session = m_sessions[static_cast<std::size_t>(out.rank)],
                             frame = std::move(out.frame)] { session->sent(*frame); });
  }
  // Keep the requests still pending (MPI set the done ones to MPI_REQUEST_NULL), in order.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < m_requests.size(); ++i) {
    if (m_requests[i] == MPI_REQUEST_NULL) continue;
    m_requests[kept] = m_requests[i];
    m_inFlight[kept] = std::move(m_inFlight[i]);
    ++kept;
  }
  m_requests.resize(kept);
  m_inFlight.resize(kept);
  return true;
}

bool MpiHub::receiveFrames() {
  bool any = false;
  // A bounded batch, so sends are started between batches however chatty the ranks are.
  for (int handled = 0; handled < 16; ++handled) {
    int found = 0;
    MPI_Message probed;
    MPI_Status status;
    MPI_Improbe(MPI_ANY_SOURCE, kMpiFrameTag, m_comm, &found, &probed, &status);
    if (!found) return any;
    any = true;
    std::vector<std::uint8_t> frame;
    {
      const std::lock_guard lock(m_mutex);
      if (!m_buffers.empty()) {
        frame = std::move(m_buffers.back());
        m_buffers.pop_back();
      }
    }
    receiveProbed(probed, status, frame);
    const auto rank = static_cast<std::size_t>(status.MPI_SOURCE);
    if (rank == 0 || rank >= m_sessions.size()) continue;
    boost::asio::post(m_io, [this, session = m_sessions[rank], frame = std::move(frame)]() mutable {
      session->received(frame);
      recycle(std::move(frame));
    });
  }
  return any;
}

}  // namespace distlab::engine
