#include "nn/loss.h"

#include <cmath>

#include "core/error.h"

namespace distlab::engine {

LossKind lossFromName(const std::string& name) {
  if (name == "cross-entropy") return LossKind::CrossEntropy;
  if (name == "mse") return LossKind::MeanSquaredError;
  throw Error("unknown loss \"" + name + "\"; allowed: cross-entropy, mse");
}

double softmaxCrossEntropy(const Matrix& logits, std::span<const int> labels, Matrix* gradient) {
  const auto classes = logits.rows();
  const auto batch = logits.cols();
  if (static_cast<Eigen::Index>(labels.size()) != batch) {
    throw Error("cross-entropy: " + std::to_string(labels.size()) + " labels for " +
                std::to_string(batch) + " outputs");
  }
  if (gradient) gradient->resize(classes, batch);
  double total = 0.0;
  const float invBatch = 1.0f / static_cast<float>(batch);
  for (Eigen::Index b = 0; b < batch; ++b) {
    const int label = labels[b];
    if (label < 0 || label >= classes) {
      throw Error("cross-entropy: label " + std::to_string(label) + " outside 0.." +
                  std::to_string(classes - 1));
    }
    const auto z = logits.col(b);
    const float zMax = z.maxCoeff();
    const float sumExp = (z.array() - zMax).exp().sum();
    const float logSumExp = zMax + std::log(sumExp);
    total += static_cast<double>(logSumExp - z[label]);
    if (gradient) {
      auto g = gradient->col(b);
      g = ((z.array() - logSumExp).exp() * invBatch).matrix();
      g[label] -= invBatch;
    }
  }
  return total / static_cast<double>(batch);
}

double meanSquaredError(const Matrix& outputs, const Matrix& targets, Matrix* gradient) {
  if (outputs.rows() != targets.rows() || outputs.cols() != targets.cols()) {
    throw Error("mse: outputs are " + std::to_string(outputs.rows()) + "x" +
                std::to_string(outputs.cols()) + " but targets are " +
                std::to_string(targets.rows()) + "x" + std::to_string(targets.cols()));
  }
  const double count = static_cast<double>(outputs.size());
  const Eigen::ArrayXXf diff = outputs.array() - targets.array();
  if (gradient) *gradient = (diff * static_cast<float>(2.0 / count)).matrix();
  return diff.cast<double>().square().sum() / count;
}

double computeLoss(LossKind kind, const Matrix& outputs, const BatchTargets& targets,
                   Matrix* gradient) {
  if (kind == LossKind::CrossEntropy) return softmaxCrossEntropy(outputs, targets.labels, gradient);
  if (targets.targets) return meanSquaredError(outputs, *targets.targets, gradient);
  Matrix oneHot = Matrix::Zero(outputs.rows(), outputs.cols());
  for (Eigen::Index b = 0; b < outputs.cols(); ++b) oneHot(targets.labels[b], b) = 1.0f;
  return meanSquaredError(outputs, oneHot, gradient);
}

void lossHessianProduct(LossKind kind, const Matrix& outputs, const Matrix& rOutputs,
                        Matrix& rGradient) {
  if (kind == LossKind::MeanSquaredError) {
    rGradient = rOutputs * static_cast<float>(2.0 / static_cast<double>(outputs.size()));
    return;
  }
  rGradient.resize(outputs.rows(), outputs.cols());
  const float invBatch = 1.0f / static_cast<float>(outputs.cols());
  for (Eigen::Index b = 0; b < outputs.cols(); ++b) {
    const auto z = outputs.col(b);
    Eigen::ArrayXf p = (z.array() - z.maxCoeff()).exp();
    p /= p.sum();
    const float pDotR = (p * rOutputs.col(b).array()).sum();
    rGradient.col(b) = (p * (rOutputs.col(b).array() - pDotR) * invBatch).matrix();
  }
}

}  // namespace distlab::engine
