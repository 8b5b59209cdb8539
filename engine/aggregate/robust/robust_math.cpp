#include "aggregate/robust/robust_math.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>

#include <Eigen/Core>

namespace distlab::engine {

std::vector<double> pairwiseSquaredDistances(PushViews pushes) {
  const std::size_t n = pushes.size();
  std::vector<double> d(n * n, 0.0);
  if (n == 0) return d;
  const std::size_t size = pushes.front().size();
  // Every pair, a block of coordinates at a time: the block of all n pushes stays in the cache
  // (50 x 2 KB) instead of each pair reading two whole pushes from memory.
  constexpr std::size_t kCoordinates = 512;
  for (std::size_t k0 = 0; k0 < size; k0 += kCoordinates) {
    const std::size_t k1 = std::min(size, k0 + kCoordinates);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i + 1; j < n; ++j) {
        // Differences, not |a|^2 + |b|^2 - 2ab: close pushes (the honest ones) would cancel.
        // Eigen's packet sums over the block (vector code), added in double once a block.
        const auto len = static_cast<Eigen::Index>(k1 - k0);
        const Eigen::Map<const Eigen::ArrayXf> a(pushes[i].data() + k0, len);
        const Eigen::Map<const Eigen::ArrayXf> b(pushes[j].data() + k0, len);
        const double sum = (a - b).square().sum();
        d[i * n + j] += sum;
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) d[j * n + i] = d[i * n + j];
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

namespace {

constexpr std::size_t kBlock = 64;  // coordinates sorted together: 64 x n floats stay in L1

// Sorts every column of a block (n rows of kBlock coordinates) at once with odd-even
// transposition: n rounds of compare-exchanges between neighbouring rows, each a min and a max
// over whole rows, which the compiler turns into vector instructions. No branch depends on the
// data, which is what made a sort per coordinate slow (bench/RESULTS.md, "Lesson 8").
void sortColumns(std::vector<float>& block, std::size_t n) {
  for (std::size_t round = 0; round < n; ++round) {
    for (std::size_t i = round % 2; i + 1 < n; i += 2) {
      float* a = block.data() + i * kBlock;
      float* b = a + kBlock;
      for (std::size_t j = 0; j < kBlock; ++j) {
        const float x = a[j], y = b[j];
        a[j] = x < y ? x : y;
        b[j] = x < y ? y : x;
      }
    }
  }
}

}  // namespace

void coordinateMiddleMean(PushViews pushes, std::span<const std::size_t> chosen, std::size_t keep,
                          MiddleWindow window, std::span<float> out,
                          std::vector<std::size_t>& trimmed) {
  const std::size_t c = chosen.size();
  trimmed.assign(c, 0);
  std::vector<const float*> rows(c);
  for (std::size_t i = 0; i < c; ++i) rows[i] = pushes[chosen[i]].data();
  std::vector<float> block(c * kBlock);
  std::array<std::size_t, kBlock> lo{}, hi{};
  std::array<float, kBlock> low{}, high{};
  std::array<std::uint32_t, kBlock> below{}, above{};
  std::vector<unsigned char> leftOut(c);
  for (std::size_t k0 = 0; k0 < out.size(); k0 += kBlock) {
    const std::size_t width = std::min(kBlock, out.size() - k0);
    for (std::size_t i = 0; i < c; ++i) {
      std::copy_n(rows[i] + k0, width, block.begin() + static_cast<std::ptrdiff_t>(i * kBlock));
      // A short last block: pad with copies, which sort to wherever and are never read.
      std::fill(block.begin() + static_cast<std::ptrdiff_t>(i * kBlock + width),
                block.begin() + static_cast<std::ptrdiff_t>((i + 1) * kBlock), rows[i][k0]);
    }
    sortColumns(block, c);
    const auto at = [&](std::size_t i, std::size_t j) { return block[i * kBlock + j]; };
    for (std::size_t j = 0; j < width; ++j) {
      lo[j] = (c - keep) / 2;
      hi[j] = lo[j] + keep;  // [lo, hi)
      if (window == MiddleWindow::NearestToMedian) {
        // Slide the centred window toward the side whose outer value lies nearer the median.
        const double median =
            c % 2 ? at(c / 2, j) : 0.5 * (static_cast<double>(at(c / 2 - 1, j)) + at(c / 2, j));
        while (lo[j] > 0 && median - at(lo[j] - 1, j) < at(hi[j] - 1, j) - median) {
          --lo[j];
          --hi[j];
        }
        while (hi[j] < c && at(hi[j], j) - median < median - at(lo[j], j)) {
          ++lo[j];
          ++hi[j];
        }
      }
      double sum = 0.0;
      for (std::size_t i = lo[j]; i < hi[j]; ++i) sum += at(i, j);
      out[k0 + j] = static_cast<float>(sum / static_cast<double>(keep));
      low[j] = at(lo[j], j);
      high[j] = at(hi[j] - 1, j);
      below[j] = above[j] = 0;
    }
    // Who was left out: the values beyond the window's ends.
    for (std::size_t i = 0; i < c; ++i) {
      const float* v = rows[i] + k0;
      std::size_t count = 0;
      for (std::size_t j = 0; j < width; ++j) {
        const bool under = v[j]<low[j], over = v[j]> high[j];
        below[j] += under;
        above[j] += over;
        count += under || over;
      }
      trimmed[i] += count;
    }
    // Where values equal to an end of the window were left out too (ties), as many of them as
    // the window left out there: the first ones at the low end and the last ones at the high end
    // in the pushes' order, as a sort by (value, position) would.
    for (std::size_t j = 0; j < width; ++j) {
      std::size_t lowTies = lo[j] - below[j], highTies = (c - hi[j]) - above[j];
      if (lowTies == 0 && highTies == 0) continue;
      for (std::size_t i = 0; i < c; ++i) {
        const float v = rows[i][k0 + j];
        leftOut[i] = v < low[j] || v > high[j];
        if (!leftOut[i] && v == low[j] && lowTies > 0) {
          --lowTies;
          leftOut[i] = 2;  // newly left out
        }
      }
      for (std::size_t i = c; i-- > 0 && highTies > 0;) {
        if (!leftOut[i] && rows[i][k0 + j] == high[j]) {
          --highTies;
          leftOut[i] = 2;
        }
      }
      for (std::size_t i = 0; i < c; ++i) trimmed[i] += leftOut[i] == 2;
    }
  }
}

namespace {

// Eigen's vector sums over blocks of 4,096 floats, added in double: fast, and the float part of
// each sum is short enough to keep its digits.
template <class Block>
double blockedSum(std::size_t size, Block block) {
  double sum = 0.0;
  for (std::size_t k0 = 0; k0 < size; k0 += 4096) {
    sum += block(static_cast<Eigen::Index>(k0),
                 static_cast<Eigen::Index>(std::min<std::size_t>(4096, size - k0)));
  }
  return sum;
}

using ConstArray = Eigen::Map<const Eigen::ArrayXf>;

}  // namespace

double l2Norm(std::span<const float> v) {
  return std::sqrt(blockedSum(v.size(), [&](Eigen::Index k, Eigen::Index n) {
    return ConstArray(v.data() + k, n).square().sum();
  }));
}

double dot(std::span<const float> a, std::span<const float> b) {
  return blockedSum(a.size(), [&](Eigen::Index k, Eigen::Index n) {
    return (ConstArray(a.data() + k, n) * ConstArray(b.data() + k, n)).sum();
  });
}

double distance(std::span<const float> a, std::span<const float> b) {
  return std::sqrt(blockedSum(a.size(), [&](Eigen::Index k, Eigen::Index n) {
    return (ConstArray(a.data() + k, n) - ConstArray(b.data() + k, n)).square().sum();
  }));
}

void measureAgainst(PushViews updates, std::span<const float> aggregate, std::vector<double>& norms,
                    std::vector<double>& cosines) {
  const double aggregateNorm = l2Norm(aggregate);
  norms.clear();
  cosines.clear();
  for (const auto& u : updates) {
    const double norm = l2Norm(u), denominator = norm * aggregateNorm;
    norms.push_back(norm);
    cosines.push_back(denominator > 0 ? dot(u, aggregate) / denominator : 0.0);
  }
}

}  // namespace distlab::engine
