#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/rng.h"

namespace distlab::engine {

/// Which training rows each worker trains on: rows[k] lists worker k's row indices (a row may
/// repeat within a worker when sampling with replacement).
struct Partition {
  std::vector<std::vector<std::size_t>> rows;
};

/// What the lecture's data-partitioning section asks to see per worker.
struct PartitionStats {
  std::size_t size = 0;                  ///< rows assigned, repeats counted
  std::size_t distinct = 0;              ///< distinct rows
  std::vector<std::size_t> labelCounts;  ///< per class, repeats counted
  double unseenFraction = 0.0;           ///< share of the training set this worker never sees
};

/// Random sampling with replacement: `draws` rows in all, split across workers in proportion to
/// their capacities (a faster worker gets more), each drawn uniformly from all n rows.
Partition sampleWithReplacement(std::size_t n, std::span<const double> capacities,
                                std::size_t draws, Rng& rng);

/// Shuffle-and-split: a random permutation cut into near-equal contiguous parts, so every row
/// goes to exactly one worker. The shuffle for epoch e uses Rng::stream(seed, Partition, e / R),
/// which reshuffles every R epochs.
Partition shuffleSplit(std::size_t n, int workers, std::uint64_t seed, int epoch,
                       int reshuffleEvery);

/// Non-IID label skew for federated learning (Hsu et al., 2019): for every class, the shares of
/// its rows per worker are drawn from Dirichlet(alpha, ..., alpha). Small alpha gives each worker
/// few classes; large alpha approaches an IID split. Every row goes to exactly one worker.
Partition dirichletLabelSkew(std::span<const int> labels, int numClasses, int workers, double alpha,
                             Rng& rng);

/// Pathological non-IID split (McMahan et al., 2017): rows sorted by label, cut into
/// workers * shardsPerWorker shards, and each worker gets shardsPerWorker random shards.
Partition labelShards(std::span<const int> labels, int workers, int shardsPerWorker, Rng& rng);

/// Quantity skew for federated learning: part k's size is proportional to exp(sigma z_k), z_k
/// standard normal (log-normal client sizes, as in LEAF and FedLab); sigma = 0 gives equal
/// parts. Every row goes to exactly one part, at random, and each part gets at least one row
/// when there are as many rows as parts.
Partition quantitySkew(std::size_t n, int parts, double sigma, Rng& rng);

/// Share of the n training rows that no worker gets (about 1/e for draws = n with replacement).
double unusedFraction(const Partition& partition, std::size_t n);

std::vector<PartitionStats> partitionStats(const Partition& partition, std::span<const int> labels,
                                           int numClasses);

}  // namespace distlab::engine
