#pragma once
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "comm/async_sender.h"
#include "comm/blocking_channel.h"
#include "core/spec.h"

namespace distlab::engine {

/// How long a model-parallel process waits for a peer (a frame, a connection) before it counts
/// it as lost: six times cluster.peer_timeout_ms (30 s by default). Generous, because a process
/// that is still loading its data on a loaded machine is not lost; finite, so a hung peer ends
/// the run instead of hanging it.
inline int linkTimeoutMs(const Spec& spec) { return 6 * spec.cluster.peerTimeoutMs; }
/// How long the coordinator and its processes wait for each other's next frame: a federated
/// round under Paillier (privacy.homomorphic) waits for the slowest process's encryption,
/// minutes on a large model, where the usual link timeout would give up on working peers.
inline int roundWaitMs(const Spec& spec) {
  return spec.privacy.homomorphic ? std::max(linkTimeoutMs(spec), 15 * 60 * 1000)
                                  : linkTimeoutMs(spec);
}

/// A model-parallel process's connections to the others of its run, made through the
/// coordinator: each process says the port it listens on (ROUTE; 0: none) and learns everyone's
/// (one ROUTE per process, in rank order). A process connects to the higher ranks it talks to
/// and accepts the lower ones, so the connections never wait on each other in a circle. Every
/// link is authenticated with the run's token, receives with a deadline (linkTimeoutMs of the
/// spec) and sends on a thread of its own (AsyncSender). A process listens where it reached the
/// coordinator; one that reached it on loopback while others may be on other machines
/// (cluster.bind not loopback) listens on every interface, and the coordinator tells the
/// others its own address instead.
class PeerLinks {
 public:
  /// `peers`: the ranks this process talks to (a pipeline stage: its neighbours; a tensor
  /// shard: every other shard).
  PeerLinks(BlockingChannel& coordinator, int rank, int processes, const std::vector<int>& peers,
            const std::string& token, const Spec& spec);
  ~PeerLinks();

  BlockingChannel& channel(int rank) { return *m_channels.at(static_cast<std::size_t>(rank)); }
  /// Starts the sending threads; onSent reports each frame written.
  void startSending(AsyncSender::OnSent onSent);
  AsyncSender& sender(int rank) { return *m_senders.at(static_cast<std::size_t>(rank)); }
  /// Waits until every queued frame is written.
  void drain();

 private:
  std::vector<std::unique_ptr<BlockingChannel>> m_channels;  ///< by rank; null: no link
  std::vector<std::unique_ptr<AsyncSender>> m_senders;       ///< by rank; destroyed first
};

}  // namespace distlab::engine
