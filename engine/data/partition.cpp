#include "data/partition.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.h"

namespace distlab::engine {
namespace {

// Splits `total` into parts proportional to weights, with the rounding remainder given to the
// largest fractional parts so the sizes add up exactly.
std::vector<std::size_t> proportionalSizes(std::size_t total, std::span<const double> weights) {
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<std::size_t> sizes(weights.size());
  std::vector<std::pair<double, std::size_t>> remainders;
  std::size_t assigned = 0;
  for (std::size_t k = 0; k < weights.size(); ++k) {
    const double exact = static_cast<double>(total) * weights[k] / sum;
    sizes[k] = static_cast<std::size_t>(exact);
    assigned += sizes[k];
    remainders.push_back({exact - static_cast<double>(sizes[k]), k});
  }
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  for (std::size_t i = 0; assigned < total; ++i, ++assigned) ++sizes[remainders[i].second];
  return sizes;
}

void requireWorkers(int workers) {
  if (workers < 1)
    throw Error("a partition needs at least one worker, got " + std::to_string(workers));
}

}  // namespace

Partition sampleWithReplacement(std::size_t n, std::span<const double> capacities,
                                std::size_t draws, Rng& rng) {
  if (capacities.empty()) throw Error("sampling with replacement needs at least one worker");
  for (double c : capacities) {
    if (!(c > 0.0)) throw Error("worker capacities must be > 0");
  }
  if (n == 0) throw Error("cannot sample from an empty training set");
  Partition p;
  for (std::size_t size : proportionalSizes(draws, capacities)) {
    auto& rows = p.rows.emplace_back(size);
    for (auto& r : rows) r = static_cast<std::size_t>(rng.below(n));
  }
  return p;
}

Partition shuffleSplit(std::size_t n, int workers, std::uint64_t seed, int epoch,
                       int reshuffleEvery) {
  requireWorkers(workers);
  if (reshuffleEvery < 1) throw Error("reshuffle period must be >= 1 epoch");
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  Rng rng =
      Rng::stream(seed, RngPurpose::Partition, static_cast<std::uint64_t>(epoch / reshuffleEvery));
  rng.shuffle(std::span<std::size_t>(order));
  const std::vector<double> equal(static_cast<std::size_t>(workers), 1.0);
  Partition p;
  std::size_t start = 0;
  for (std::size_t size : proportionalSizes(n, equal)) {
    p.rows.emplace_back(order.begin() + static_cast<std::ptrdiff_t>(start),
                        order.begin() + static_cast<std::ptrdiff_t>(start + size));
    start += size;
  }
  return p;
}

Partition dirichletLabelSkew(std::span<const int> labels, int numClasses, int workers, double alpha,
                             Rng& rng) {
  requireWorkers(workers);
  if (!(alpha > 0.0)) throw Error("Dirichlet alpha must be > 0");
  std::vector<std::vector<std::size_t>> byClass(static_cast<std::size_t>(numClasses));
  for (std::size_t i = 0; i < labels.size(); ++i)
    byClass.at(static_cast<std::size_t>(labels[i])).push_back(i);
  Partition p;
  p.rows.resize(static_cast<std::size_t>(workers));
  std::vector<double> shares(static_cast<std::size_t>(workers));
  for (auto& rows : byClass) {
    rng.shuffle(std::span<std::size_t>(rows));
    for (auto& s : shares) s = rng.gamma(alpha);  // normalised Gammas are Dirichlet
    if (std::accumulate(shares.begin(), shares.end(), 0.0) <= 0.0)
      shares.assign(shares.size(), 1.0);
    std::size_t start = 0;
    const auto sizes = proportionalSizes(rows.size(), shares);
    for (std::size_t k = 0; k < sizes.size(); ++k) {
      p.rows[k].insert(p.rows[k].end(), rows.begin() + static_cast<std::ptrdiff_t>(start),
                       rows.begin() + static_cast<std::ptrdiff_t>(start + sizes[k]));
      start += sizes[k];
    }
  }
  return p;
}

Partition quantitySkew(std::size_t n, int parts, double sigma, Rng& rng) {
  requireWorkers(parts);
  if (!(sigma >= 0.0)) throw Error("the quantity skew's sigma must be >= 0");
  const auto count = static_cast<std::size_t>(parts);
  std::vector<double> weights(count);
  for (auto& w : weights) w = std::exp(sigma * rng.normal());
  // One row each first, the rest in proportion: no client is left without data.
  const std::size_t floor = n >= count ? 1 : 0;
  auto sizes = proportionalSizes(n - floor * count, weights);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  rng.shuffle(std::span<std::size_t>(order));
  Partition p;
  std::size_t start = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t size = sizes[k] + floor;
    p.rows.emplace_back(order.begin() + static_cast<std::ptrdiff_t>(start),
                        order.begin() + static_cast<std::ptrdiff_t>(start + size));
    start += size;
  }
  return p;
}

