#include "nn/evaluate.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace distlab::engine {

void gatherBatch(const Dataset& data, std::span<const std::size_t> rows, Matrix& x,
                 std::vector<int>& labels, Matrix& targets) {
  const auto features = data.x.cols();
  const auto batch = static_cast<Eigen::Index>(rows.size());
  x.resize(features, batch);
  for (Eigen::Index i = 0; i < batch; ++i) {
    std::memcpy(x.col(i).data(), data.x.row(static_cast<Eigen::Index>(rows[i])).data(),
                sizeof(float) * features);
  }
  gatherTargets(data, rows, labels, targets);
}

void gatherTargets(const Dataset& data, std::span<const std::size_t> rows,
                   std::vector<int>& labels, Matrix& targets) {
  labels.clear();
  if (!data.labels.empty()) {
    for (auto r : rows) labels.push_back(data.labels[r]);
  }
  if (data.targets.size() > 0) {
    const auto batch = static_cast<Eigen::Index>(rows.size());
    targets.resize(data.targets.cols(), batch);
    for (Eigen::Index i = 0; i < batch; ++i) {
      targets.col(i) = data.targets.row(static_cast<Eigen::Index>(rows[i])).transpose();
    }
  } else {
    targets.resize(0, 0);
  }
}

void prefetchRows(const Dataset& data, std::span<const std::size_t> rows) {
  const auto bytes = static_cast<std::size_t>(data.x.cols()) * sizeof(float);
  for (auto r : rows) {
    const char* row =
        reinterpret_cast<const char*>(data.x.row(static_cast<Eigen::Index>(r)).data());
    for (std::size_t offset = 0; offset < bytes; offset += 64)
      __builtin_prefetch(row + offset, 0, 2);
  }
}

ModelScore evaluate(Model& model, const Dataset& data, LossKind loss, int batchSize) {
  ModelScore result;
  result.examples = data.size();
  if (data.size() == 0) return result;
  const bool classify = !data.isRegression();
  if (classify) {
    result.confusion.assign(data.numClasses, std::vector<long long>(data.numClasses, 0));
  }
  std::vector<std::size_t> rows;
  Matrix x, targets;
  std::vector<int> labels;
  double lossSum = 0.0;
  long long correct = 0;
  for (std::size_t start = 0; start < data.size(); start += batchSize) {
    const std::size_t end = std::min(data.size(), start + static_cast<std::size_t>(batchSize));
    rows.resize(end - start);
    std::iota(rows.begin(), rows.end(), start);
    gatherBatch(data, rows, x, labels, targets);
    const Matrix& out = model.forward(x);
    const BatchTargets bt{labels, targets.size() > 0 ? &targets : nullptr};
    lossSum += computeLoss(loss, out, bt, nullptr) * static_cast<double>(rows.size());
    if (classify) {
      for (Eigen::Index b = 0; b < out.cols(); ++b) {
        Eigen::Index predicted = 0;
        out.col(b).maxCoeff(&predicted);
        const int truth = labels[b];
        if (predicted < data.numClasses) ++result.confusion[truth][predicted];
        if (predicted == truth) ++correct;
      }
    }
  }
  result.loss = lossSum / static_cast<double>(data.size());
  result.accuracy =
      classify ? static_cast<double>(correct) / static_cast<double>(data.size()) : 0.0;
  return result;
}

}  // namespace distlab::engine
