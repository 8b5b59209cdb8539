#include "aggregate/robust/robust_math.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace distlab::engine {

std::vector<double> pairwiseSquaredDistances(PushViews pushes) {
  const std::size_t n = pushes.size();
  std::vector<double> d(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      // Differences, not |a|^2 + |b|^2 - 2ab: close pushes (the honest ones) would cancel.
      const float* a = pushes[i].data();
      const float* b = pushes[j].data();
      double sum = 0.0;
      constexpr std::size_t kBlock = 1024;  // float sums of short blocks, added in double
      for (std::size_t k0 = 0; k0 < pushes[i].size(); k0 += kBlock) {
        const std::size_t k1 = std::min(pushes[i].size(), k0 + kBlock);
        float block = 0.0f;
        for (std::size_t k = k0; k < k1; ++k) {
          const float diff = a[k] - b[k];
          block += diff * diff;
        }
        sum += block;
      }
      d[i * n + j] = d[j * n + i] = sum;
    }
  }
  return d;
}

std::vector<double> krumScores(std::span<const double> distances, std::size_t n,
                               std::span<const std::size_t> members, int f) {
  const std::ptrdiff_t m = static_cast<std::ptrdiff_t>(members.size());
  const std::ptrdiff_t nearest = std::max<std::ptrdiff_t>(m - f - 2, 1);
  std::vector<double> scores(members.size(), 0.0);
  std::vector<double> row;
  for (std::size_t a = 0; a < members.size(); ++a) {
    row.clear();
    for (std::size_t b = 0; b < members.size(); ++b) {
      if (a != b) row.push_back(distances[members[a] * n + members[b]]);
    }
    const auto k = std::min<std::ptrdiff_t>(nearest, static_cast<std::ptrdiff_t>(row.size()));
    std::partial_sort(row.begin(), row.begin() + k, row.end());
    scores[a] = std::accumulate(row.begin(), row.begin() + k, 0.0);
  }
  return scores;
}

void meanOf(PushViews pushes, std::span<const std::size_t> chosen, std::span<float> out) {
  std::fill(out.begin(), out.end(), 0.0f);
  for (const std::size_t i : chosen) {
    const float* p = pushes[i].data();
    for (std::size_t k = 0; k < out.size(); ++k) out[k] += p[k];
  }
  const float inv = 1.0f / static_cast<float>(chosen.size());
  for (float& v : out) v *= inv;
}

void coordinateMiddleMean(PushViews pushes, std::span<const std::size_t> chosen, std::size_t keep,
                          MiddleWindow window, std::span<float> out,
                          std::vector<std::size_t>& trimmed) {
  const std::size_t c = chosen.size();
  trimmed.assign(c, 0);
  struct Value {
    float v;
    std::size_t who;
  };
  std::vector<Value> column(c);
  for (std::size_t k = 0; k < out.size(); ++k) {
    for (std::size_t i = 0; i < c; ++i) column[i] = {pushes[chosen[i]][k], i};
    // Ties broken by position: the same inputs give the same verdicts.
    std::sort(column.begin(), column.end(), [](const Value& a, const Value& b) {
      return a.v < b.v || (a.v == b.v && a.who < b.who);
    });
    std::size_t lo = (c - keep) / 2, hi = lo + keep;  // [lo, hi)
    if (window == MiddleWindow::NearestToMedian) {
      // Slide the centred window toward the side whose outer value lies nearer the median.
      const double median =
          c % 2 ? column[c / 2].v
                : 0.5 * (static_cast<double>(column[c / 2 - 1].v) + column[c / 2].v);
      while (lo > 0 && median - column[lo - 1].v < column[hi - 1].v - median) {
        --lo;
        --hi;
      }
      while (hi < c && column[hi].v - median < median - column[lo].v) {
        ++lo;
        ++hi;
      }
    }
    double sum = 0.0;
    for (std::size_t i = lo; i < hi; ++i) sum += column[i].v;
    out[k] = static_cast<float>(sum / static_cast<double>(keep));
    for (std::size_t i = 0; i < lo; ++i) ++trimmed[column[i].who];
    for (std::size_t i = hi; i < c; ++i) ++trimmed[column[i].who];
  }
}

double l2Norm(std::span<const float> v) {
  double sum = 0.0;
  for (const float x : v) sum += static_cast<double>(x) * x;
  return std::sqrt(sum);
}

}  // namespace distlab::engine
