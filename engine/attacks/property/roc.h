#pragma once
#include <span>
#include <vector>

namespace distlab::engine {

/// One point of a ROC curve: the share of negatives and of positives scored at or above a
/// threshold.
struct RocPoint {
  double falsePositiveRate = 0.0;
  double truePositiveRate = 0.0;
};

/// The area under the ROC curve: the chance that a random positive scores above a random
/// negative, ties counting one half (the Mann-Whitney U statistic over positives x negatives).
/// NaN when either class is absent.
double areaUnderRoc(std::span<const double> scores, std::span<const int> truth);

/// The ROC curve from (0, 0) to (1, 1), one point per distinct score.
std::vector<RocPoint> rocCurve(std::span<const double> scores, std::span<const int> truth);

}  // namespace distlab::engine
