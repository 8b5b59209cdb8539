#include "nn/weight_gradient_stash.h"

#include <string>

#include "core/error.h"
#include "nn/model.h"

namespace distlab::engine {

void WeightGradientStash::prepare(const Model& model, int columns) {
  const auto& layers = model.layers();
  m_layers.assign(layers.size(), Kept{});
  Shape in = model.inputShape();
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const Shape out = model.layerShapes()[i];
    if (layers[i]->splitsWeightGradient()) {
      Kept& k = m_layers[i];
      k.xRows = in.size();
      k.dyRows = out.size();
      const auto [xFirst, xCount] = layers[i]->weightGradientRows(true, k.xRows);
      const auto [dyFirst, dyCount] = layers[i]->weightGradientRows(false, k.dyRows);
      k.xFirst = xFirst;
      k.dyFirst = dyFirst;
      k.x.resize(xCount, columns);
      k.dy.resize(dyCount, columns);
    }
    in = out;
  }
  m_columns = 0;
}

void WeightGradientStash::keep(std::size_t layer, const Matrix& x, const Matrix& dy) {
  Kept& k = m_layers.at(layer);
  const auto c = x.cols();
  if (x.rows() != k.xRows || dy.rows() != k.dyRows || dy.cols() != c ||
      m_columns + c > k.x.cols()) {
    throw Error("weight gradient stash: layer " + std::to_string(layer) + " gets " +
                std::to_string(c) + " columns of another shape or past the " +
                std::to_string(k.x.cols()) + " prepared");
  }
  k.x.middleCols(m_columns, c) = x.middleRows(k.xFirst, k.x.rows());
  k.dy.middleCols(m_columns, c) = dy.middleRows(k.dyFirst, k.dy.rows());
}

void WeightGradientStash::endPass(int columns) { m_columns += columns; }

void WeightGradientStash::flush(Model& model) {
  if (m_columns == 0) return;
  const auto& layers = model.layers();
  for (std::size_t i = 0; i < m_layers.size(); ++i) {
    if (m_layers[i].x.size() == 0) continue;
    layers[i]->addWeightGradient(m_layers[i].x.data(), m_layers[i].dy.data(), m_columns);
  }
  m_columns = 0;
}

std::size_t WeightGradientStash::heldBytes() const {
  std::size_t floats = 0;
  for (const Kept& k : m_layers) {
    floats +=
        static_cast<std::size_t>(k.x.rows() + k.dy.rows()) * static_cast<std::size_t>(m_columns);
  }
  return floats * sizeof(float);
}

}  // namespace distlab::engine
