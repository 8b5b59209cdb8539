#include "aggregate/ensemble.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"

namespace distlab::engine {

Matrix softmaxColumns(const Matrix& logits) {
  Matrix p(logits.rows(), logits.cols());
  for (Eigen::Index c = 0; c < logits.cols(); ++c) {
    const float top = logits.col(c).maxCoeff();
    p.col(c) = (logits.col(c).array() - top).exp().matrix();
    p.col(c) /= p.col(c).sum();
  }
  return p;
}

Matrix ensembleProbabilities(std::span<Model* const> members, const Matrix& x) {
  if (members.empty()) throw Error("ensemble: no members");
  Matrix sum;
  for (Model* m : members) {
    const Matrix p = softmaxColumns(m->forward(x));
    if (sum.size() == 0) {
      sum = p;
    } else {
      if (p.rows() != sum.rows()) throw Error("ensemble: members have different outputs");
      sum += p;
    }
  }
  return sum / static_cast<float>(members.size());
}

double probabilityCrossEntropy(const Matrix& probabilities, std::span<const int> labels) {
  if (static_cast<Eigen::Index>(labels.size()) != probabilities.cols()) {
    throw Error("cross-entropy: " + std::to_string(labels.size()) + " labels for " +
                std::to_string(probabilities.cols()) + " examples");
  }
  double total = 0.0;
  for (Eigen::Index c = 0; c < probabilities.cols(); ++c) {
    const double p = probabilities(labels[static_cast<std::size_t>(c)], c);
    total -= std::log(std::max(p, 1e-12));
  }
  return total / static_cast<double>(std::max<Eigen::Index>(1, probabilities.cols()));
}

}  // namespace distlab::engine
