#pragma once
#include <cstddef>
#include <span>
#include <vector>

namespace distlab::engine {

// The arithmetic the robust rules share (robust_aggregator.h), on pushes given as views.

using PushViews = std::span<const std::span<const float>>;

/// ||a - b||^2 of every pair, n x n row-major (the diagonal 0), accumulated in double.
std::vector<double> pairwiseSquaredDistances(PushViews pushes);

/// Krum's score of each push among `members` (indices into the distance matrix of n pushes):
/// the sum of its squared distances to its members.size() - f - 2 nearest other members
/// (Blanchard et al. 2017). Scores of non-members are left out; returned in members' order.
std::vector<double> krumScores(std::span<const double> distances, std::size_t n,
                               std::span<const std::size_t> members, int f);

/// The unweighted mean of the chosen pushes.
void meanOf(PushViews pushes, std::span<const std::size_t> chosen, std::span<float> out);

/// How coordinateMiddleMean picks a coordinate's `keep` values.
enum class MiddleWindow {
  Centred,          ///< the middle of the sorted values: a symmetric trimmed mean, the median
  NearestToMedian,  ///< the values closest to the median (Bulyan, El Mhamdi et al. 2018)
};

/// Coordinate-wise: in every coordinate, `keep` of the chosen pushes' values are averaged
/// (keep = count - 2 cut centred is the trimmed mean of Yin et al. 2018; 1 or 2 centred is the
/// median). `trimmed[i]` counts the coordinates where chosen push i did not count.
void coordinateMiddleMean(PushViews pushes, std::span<const std::size_t> chosen, std::size_t keep,
                          MiddleWindow window, std::span<float> out,
                          std::vector<std::size_t>& trimmed);

/// ||v||, a.b and ||a - b||, summed in double over float blocks.
double l2Norm(std::span<const float> v);
double dot(std::span<const float> a, std::span<const float> b);
double distance(std::span<const float> a, std::span<const float> b);

/// Each update's L2 norm and cosine to the aggregate (0 when either is 0): how a judged push
/// looked beside the round's outcome (lesson 8's verdicts).
void measureAgainst(PushViews updates, std::span<const float> aggregate,
                    std::vector<double>& norms, std::vector<double>& cosines);

}  // namespace distlab::engine
