#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace distlab::engine {

/// The sample-weighted mean of updates (gradients or models): sum_k n_k u_k / sum_k n_k. For
/// gradients of a mean loss this equals the gradient on the union of the workers' batches
/// (the lecture's decomposition of the gradient into per-machine sums).
class WeightedMean {
 public:
  explicit WeightedMean(std::size_t size) : m_sum(size, 0.0f) {}

  /// Adds one worker's update computed on `samples` examples; throws Error on a size mismatch.
  void add(std::span<const float> update, std::uint32_t samples);
  /// Writes the mean; throws Error when nothing (or only zero samples) was added.
  void result(std::span<float> out) const;
  /// add(), result() and reset() in one pass over the arrays: a BSP barrier waits for the last
  /// push's aggregation, and three passes over 940 KB cost it ~0.1 ms (bench/RESULTS.md).
  void addAndTake(std::span<const float> update, std::uint32_t samples, std::span<float> out);
  void reset();
  std::uint64_t samples() const { return m_samples; }
  int contributions() const { return m_contributions; }

 private:
  /// float: the sum of a few dozen weighted updates keeps ~6 significant digits, and halving the
  /// memory traffic matters because a BSP round waits for this pass (bench/RESULTS.md).
  std::vector<float> m_sum;
  std::uint64_t m_samples = 0;
  int m_contributions = 0;
};

/// One slice of the weighted mean of several whole updates: out[j] = sum_k (w_k / total)
/// u_k[begin + j], added in the order given; a lone update comes out exactly. A consumer that applies each
/// slice at once (the parameter server's optimizer step) then never writes or re-reads a whole
/// mean: one pass over the updates and the parameters instead of 2k + 3 (bench/RESULTS.md).
void weightedMeanSlice(std::span<const std::span<const float>> updates,
                       std::span<const float> weights, float total, std::size_t begin,
                       std::span<float> out);

}  // namespace distlab::engine
