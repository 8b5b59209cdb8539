// Secure aggregation with dropouts (crypto/secagg/) on one update of the default lesson's MLP
// (235,146 values): the server's work for a round of n clients of which a tenth drop out after
// sharing their keys (adding the masked inputs, rebuilding the dropped clients' mask keys and
// the survivors' self-mask seeds from shares, removing those masks), and one client's masking.
#include <benchmark/benchmark.h>

#include <cmath>
#include <map>
#include <vector>

#include "crypto/secagg/secagg_client.h"
#include "crypto/secagg/secagg_server.h"

using namespace distlab::engine;

namespace {

constexpr std::size_t kValues = 235'146;

/// One prepared round: what the server receives, made once per client count.
struct PreparedRound {
  std::vector<AdvertisedKeys> roster;
  int threshold = 0;
  std::map<std::uint32_t, std::vector<SealedShare>> shares;
  std::map<std::uint32_t, std::vector<std::uint64_t>> masked;
  std::vector<RevealedShare> reveals;
};

const PreparedRound& prepared(int n) {
  static std::map<int, PreparedRound> rounds;
  auto [it, fresh] = rounds.try_emplace(n);
  if (!fresh) return it->second;
  auto& r = it->second;
  std::vector<SecAggClient> clients;
  for (int c = 0; c < n; ++c) {
    clients.emplace_back(static_cast<std::uint32_t>(c), 1);
    r.roster.push_back(clients.back().keys());
  }
  r.threshold = secAggThreshold(0.6, n);
  SecAggServer server(r.roster, r.threshold, kValues);
  for (auto& c : clients) {
    r.shares[c.keys().client] = c.shareKeys(r.roster, r.threshold);
    server.addShares(c.keys().client, r.shares[c.keys().client]);
  }
  for (auto& c : clients) c.receiveShares(server.sharesFor(c.keys().client));
  const std::vector<double> update(kValues, 0.001);
  const int dropped = std::max(1, n / 10);
  for (int c = dropped; c < n; ++c) r.masked[static_cast<std::uint32_t>(c)] = clients[c].maskInput(update);
  std::vector<std::uint32_t> survivors;
  for (const auto& [id, _] : r.masked) survivors.push_back(id);
  for (int c = dropped; c < n; ++c) {
    auto mine = clients[c].reveal(survivors);
    r.reveals.insert(r.reveals.end(), mine.begin(), mine.end());
  }
  return r;
}

void BM_SecAggServerRound(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const auto& r = prepared(n);
  for (auto _ : state) {
    SecAggServer server(r.roster, r.threshold, kValues);
    for (const auto& [from, shares] : r.shares) server.addShares(from, shares);
    for (const auto& [client, words] : r.masked) server.addMasked(client, words);
    const auto sum = server.unmask(r.reveals);
    benchmark::DoNotOptimize(sum.data());
    if (std::abs(decodeFixed64(std::span(sum).first(1))[0] - 0.001 * r.masked.size()) > 1e-6) {
      state.SkipWithError("the unmasked sum is wrong");
    }
  }
  state.counters["clients"] = n;
  state.counters["dropped"] = static_cast<double>(n - static_cast<int>(r.masked.size()));
}

void BM_SecAggClientMask(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::vector<SecAggClient> clients;
  std::vector<AdvertisedKeys> roster;
  for (int c = 0; c < n; ++c) {
    clients.emplace_back(static_cast<std::uint32_t>(c), 1);
    roster.push_back(clients.back().keys());
  }
  const int t = secAggThreshold(0.6, n);
  std::vector<SealedShare> toZero;
  for (auto& c : clients) {
    for (auto& s : c.shareKeys(roster, t)) {
      if (s.to == 0) toZero.push_back(s);
    }
  }
  clients[0].receiveShares(toZero);
  const std::vector<double> update(kValues, 0.001);
  for (auto _ : state) benchmark::DoNotOptimize(clients[0].maskInput(update));
  state.counters["clients"] = n;
}

}  // namespace

BENCHMARK(BM_SecAggServerRound)->Arg(10)->Arg(50)->Arg(100)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_SecAggClientMask)->Arg(10)->Arg(50)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
