// The property attack's meta-classifier: its objective's gradient by finite differences, and a
// fit that separates what is separable.
#include <gtest/gtest.h>

#include "attacks/property/meta_classifier.h"
#include "core/rng.h"

namespace distlab::engine {
namespace {

TEST(MetaClassifierTest, ObjectiveGradientMatchesFiniteDifferences) {
  Rng rng(4);
  Eigen::MatrixXd x(30, 5);
  Eigen::VectorXd y(30), theta(6);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal(0, 1);
  for (Eigen::Index i = 0; i < y.size(); ++i) y(i) = rng.below(2);
  for (Eigen::Index i = 0; i < theta.size(); ++i) theta(i) = rng.normal(0, 2);
  Eigen::VectorXd gradient;
  MetaClassifier::objective(x, y, 0.3, theta, &gradient);
  const double h = 1e-6;
  for (Eigen::Index i = 0; i < theta.size(); ++i) {
    Eigen::VectorXd up = theta, down = theta;
    up(i) += h;
    down(i) -= h;
    const double numeric = (MetaClassifier::objective(x, y, 0.3, up, nullptr) -
                            MetaClassifier::objective(x, y, 0.3, down, nullptr)) /
                           (2 * h);
    EXPECT_NEAR(gradient(i), numeric, 1e-7) << i;
  }
}

// Labels set by the sign of one feature whose scale is a thousandth of the others':
// standardization must find it, and new examples are scored by it.
TEST(MetaClassifierTest, SeparatesByASmallFeatureAndScoresNewExamples) {
  Rng rng(5);
  auto example = [&](int label) {
    Eigen::VectorXd f(4);
    f << rng.normal(0, 100), rng.normal(0, 100), (label ? 1e-3 : -1e-3) + rng.normal(0, 2e-4),
        rng.normal(0, 100);
    return f;
  };
  Eigen::MatrixXd x(200, 4);
  std::vector<int> labels;
  for (int i = 0; i < 200; ++i) {
    labels.push_back(i % 2);
    x.row(i) = example(i % 2).transpose();
  }
  MetaClassifier meta;
  meta.fit(x, labels);
  int right = 0;
  for (int i = 0; i < 100; ++i) right += (meta.score(example(i % 2)) >= 0.5) == (i % 2 == 1);
  EXPECT_GE(right, 97);
}

}  // namespace
}  // namespace distlab::engine
