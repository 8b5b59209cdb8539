#include "federated/client_sampler.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/rng.h"

namespace distlab::engine {

int clientsPerRound(int available, double fraction, int minimum, int count) {
  const int share =
      count > 0 ? count : static_cast<int>(std::floor(fraction * available + 1e-9));
  return std::clamp(std::max(share, minimum), 0, std::max(available, 0));
}

std::vector<int> sampleClients(std::span<const int> available, int count, std::uint64_t seed,
                               std::uint64_t round) {
  if (count < 0 || static_cast<std::size_t>(count) > available.size()) {
    throw Error("cannot sample " + std::to_string(count) + " of " +
                std::to_string(available.size()) + " clients");
  }
  std::vector<int> pool(available.begin(), available.end());
  Rng rng = Rng::stream(seed, RngPurpose::Clients, round);
  for (std::size_t i = 0; i < static_cast<std::size_t>(count); ++i) {
    const std::size_t j = i + static_cast<std::size_t>(rng.below(pool.size() - i));
    std::swap(pool[i], pool[j]);
  }
  pool.resize(static_cast<std::size_t>(count));
  return pool;
}

}  // namespace distlab::engine
