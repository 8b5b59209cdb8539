#include "attacks/property/roc.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace distlab::engine {
namespace {

// Indices of the scores, highest first.
std::vector<std::size_t> byScoreDescending(std::span<const double> scores) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  return order;
}

}  // namespace

double areaUnderRoc(std::span<const double> scores, std::span<const int> truth) {
  // Average ranks (ties share their mean rank), then U = rank sum of the positives minus its
  // minimum: O(n log n) instead of comparing every pair.
  const std::size_t n = std::min(scores.size(), truth.size());
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
  double positiveRanks = 0.0, positives = 0.0;
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && scores[order[j]] == scores[order[i]]) ++j;
    const double rank = 0.5 * static_cast<double>(i + 1 + j);  // mean of ranks i+1 .. j
    for (std::size_t k = i; k < j; ++k) {
      if (truth[order[k]] != 0) {
        positiveRanks += rank;
        positives += 1.0;
      }
    }
    i = j;
  }
  const double negatives = static_cast<double>(n) - positives;
  if (positives == 0.0 || negatives == 0.0) return NAN;
  return (positiveRanks - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

std::vector<RocPoint> rocCurve(std::span<const double> scores, std::span<const int> truth) {
  const std::size_t n = std::min(scores.size(), truth.size());
  double positives = 0.0;
  for (std::size_t i = 0; i < n; ++i) positives += truth[i] != 0;
  const double negatives = static_cast<double>(n) - positives;
  std::vector<RocPoint> curve{{0.0, 0.0}};
  const auto order = byScoreDescending(scores.first(n));
  double truePositives = 0.0, falsePositives = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    (truth[order[i]] != 0 ? truePositives : falsePositives) += 1.0;
    const bool lastOfTie = i + 1 == n || scores[order[i + 1]] != scores[order[i]];
    if (lastOfTie) {
      curve.push_back({negatives > 0 ? falsePositives / negatives : 0.0,
                       positives > 0 ? truePositives / positives : 0.0});
    }
  }
  return curve;
}

}  // namespace distlab::engine
