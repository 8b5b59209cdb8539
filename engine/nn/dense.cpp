#include "nn/dense.h"

#include <new>

#include "core/error.h"

namespace distlab::engine {

std::string Dense::describe() const {
  return "Dense(" + std::to_string(m_in) + "->" + std::to_string(m_out) + ")";
}

Shape Dense::configure(const Shape& input) {
  if (m_out < 1) throw Error("Dense layer needs at least one output");
  m_in = input.size();
  return Shape{m_out, 1, 1};
}

void Dense::bind(float* params, float* grads) {
  // Eigen::Map has no rebind; placement-new is the documented way to re-point it.
  new (&m_w) MatrixMap(params, m_out, m_in);
  new (&m_b) VectorMap(params + static_cast<std::size_t>(m_out) * m_in, m_out);
  new (&m_dw) MatrixMap(grads, m_out, m_in);
  new (&m_db) VectorMap(grads + static_cast<std::size_t>(m_out) * m_in, m_out);
}

void Dense::initialize(const Initializer& init, Rng& rng) {
  init.fillWeights({m_w.data(), static_cast<std::size_t>(m_w.size())}, m_in, m_out, rng);
  init.fillBiases({m_b.data(), static_cast<std::size_t>(m_b.size())}, rng);
}

void Dense::forward(const Matrix& x, Matrix& y) {
  y.resize(m_out, x.cols());
  y.noalias() = m_w * x;
  y.colwise() += m_b;
}

void Dense::backward(const Matrix& x, const Matrix& /*y*/, const Matrix& dy, Matrix* dx,
                     GradientMode mode) {
  if (mode == GradientMode::Accumulate) {
    m_dw.noalias() += dy * x.transpose();
    m_db += dy.rowwise().sum();
  } else {
    m_dw.noalias() = dy * x.transpose();
    m_db = dy.rowwise().sum();
  }
  if (dx) {
    dx->resize(m_in, dy.cols());
    dx->noalias() = m_w.transpose() * dy;
  }
}

}  // namespace distlab::engine
