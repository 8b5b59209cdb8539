#include "aggregate/distillation.h"

#include <algorithm>
#include <cmath>

#include "aggregate/ensemble.h"
#include "core/error.h"
#include "nn/evaluate.h"

namespace distlab::engine {

double distillationLoss(const Matrix& z, const Matrix& softTargets, std::span<const int> labels,
                        double temperature, double lambda, Matrix* gradient) {
  const auto t = static_cast<float>(temperature);
  const auto l = static_cast<float>(lambda);
  const Matrix hard = softmaxColumns(z);
  const Matrix soft = softmaxColumns(z / t);
  const auto batch = static_cast<double>(z.cols());
  double ce = 0.0, kl = 0.0;
  for (Eigen::Index c = 0; c < z.cols(); ++c) {
    const int y = labels[static_cast<std::size_t>(c)];
    ce -= std::log(std::max(1e-30, static_cast<double>(hard(y, c))));
    for (Eigen::Index r = 0; r < z.rows(); ++r) {
      const double q = softTargets(r, c);
      if (q > 0) kl += q * std::log(q / std::max(1e-30, static_cast<double>(soft(r, c))));
    }
  }
  if (gradient) {
    *gradient = l * hard + (1.0f - l) * t * (soft - softTargets);
    for (Eigen::Index c = 0; c < z.cols(); ++c) (*gradient)(labels[static_cast<std::size_t>(c)], c) -= l;
    *gradient /= static_cast<float>(batch);
  }
  return (lambda * ce + (1 - lambda) * temperature * temperature * kl) / batch;
}

double distillEnsemble(Model& teacher, Model& student, std::span<const float> members,
                       const Dataset& data, const DistillOptions& o, Rng& rng) {
  const std::size_t size = student.parameterCount();
  if (teacher.parameterCount() != size || members.empty() || members.size() % size != 0) {
    throw Error("distillation: the members are not whole models of the student's size");
  }
  if (data.size() == 0) throw Error("distillation: no data");
  const std::size_t k = members.size() / size;
  const auto t = static_cast<float>(o.temperature);
  Matrix x, targets, softTargets, gradient;
  std::vector<int> labels;
  std::vector<std::size_t> rows(static_cast<std::size_t>(o.batchSize));
  double loss = 0.0;
  for (int step = 0; step < o.steps; ++step) {
    for (auto& r : rows) r = static_cast<std::size_t>(rng.below(data.size()));
    gatherBatch(data, rows, x, labels, targets);
    softTargets.resize(0, 0);
    for (std::size_t m = 0; m < k; ++m) {
      std::copy_n(members.begin() + static_cast<std::ptrdiff_t>(m * size), size,
                  teacher.parameters().begin());
      const Matrix p = softmaxColumns(teacher.forward(x) / t);
      softTargets = m == 0 ? p : Matrix(softTargets + p);
    }
    softTargets /= static_cast<float>(k);
    loss = distillationLoss(student.forward(x), softTargets, labels, o.temperature, o.lambda,
                            &gradient);
    student.backward(gradient);
    auto params = student.parameters();
    const auto grads = student.gradients();
    const auto lr = static_cast<float>(o.lr);
    for (std::size_t i = 0; i < size; ++i) params[i] -= lr * grads[i];
  }
  return loss;
}

}  // namespace distlab::engine
