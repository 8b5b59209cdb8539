// Random-k sparsification: a share cluster.compress_ratio of the values, chosen at random, sent
// scaled by n / k so that the decoded update is the update on average (unbiased). The indices
// do not travel: the payload carries the seed they were drawn from.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>

#include "encoders/bit_packing.h"
#include "encoders/update_encoder.h"

namespace distlab::engine {
namespace {

// k distinct indices below n, rising (Floyd's algorithm: k draws, whatever n is).
std::vector<std::uint32_t> chosenIndices(std::uint64_t seed, std::size_t k, std::size_t n) {
  Rng rng(seed);
  std::unordered_set<std::uint64_t> chosen;
  chosen.reserve(k * 2);
  for (std::size_t j = n - k; j < n; ++j) {
    const std::uint64_t t = rng.below(j + 1);
    chosen.insert(chosen.count(t) ? j : t);
  }
  std::vector<std::uint32_t> out(chosen.begin(), chosen.end());
  std::sort(out.begin(), out.end());
  return out;
}

class RandK final : public UpdateEncoder {
 public:
  std::string_view name() const override { return "randk"; }
  std::uint8_t wireId() const override { return 4; }
  bool isUnbiased() const override { return true; }
  void encode(std::span<const float> values, std::vector<std::uint8_t>& out,
              const EncoderSettings& settings, Rng& rng) const override {
    const std::size_t n = values.size();
    const auto k = static_cast<std::uint32_t>(std::min<std::size_t>(
        n, std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(settings.ratio * n)))));
    const std::uint64_t seed = rng.below(~std::uint64_t{0});
    const float scale = static_cast<float>(n) / static_cast<float>(k);
    appendCount(n, out);
    const std::size_t at = out.size();
    out.resize(at + 12 + 4ull * k);
    std::memcpy(out.data() + at, &seed, 8);
    std::memcpy(out.data() + at + 8, &k, 4);
    const auto indices = chosenIndices(seed, k, n);
    for (std::size_t j = 0; j < k; ++j) {
      const float v = std::isfinite(values[indices[j]]) ? values[indices[j]] * scale : 0.0f;
      std::memcpy(out.data() + at + 12 + 4 * j, &v, 4);
    }
  }
  bool decode(std::span<const std::uint8_t> payload, std::span<float> values) const override {
    std::size_t at = 0;
    if (!readCount(payload, at, values.size())) return false;
    payload = payload.subspan(at);
    if (payload.size() < 12) return false;
    std::uint64_t seed = 0;
    std::uint32_t k = 0;
    std::memcpy(&seed, payload.data(), 8);
    std::memcpy(&k, payload.data() + 8, 4);
    if (k == 0 || k > values.size() || payload.size() != 12 + 4ull * k) return false;
    std::fill(values.begin(), values.end(), 0.0f);
    const auto indices = chosenIndices(seed, k, values.size());
    for (std::size_t j = 0; j < k; ++j) {
      float v = 0;
      std::memcpy(&v, payload.data() + 12 + 4 * j, 4);
      if (!std::isfinite(v)) return false;
      values[indices[j]] = v;
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<UpdateEncoder> makeRandKEncoder() { return std::make_unique<RandK>(); }

}  // namespace distlab::engine
