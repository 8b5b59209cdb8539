// Norm clipping (as in Sun et al. 2019, "Can you really backdoor federated learning?"): each
// push is scaled down to norm tau when longer, then all are averaged; a boosted update loses
// its boost.
#include <algorithm>

#include "aggregate/robust/clipping.h"
#include "aggregate/robust/robust_aggregator.h"
#include "aggregate/robust/robust_math.h"

namespace distlab::engine {
namespace {

class NormClipRule final : public RobustAggregator {
 public:
  std::string_view name() const override { return "norm-clip"; }
  void combine(std::span<const std::span<const float>> pushes, std::span<const float>,
               const RobustSettings& settings, RobustMemory&, std::span<float> out,
               RobustRound& round) const override {
    const std::size_t n = pushes.size();
    std::vector<double> norms(n);
    for (std::size_t i = 0; i < n; ++i) norms[i] = l2Norm(pushes[i]);
    const double tau = clipBound(settings.clipNorm, norms);
    round.fates.assign(n, PushFate::Kept);
    round.scores.assign(n, 1.0);
    std::fill(out.begin(), out.end(), 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
      const double scale = norms[i] > tau ? tau / norms[i] : 1.0;
      if (scale < 1.0) round.fates[i] = PushFate::Clipped;
      round.scores[i] = scale;
      const auto s = static_cast<float>(scale / static_cast<double>(n));
      const float* p = pushes[i].data();
      for (std::size_t k = 0; k < out.size(); ++k) out[k] += s * p[k];
    }
  }
};

}  // namespace

std::unique_ptr<RobustAggregator> makeNormClipRule() { return std::make_unique<NormClipRule>(); }

}  // namespace distlab::engine
