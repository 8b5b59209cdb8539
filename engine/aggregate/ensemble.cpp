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

ModelScore evaluateEnsemble(Model& scratch, std::span<const float> members, const Dataset& data,
                            int batchSize) {
  const std::size_t size = scratch.parameterCount();
  if (size == 0 || members.size() % size != 0 || members.empty()) {
    throw Error("ensemble: " + std::to_string(members.size()) +
                " parameters are not whole models of " + std::to_string(size));
  }
  const std::size_t k = members.size() / size;
  ModelScore result;
  Matrix x, targets;
  std::vector<int> labels;
  std::vector<std::size_t> rows;
  double lossSum = 0.0;
  std::size_t correct = 0;
  for (std::size_t begin = 0; begin < data.size(); begin += static_cast<std::size_t>(batchSize)) {
    const std::size_t end = std::min(data.size(), begin + static_cast<std::size_t>(batchSize));
    rows.resize(end - begin);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = begin + i;
    gatherBatch(data, rows, x, labels, targets);
    Matrix mean;
    for (std::size_t m = 0; m < k; ++m) {
      std::copy_n(members.begin() + static_cast<std::ptrdiff_t>(m * size), size,
                  scratch.parameters().begin());
      const Matrix p = softmaxColumns(scratch.forward(x));
      mean = m == 0 ? p : Matrix(mean + p);
    }
    mean /= static_cast<float>(k);
    lossSum += probabilityCrossEntropy(mean, labels) * static_cast<double>(rows.size());
    for (Eigen::Index c = 0; c < mean.cols(); ++c) {
      Eigen::Index best = 0;
      mean.col(c).maxCoeff(&best);
      correct += best == labels[static_cast<std::size_t>(c)];
    }
  }
  result.examples = data.size();
  result.loss = lossSum / static_cast<double>(std::max<std::size_t>(1, data.size()));
  result.accuracy = static_cast<double>(correct) / static_cast<double>(std::max<std::size_t>(1, data.size()));
  return result;
}

}  // namespace distlab::engine