Partition labelShards(std::span<const int> labels, int workers, int shardsPerWorker, Rng& rng) {
  requireWorkers(workers);
  if (shardsPerWorker < 1) throw Error("shards per worker must be >= 1");
  std::vector<std::size_t> order(labels.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return labels[a] < labels[b]; });
  const auto shardCount =
      static_cast<std::size_t>(workers) * static_cast<std::size_t>(shardsPerWorker);
  const std::vector<double> equal(shardCount, 1.0);
  const auto sizes = proportionalSizes(order.size(), equal);
  std::vector<std::size_t> shardIds(shardCount);
  std::iota(shardIds.begin(), shardIds.end(), std::size_t{0});
  rng.shuffle(std::span<std::size_t>(shardIds));
  std::vector<std::size_t> starts(shardCount + 1, 0);
  for (std::size_t s = 0; s < shardCount; ++s) starts[s + 1] = starts[s] + sizes[s];
  Partition p;
  p.rows.resize(static_cast<std::size_t>(workers));
  for (std::size_t i = 0; i < shardCount; ++i) {
    const std::size_t shard = shardIds[i];
    auto& rows = p.rows[i / static_cast<std::size_t>(shardsPerWorker)];
    rows.insert(rows.end(), order.begin() + static_cast<std::ptrdiff_t>(starts[shard]),
                order.begin() + static_cast<std::ptrdiff_t>(starts[shard + 1]));
  }
  return p;
}

double unusedFraction(const Partition& partition, std::size_t n) {
  if (n == 0) return 0.0;
  std::vector<char> used(n, 0);
  for (const auto& rows : partition.rows) {
    for (std::size_t r : rows) used.at(r) = 1;
  }
  const auto count = static_cast<std::size_t>(std::count(used.begin(), used.end(), 1));
  return 1.0 - static_cast<double>(count) / static_cast<double>(n);
}

std::vector<PartitionStats> partitionStats(const Partition& partition, std::span<const int> labels,
                                           int numClasses) {
  std::vector<PartitionStats> stats;
  std::vector<char> seen(labels.size());
  for (const auto& rows : partition.rows) {
    PartitionStats s;
    s.size = rows.size();
    s.labelCounts.assign(static_cast<std::size_t>(std::max(numClasses, 0)), 0);
    std::fill(seen.begin(), seen.end(), 0);
    for (std::size_t r : rows) {
      if (!seen.at(r)) {
        seen[r] = 1;
        ++s.distinct;
      }
      if (numClasses > 0) ++s.labelCounts.at(static_cast<std::size_t>(labels[r]));
    }
    s.unseenFraction =
        labels.empty() ? 0.0
                       : 1.0 - static_cast<double>(s.distinct) / static_cast<double>(labels.size());
    stats.push_back(std::move(s));
  }
  return stats;
}

}  // namespace distlab::engine
