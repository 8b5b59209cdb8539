#include "attacks/property/meta_classifier.h"

#include <cmath>

#include "attacks/lbfgs.h"
#include "core/error.h"

namespace distlab::engine {
namespace {

// log(1 + e^z) without overflow.
double softplus(double z) { return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }
double sigmoid(double z) { return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z)); }

}  // namespace

double MetaClassifier::objective(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, double l2,
                                 const Eigen::VectorXd& theta, Eigen::VectorXd* gradient) {
  const Eigen::Index d = x.cols();
  const auto n = static_cast<double>(x.rows());
  const Eigen::VectorXd z = (x * theta.head(d)).array() + theta(d);
  double loss = 0.0;
  Eigen::VectorXd residual(z.size());
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    // -[y log s(z) + (1-y) log(1 - s(z))] = softplus(z) - y z
    loss += softplus(z(i)) - y(i) * z(i);
    residual(i) = sigmoid(z(i)) - y(i);
  }
  loss = loss / n + 0.5 * l2 * theta.head(d).squaredNorm();
  if (gradient) {
    gradient->resize(d + 1);
    gradient->head(d) = x.transpose() * residual / n + l2 * theta.head(d);
    (*gradient)(d) = residual.sum() / n;
  }
  return loss;
}

void MetaClassifier::fit(const Eigen::MatrixXd& features, const std::vector<int>& labels,
                         double l2) {
  if (features.rows() == 0 || static_cast<std::size_t>(features.rows()) != labels.size()) {
    throw Error("meta-classifier: " + std::to_string(features.rows()) + " examples and " +
                std::to_string(labels.size()) + " labels");
  }
  // Standardized features: gradients' coordinates differ by orders of magnitude.
  m_mean = features.colwise().mean();
  const Eigen::MatrixXd centred = features.rowwise() - m_mean.transpose();
  m_scale = (centred.array().square().colwise().sum() / static_cast<double>(features.rows()))
                .sqrt()
                .transpose();
  for (Eigen::Index j = 0; j < m_scale.size(); ++j) {
    if (!(m_scale(j) > 1e-12)) m_scale(j) = 1.0;  // a constant feature stays zero
  }
  const Eigen::MatrixXd x = centred.array().rowwise() / m_scale.transpose().array();
  Eigen::VectorXd y(static_cast<Eigen::Index>(labels.size()));
  for (std::size_t i = 0; i < labels.size(); ++i) y(static_cast<Eigen::Index>(i)) = labels[i] != 0;
  Eigen::VectorXd theta = Eigen::VectorXd::Zero(x.cols() + 1);
  LbfgsOptions options;
  options.maxIterations = 500;
  options.history = 20;
  options.gradientTolerance = 1e-8;
  minimizeLbfgs([&](const Eigen::VectorXd& t, Eigen::VectorXd* g) { return objective(x, y, l2, t, g); },
                theta, options);
  m_weights = theta.head(x.cols());
  m_bias = theta(x.cols());
}

double MetaClassifier::score(const Eigen::VectorXd& features) const {
  const Eigen::VectorXd x = (features - m_mean).array() / m_scale.array();
  return sigmoid(x.dot(m_weights) + m_bias);
}

}  // namespace distlab::engine
