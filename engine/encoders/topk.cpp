// Top-k sparsification: only the share cluster.compress_ratio of the values largest in magnitude
// travel, as (index, value) pairs: the model's count, k, the indices as gaps (LEB128: a byte for a gap
// below 128), then the floats. Biased: what is left out is lost unless error feedback keeps it.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

#include "encoders/bit_packing.h"
#include "encoders/update_encoder.h"

namespace distlab::engine {
namespace {

class TopK final : public UpdateEncoder {
 public:
  std::string_view name() const override { return "topk"; }
  std::uint8_t wireId() const override { return 3; }
  void encode(std::span<const float> values, std::vector<std::uint8_t>& out,
              const EncoderSettings& settings, Rng&) const override {
    const std::size_t n = values.size();
    const auto k = std::min<std::size_t>(
        n, std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(settings.ratio * n))));
    // The k-th largest magnitude, from a copy (non-finite values rank lowest and travel as 0 if
    // chosen at all); then one pass keeps, in index order, everything above it and as many of
    // its ties as fill k.
    // Kept between pushes: a fresh megabyte each time costs more in page faults than the
    // selection itself (a worker is one thread; the server never encodes).
    thread_local std::vector<float> magnitude, ranked;
    magnitude.resize(n);
    ranked.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const float a = std::abs(values[i]);
      magnitude[i] = a <= std::numeric_limits<float>::max() ? a : -1.0f;
    }
    std::copy(magnitude.begin(), magnitude.end(), ranked.begin());
    std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(k - 1),
                     ranked.end(), std::greater<>());
    const float threshold = ranked[k - 1];
    std::size_t above = 0;
    for (const float m : magnitude) above += m > threshold;
    std::size_t ties = k - above;
    std::vector<std::uint32_t> order;
    order.reserve(k);
    for (std::size_t i = 0; i < n; ++i) {
      if (magnitude[i] > threshold || (magnitude[i] == threshold && ties > 0 && ties--)) {
        order.push_back(static_cast<std::uint32_t>(i));
      }
    }
    appendCount(n, out);
    appendVarint(static_cast<std::uint32_t>(k), out);
    std::uint32_t next = 0;  // the gap is counted from the slot after the previous index
    for (const std::uint32_t i : order) {
      appendVarint(i - next, out);
      next = i + 1;
    }
    const std::size_t at = out.size();
    out.resize(at + 4 * k);
    for (std::size_t j = 0; j < k; ++j) {
      const float v = std::isfinite(values[order[j]]) ? values[order[j]] : 0.0f;
      std::memcpy(out.data() + at + 4 * j, &v, 4);
    }
  }
  bool decode(std::span<const std::uint8_t> payload, std::span<float> values) const override {
    std::size_t at = 0;
    std::uint32_t k = 0;
    if (!readCount(payload, at, values.size())) return false;
    if (!readVarint(payload, at, k) || k > values.size()) return false;
    std::vector<std::uint32_t> indices(k);
    std::uint64_t next = 0;
    for (auto& index : indices) {
      std::uint32_t gap = 0;
      if (!readVarint(payload, at, gap)) return false;
      next += gap;
      if (next >= values.size()) return false;  // past the model, or not rising
      index = static_cast<std::uint32_t>(next++);
    }
    if (payload.size() - at != 4ull * k) return false;
    std::fill(values.begin(), values.end(), 0.0f);
    for (std::size_t j = 0; j < k; ++j) {
      float v = 0;
      std::memcpy(&v, payload.data() + at + 4 * j, 4);
      if (!std::isfinite(v)) return false;
      values[indices[j]] = v;
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<UpdateEncoder> makeTopKEncoder() { return std::make_unique<TopK>(); }

}  // namespace distlab::engine
