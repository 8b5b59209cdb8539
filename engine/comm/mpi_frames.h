#pragma once
// Frames as MPI messages, for `distlab-engine mpi --frames mpi`: one frame is one message with
// tag kMpiFrameTag on a communicator of the run's own. A worker's BlockingChannel sends and
// receives through an MpiPipe; rank 0's coordinator sees each worker rank as an MpiSession
// whose messages an MpiHub moves on a thread of its own, so the coordinator's event loop never
// waits inside MPI. Compiled only where MPI is (DISTLAB_HAVE_MPI); needs MPI_THREAD_MULTIPLE.
#include <mpi.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "comm/frame_pipe.h"
#include "comm/session.h"
#include "comm/session_source.h"

namespace distlab::engine {

inline constexpr int kMpiFrameTag = 7;
/// A worker's last message (empty): it sends nothing more, so rank 0 may stop receiving.
inline constexpr int kMpiByeTag = 8;

/// Between polls of MPI: gives the core away at once for the first 2 ms after something
/// happened (a reply usually comes that soon), then sleeps 100 us a time, so a waiting rank
/// does not spin on a core the others need.
class PollBackoff {
 public:
  void reset() { m_idleSince = std::chrono::steady_clock::now(); }
  void pause();

 private:
  std::chrono::steady_clock::time_point m_idleSince = std::chrono::steady_clock::now();
};

/// A worker's frames to and from one rank.
class MpiPipe final : public FramePipe {
 public:
  MpiPipe(MPI_Comm comm, int peer) : m_comm(comm), m_peer(peer) {}
  void send(std::span<const std::uint8_t> head, std::span<const float> bulk) override;
  bool receive(std::vector<std::uint8_t>& frame, int timeoutMs) override;
  /// Says goodbye to the peer (once).
  void close() override;

 private:
  MPI_Comm m_comm;
  int m_peer;
  std::atomic<bool> m_closed{false};
};

class MpiHub;

/// One frame on its way out, alive until MPI is done with its memory.
struct MpiFrame {
  Message message;
  std::vector<std::uint8_t> head;
  std::span<const float> bulk;
  std::shared_ptr<const std::vector<float>> sharedBulk;
};

/// The coordinator's end of one worker rank. Runs on the coordinator's event loop; the hub
/// hands it what arrived and what was sent.
class MpiSession final : public Session {
 public:
  MpiSession(MpiHub& hub, int rank, DecodeLimits limits)
      : Session(limits), m_hub(hub), m_rank(rank) {}
  bool useSharedFloats(std::unique_ptr<SharedFloats>, bool) override { return false; }
  bool usesSharedFloats() const override { return false; }
  std::span<const float> lentPush() const override { return {}; }
  void releaseLentPush() override {}
  void start(MessageHandler onMessage, CloseHandler onClose) override;
  void send(Message message) override;
  void sendShared(Message fields, std::shared_ptr<const std::vector<float>> values) override;
  /// Stops taking its frames; a close of ours tells the worker with a SHUTDOWN first, as a
  /// closed connection would.
  void close(CloseReason reason = {}) override;

  /// From the hub, on the event loop.
  void received(std::vector<std::uint8_t>& frame);
  void sent(const MpiFrame& frame);
  /// The hub is going: nothing more is sent or handed on (no callbacks).
  void detach() { m_closed = true; }

 private:
  MpiHub& m_hub;
  int m_rank;
};

/// Rank 0's MPI traffic: a thread that starts every send (MPI_Isend from where the frame lies),
/// completes them, and receives every frame (MPI_Improbe + MPI_Mrecv), posting the results to the
/// coordinator's event loop.
class MpiHub final : public SessionSource {
 public:
  /// Workers are ranks 1..hosts.size()-1; hosts[r] is rank r's processor name.
  MpiHub(boost::asio::io_context& io, MPI_Comm comm, DecodeLimits limits,
         std::vector<std::string> hosts);
  /// Sends what is still going out (the last SHUTDOWNs) and receives (and drops) what the
  /// workers still send until each has said goodbye, for up to 10 s; then stops.
  ~MpiHub() override;
  /// Some hub of this process stopped before every worker said goodbye: a rank may be stuck in
  /// a send to rank 0, so the job must be aborted rather than finalized.
  static bool gaveUp();
  std::vector<LinkedPeer> peers() override;

  /// Any thread: queues `frame` for `rank`.
  void send(int rank, std::shared_ptr<MpiFrame> frame);
  /// Hands a received frame's buffer back for the next one (no allocation a step).
  void recycle(std::vector<std::uint8_t>&& buffer);

 private:
  struct InFlight {
    int rank;
    std::shared_ptr<MpiFrame> frame;
  };
  void pump();
  bool startSends();
  bool completeSends();
  bool receiveFrames();
  bool receiveGoodbyes();
  /// The destructor's drain; false when it gave up.
  bool drain();

  boost::asio::io_context& m_io;
  MPI_Comm m_comm;
  std::vector<std::string> m_hosts;
  std::vector<std::shared_ptr<MpiSession>> m_sessions;  ///< by rank; [0] empty
  std::mutex m_mutex;
  std::deque<InFlight> m_outbox;                     ///< guarded by m_mutex
  std::vector<std::vector<std::uint8_t>> m_buffers;  ///< guarded by m_mutex
  std::vector<MPI_Request> m_requests;               ///< the pump's only
  std::vector<InFlight> m_inFlight;                  ///< the pump's only, beside m_requests
  std::vector<bool> m_saidGoodbye;                   ///< the pump's only, by rank
  std::atomic<bool> m_stopping{false};
  std::thread m_thread;
};

}  // namespace distlab::engine
