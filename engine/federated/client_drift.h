#pragma once
#include <span>
#include <vector>

namespace distlab::engine {

/// How far a round's client updates spread (the lesson's client-drift view): with non-IID data
/// they point in different directions, which FedProx and SCAFFOLD reduce.
struct ClientDrift {
  double meanNorm = 0.0;     ///< mean ||u_k||
  double normSpread = 0.0;   ///< standard deviation of ||u_k||
  double meanCosine = 0.0;   ///< mean cosine of u_k to the sample-weighted mean update
  double minCosine = 0.0;    ///< the least aligned client's
  std::vector<double> cosines;  ///< per client, in the order given
};

/// The drift of updates u_k (client model minus global model) weighted by sample counts n_k.
/// A zero update (or a zero mean) has cosine 0.
ClientDrift clientDrift(std::span<const std::span<const float>> updates,
                        std::span<const double> samples);

}  // namespace distlab::engine
