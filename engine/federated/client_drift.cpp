#include "federated/client_drift.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"

namespace distlab::engine {

ClientDrift clientDrift(std::span<const std::span<const float>> updates,
                        std::span<const double> samples) {
  ClientDrift d;
  if (updates.empty()) return d;
  if (samples.size() != updates.size()) throw Error("client drift: one sample count per update");
  const std::size_t n = updates.front().size();
  double total = 0.0;
  for (double s : samples) total += s;
  if (!(total > 0.0)) throw Error("client drift: the clients trained on no samples");
  std::vector<double> mean(n, 0.0);
  for (std::size_t k = 0; k < updates.size(); ++k) {
    if (updates[k].size() != n) throw Error("client drift: updates of different sizes");
    for (std::size_t i = 0; i < n; ++i) mean[i] += samples[k] / total * updates[k][i];
  }
  double meanNorm2 = 0.0;
  for (double v : mean) meanNorm2 += v * v;
  std::vector<double> norms;
  for (const auto& u : updates) {
    double dot = 0.0, norm2 = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      dot += u[i] * mean[i];
      norm2 += static_cast<double>(u[i]) * u[i];
    }
    norms.push_back(std::sqrt(norm2));
    const double scale = std::sqrt(norm2 * meanNorm2);
    d.cosines.push_back(scale > 0.0 ? dot / scale : 0.0);
  }
  const auto count = static_cast<double>(updates.size());
  for (double v : norms) d.meanNorm += v / count;
  for (double v : norms) d.normSpread += (v - d.meanNorm) * (v - d.meanNorm) / count;
  d.normSpread = std::sqrt(d.normSpread);
  for (double c : d.cosines) d.meanCosine += c / count;
  d.minCosine = *std::min_element(d.cosines.begin(), d.cosines.end());
  return d;
}

}  // namespace distlab::engine
