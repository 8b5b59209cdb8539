#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace distlab::engine {

/// How many of `available` clients a round trains: `fraction` of them rounded down, or `count`
/// when it is > 0, at least `minimum` (Flower's fraction_fit and min_fit_clients), never more
/// than are available.
int clientsPerRound(int available, double fraction, int minimum, int count = 0);

/// The clients of one federated round: `count` of the `available` ids, each set of `count`
/// equally likely (a partial Fisher-Yates shuffle), in the order drawn. The same (seed, round)
/// gives the same clients on every machine, so a rerun samples the same rounds.
std::vector<int> sampleClients(std::span<const int> available, int count, std::uint64_t seed,
                               std::uint64_t round);

}  // namespace distlab::engine
