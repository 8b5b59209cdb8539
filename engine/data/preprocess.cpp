#include "data/preprocess.h"

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "core/error.h"

namespace distlab::engine {

TrainTest splitTrainTest(const Dataset& all, double testFraction, Rng& rng) {
  if (!(testFraction >= 0.0 && testFraction <= 1.0)) {
    throw Error("splitTrainTest: test fraction must be in [0, 1], got " +
                std::to_string(testFraction));
  }
  const std::size_t n = all.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  rng.shuffle(std::span<std::size_t>(order));
  const auto numTest =
      static_cast<std::size_t>(std::llround(testFraction * static_cast<double>(n)));
  const std::span<const std::size_t> rows(order);
  TrainTest out;
  out.train = all.select(rows.first(n - numTest));
  out.test = all.select(rows.subspan(n - numTest));
  return out;
}

void standardize(TrainTest& data) {
  const FeatureRows& train = data.train.x;
  const Eigen::Index rows = train.rows();
  const Eigen::Index cols = train.cols();
  if (rows == 0 || cols == 0) return;
  // Two passes in double: one-pass sum-of-squares loses the variance of features with a large mean.
  std::vector<double> mean(static_cast<std::size_t>(cols), 0.0);
  for (Eigen::Index r = 0; r < rows; ++r) {
    const float* row = train.row(r).data();
    for (Eigen::Index c = 0; c < cols; ++c) mean[static_cast<std::size_t>(c)] += row[c];
  }
  for (double& m : mean) m /= static_cast<double>(rows);
  std::vector<double> sumSquares(static_cast<std::size_t>(cols), 0.0);
  for (Eigen::Index r = 0; r < rows; ++r) {
    const float* row = train.row(r).data();
    for (Eigen::Index c = 0; c < cols; ++c) {
      const double d = row[c] - mean[static_cast<std::size_t>(c)];
      sumSquares[static_cast<std::size_t>(c)] += d * d;
    }
  }
  Eigen::RowVectorXf shift(cols);
  Eigen::RowVectorXf scale(cols);
  for (Eigen::Index c = 0; c < cols; ++c) {
    const auto k = static_cast<std::size_t>(c);
    const double stddev = std::sqrt(sumSquares[k] / static_cast<double>(rows));
    shift(c) = static_cast<float>(mean[k]);
    scale(c) = stddev > 0.0 ? static_cast<float>(1.0 / stddev) : 1.0f;
  }
  for (FeatureRows* x : {&data.train.x, &data.test.x}) {
    if (x->cols() != cols) {
      throw Error("standardize: the test set has " + std::to_string(x->cols()) +
                  " features, the training set " + std::to_string(cols));
    }
    auto view = x->mutableView();
    view.array().rowwise() -= shift.array();
    view.array().rowwise() *= scale.array();
  }
}

}  // namespace distlab::engine
