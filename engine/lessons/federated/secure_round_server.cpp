#include "lessons/federated/secure_round_server.h"

#include <optional>
#include <string>

#include "core/error.h"
#include "core/stopwatch.h"
#include "crypto/secagg/secagg_client.h"
#include "crypto/secagg/secagg_server.h"
#include "lessons/federated/federated_clients.h"

namespace distlab::engine {
namespace {

/// Every blob of a process's answer: the first frame's and each later part's.
std::vector<Bytes> blobsOf(const RoundPush& push) {
  std::vector<Bytes> out;
  if (push.lost) return out;
  out.push_back(slotsToBytes(push.values));
  for (const auto& part : push.moreValues) out.push_back(slotsToBytes(part));
  return out;
}

void checkHosted(std::uint32_t client, int process, int processes, int clients) {
  if (static_cast<int>(client) >= clients || hostOf(static_cast<int>(client), processes) != process) {
    throw Error("secure aggregation: process " + std::to_string(process) +
                " answered for client " + std::to_string(client) + ", which it does not host");
  }
}

void sendToAll(RoundHost& host, std::uint64_t frame, const Bytes& bytes) {
  const auto slots = bytesToSlots(bytes);
  for (int k = 0; k < host.processes(); ++k) host.send(k, Params{frame, {}}, slots);
}

}  // namespace

SecureRoundResult serveSecureRound(RoundHost& host, std::uint64_t s, std::uint64_t round,
                                   int clients, double thresholdShare, std::size_t length,
                                   const std::function<bool(std::uint32_t)>& counts) {
  const int processes = host.processes();
  SecureRoundResult result;
  // The server's own work between the steps' answers, each stretch an Aggregate span.
  std::int64_t busySince = 0;
  const auto collect = [&](std::uint64_t frame) {
    if (busySince) host.record(Span{kServerLane, SpanKind::Aggregate, busySince, steadyNowNs(), round, 0});
    auto pushes = host.collect(frame);
    busySince = steadyNowNs();
    return pushes;
  };
  // Round 0: the keys of every sampled client whose process is alive.
  std::vector<AdvertisedKeys> roster;
  const auto keys = collect(s);
  for (int k = 0; k < processes; ++k) {
    for (const auto& blob : blobsOf(keys[static_cast<std::size_t>(k)])) {
      for (const auto& key : readKeys(blob)) {
        checkHosted(key.client, k, processes, clients);
        roster.push_back(key);
      }
    }
  }
  const int n = static_cast<int>(roster.size());
  result.threshold = secAggThreshold(thresholdShare, std::max(n, 2));
  std::optional<SecAggServer> server;
  if (n >= 2) server.emplace(roster, result.threshold, length);
  // Round 1: the roster out, the sealed shares back, each to its receiver's process.
  sendToAll(host, s + 1, writeKeys(server ? roster : std::vector<AdvertisedKeys>{}));
  const auto sealed = collect(s + 1);
  for (int k = 0; k < processes; ++k) {
    for (const auto& blob : blobsOf(sealed[static_cast<std::size_t>(k)])) {
      std::map<std::uint32_t, std::vector<SealedShare>> byFrom;
      for (auto& share : readShares(blob)) {
        checkHosted(share.from, k, processes, clients);
        byFrom[share.from].push_back(std::move(share));
      }
      for (auto& [from, shares] : byFrom) server->addShares(from, std::move(shares));
    }
  }
  for (int k = 0; k < processes; ++k) {
    std::vector<SealedShare> forK;
    for (const auto& key : server ? roster : std::vector<AdvertisedKeys>{}) {
      if (hostOf(static_cast<int>(key.client), processes) != k) continue;
      auto mine = server->sharesFor(key.client);
      forK.insert(forK.end(), mine.begin(), mine.end());
    }
    host.send(k, Params{s + 2, {}}, bytesToSlots(writeShares(forK)));
  }
  // Round 2: the masked inputs; a late one is not summed.
  const auto masked = collect(s + 2);
  for (int k = 0; k < processes; ++k) {
    for (const auto& blob : blobsOf(masked[static_cast<std::size_t>(k)])) {
      if (blob.empty()) continue;  // the step's closing frame
      const MaskedInput input = readMasked(blob);
      checkHosted(input.client, k, processes, clients);
      if (result.inputs.count(input.client)) {
        throw Error("secure aggregation: a second input from client " +
                    std::to_string(input.client));
      }
      result.inputs[input.client] = input.weight;
      // Without a roster of two (one client sampled) nothing is summed: too few survivors.
      if (server && counts(input.client)) server->addMasked(input.client, input.words);
    }
  }
  // Round 3: who survived out, their shares back, and the sum unmasked.
  if (server) result.survivors = server->survivors();
  sendToAll(host, s + 3, writeIds(result.survivors));
  std::vector<RevealedShare> reveals;
  const auto revealed = collect(s + 3);
  for (int k = 0; k < processes; ++k) {
    for (const auto& blob : blobsOf(revealed[static_cast<std::size_t>(k)])) {
      for (auto& r : readReveals(blob)) {
        checkHosted(r.holder, k, processes, clients);
        reveals.push_back(std::move(r));
      }
    }
  }
  if (server) {
    try {
      result.sum = decodeFixed64(server->unmask(reveals));
      result.outcome = SecureRound::Unmasked;
      result.recovered = static_cast<int>(server->sharers() - result.survivors.size());
    } catch (const TooFewSurvivors&) {
      result.survivors.clear();
    }
  }
  host.record(Span{kServerLane, SpanKind::Aggregate, busySince, steadyNowNs(), round, 0});
  return result;
}

}  // namespace distlab::engine
