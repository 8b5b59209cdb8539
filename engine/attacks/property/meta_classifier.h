#pragma once
#include <vector>

#include <Eigen/Dense>

namespace distlab::engine {

/// The property attack's meta-classifier (Melis et al., 2019, use the same): logistic
/// regression on standardized features with an L2 penalty, fitted by L-BFGS.
class MetaClassifier {
 public:
  /// Fits on `features` (one example a row) labelled 0 or 1; l2 weighs the penalty on the
  /// weights (not the bias) against the mean log loss.
  void fit(const Eigen::MatrixXd& features, const std::vector<int>& labels, double l2 = 1e-2);
  /// P(label 1) for one example's features.
  double score(const Eigen::VectorXd& features) const;
  /// The mean log loss and its gradient over (weights, bias) at `theta`: what fit() minimizes,
  /// public for the finite-difference test.
  static double objective(const Eigen::MatrixXd& standardized, const Eigen::VectorXd& labels,
                          double l2, const Eigen::VectorXd& theta, Eigen::VectorXd* gradient);

 private:
  Eigen::VectorXd m_mean, m_scale, m_weights;
  double m_bias = 0.0;
};

}  // namespace distlab::engine
