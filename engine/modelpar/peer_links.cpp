#include "modelpar/peer_links.h"

#include <algorithm>
#include <optional>

#include "comm/blocking_handshake.h"
#include "core/error.h"
#include "core/rng.h"
#include "core/stopwatch.h"

namespace distlab::engine {

PeerLinks::PeerLinks(BlockingChannel& coordinator, int rank, int processes,
                     const std::vector<int>& peers, const std::string& token, const Spec& spec)
    : m_channels(static_cast<std::size_t>(processes)) {
  const int timeoutMs = linkTimeoutMs(spec);
  const bool hasLower = std::any_of(peers.begin(), peers.end(), [&](int p) { return p < rank; });
  std::optional<BlockingListener> listener;
  // Peers reach this process where the coordinator did (loopback on one machine). Reached on
  // loopback in a run whose other processes may be elsewhere, it listens everywhere: they are
  // told the coordinator's own address for it (pipeline_run.cpp, route()).
  std::string here = coordinator.localAddress();
  if (here.empty()) here = "127.0.0.1";
  if (isLoopbackAddress(here) && !isLoopbackAddress(spec.cluster.bind)) {
    here = here.find(':') == std::string::npos ? "0.0.0.0" : "::";
  }
  if (hasLower) listener.emplace(here);
  coordinator.send(Route{listener ? listener->port() : std::uint16_t{0}, {}});
  std::vector<Route> routes;
  for (int k = 0; k < processes; ++k) {
    Message reply = coordinator.receive();
    const auto* route = std::get_if<Route>(&reply);
    if (!route) throw Error("the coordinator did not say where the other processes listen");
    routes.push_back(*route);
  }
  const auto name = [](int k) { return "stage " + std::to_string(k); };
  for (int peer : peers) {
    if (peer <= rank) continue;
    auto channel = std::make_unique<BlockingChannel>();
    channel->setPeerName(name(peer));
    const Route& route = routes[static_cast<std::size_t>(peer)];
    channel->connect(route.host.empty() ? std::string("127.0.0.1") : route.host, route.port,
                     timeoutMs);
    joinPeer(*channel, PeerRole::Worker, static_cast<std::uint32_t>(rank), token);
    channel->setReceiveTimeout(timeoutMs);
    m_channels[static_cast<std::size_t>(peer)] = std::move(channel);
  }
  Rng rng = Rng::stream(static_cast<std::uint64_t>(steadyNowNs()), RngPurpose::Data,
                        static_cast<std::uint64_t>(rank));
  const auto lower = std::count_if(peers.begin(), peers.end(), [&](int p) { return p < rank; });
  for (long i = 0; i < lower; ++i) {
    auto channel = std::make_unique<BlockingChannel>();
    listener->accept(*channel, timeoutMs);
    channel->setReceiveTimeout(timeoutMs);
    const Hello who = admitPeer(*channel, token, rng);
    const int from = static_cast<int>(who.rank);
    if (from >= rank || std::find(peers.begin(), peers.end(), from) == peers.end() ||
        m_channels[static_cast<std::size_t>(from)]) {
      channel->send(Shutdown{"not a peer of this process"});
      throw Error(name(from) + " connected to " + name(rank) + ", which does not expect it");
    }
    channel->send(Welcome{});
    channel->setPeerName(name(from));
    m_channels[static_cast<std::size_t>(from)] = std::move(channel);
  }
}

PeerLinks::~PeerLinks() { m_senders.clear(); }

void PeerLinks::startSending(AsyncSender::OnSent onSent) {
  m_senders.resize(m_channels.size());
  for (std::size_t k = 0; k < m_channels.size(); ++k) {
    if (m_channels[k]) m_senders[k] = std::make_unique<AsyncSender>(*m_channels[k], onSent);
  }
}

void PeerLinks::drain() {
  for (auto& s : m_senders) {
    if (s) s->drain();
  }
}

}  // namespace distlab::engine
