#include "security/backdoor_trigger.h"

#include <algorithm>
#include <numeric>

#include "nn/evaluate.h"

namespace distlab::engine {

void stampTrigger(std::span<float> example, const Shape& shape, float value) {
  if (shape.height < 5 || shape.width < 5) {
    const std::size_t n = std::min<std::size_t>(9, example.size());
    std::fill(example.end() - static_cast<std::ptrdiff_t>(n), example.end(), value);
    return;
  }
  const std::size_t plane = static_cast<std::size_t>(shape.height) * shape.width;
  for (int c = 0; c < shape.channels; ++c) {
    for (int r = shape.height - 4; r < shape.height - 1; ++r) {
      for (int col = shape.width - 4; col < shape.width - 1; ++col) {
        example[c * plane + static_cast<std::size_t>(r) * shape.width + col] = value;
      }
    }
  }
}

float brightestValue(const Dataset& data) {
  const auto x = data.x.view();
  return x.size() ? x.maxCoeff() : 1.0f;
}

double backdoorSuccess(Model& model, const Dataset& data, int target, float value) {
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data.labels[i] != target) rows.push_back(i);
  }
  if (rows.empty()) return 0.0;
  constexpr std::size_t kBatch = 1000;
  Matrix x, targets;
  std::vector<int> labels;
  std::size_t hits = 0;
  for (std::size_t begin = 0; begin < rows.size(); begin += kBatch) {
    const auto count = std::min(kBatch, rows.size() - begin);
    gatherBatch(data, std::span(rows).subspan(begin, count), x, labels, targets);
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      stampTrigger(std::span<float>(x.col(j).data(), static_cast<std::size_t>(x.rows())),
                   data.shape, value);
    }
    const Matrix& out = model.forward(x);
    for (Eigen::Index j = 0; j < out.cols(); ++j) {
      Eigen::Index best = 0;
      out.col(j).maxCoeff(&best);
      if (best == target) ++hits;
    }
  }
  return static_cast<double>(hits) / static_cast<double>(rows.size());
}

}  // namespace distlab::engine
