#pragma once
#include <cstdint>
#include <span>

namespace distlab::engine {

/// What a random stream is used for; each purpose (and each worker) gets an independent stream,
/// so adding a worker or a new use of randomness never shifts the numbers of another.
enum class RngPurpose : std::uint64_t {
  Init = 1,       ///< parameter initialisation
  Shuffle = 2,    ///< epoch shuffles of the training order
  Data = 3,       ///< synthetic data generation, subset choice, train/test split
  Partition = 4,  ///< splitting data across workers
  Dropout = 5,
  Attack = 6,
  Noise = 7,  ///< DP noise, simulated delays
  Clients = 8,  ///< which federated clients take part in a round
  ClientConditions = 9,  ///< federated clients' speeds, availability and drop-outs
  Encoding = 10,  ///< a stochastic update encoder's choices (randk, qsgd)
};

/// xoshiro256** seeded through splitmix64 (Blackman & Vigna, 2018). Distributions are our own
/// (not <random>'s) so the same seed gives the same numbers with every standard library.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  /// An independent stream for (seed, purpose, index), e.g. index = worker rank.
  static Rng stream(std::uint64_t seed, RngPurpose purpose, std::uint64_t index = 0);

  std::uint64_t next();
  /// Uniform in [0, 1) with 24 random bits (exact in float).
  float uniformFloat();
  /// Uniform in [0, 1) with 53 random bits.
  double uniform();
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  /// Uniform integer in [0, n), unbiased (Lemire's multiply-shift with rejection).
  std::uint64_t below(std::uint64_t n);
  /// Standard normal by the Box-Muller transform (one value per call; the pair's twin is cached).
  double normal();
  double normal(double mean, double stddev) { return mean + stddev * normal(); }
  /// Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 via the Gamma(shape + 1) boost.
  double gamma(double shape);
  /// Fisher-Yates shuffle.
  template <class T>
  void shuffle(std::span<T> items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::size_t j = static_cast<std::size_t>(below(i));
      std::swap(items[i - 1], items[j]);
    }
  }

 private:
  std::uint64_t m_s[4];
  double m_spareNormal = 0.0;
  bool m_hasSpare = false;
};

}  // namespace distlab::engine
