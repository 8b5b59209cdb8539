#include "nn/dense.h"

#include <new>

#include "core/error.h"
#include "nn/gemm.h"

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
  const auto batch = static_cast<int>(x.cols());
  y.resize(m_out, batch);
  y.colwise() = m_b;  // then y += W x in the same pass that computes it
  if (m_packed && m_packed->multiply(batch, x.data(), m_in, 1.0f, y.data(), m_out)) return;
  gemm(false, false, m_out, batch, m_in, 1.0f, m_w.data(), m_out, x.data(), m_in, 1.0f, y.data(),
       m_out);
}

void Dense::backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                     GradientMode mode) {
  weightGradient(x.data(), dy.data(), static_cast<int>(dy.cols()),
                 mode == GradientMode::Accumulate);
  if (dx) backwardInput(x, y, dy, *dx);
}

void Dense::backwardInput(const Matrix& /*x*/, const Matrix& /*y*/, const Matrix& dy, Matrix& dx) {
  const auto columns = static_cast<int>(dy.cols());
  dx.resize(m_in, columns);
  if (m_packedTransposed &&
      m_packedTransposed->multiply(columns, dy.data(), m_out, 0.0f, dx.data(), m_in)) {
    return;
  }
  gemm(true, false, m_in, columns, m_out, 1.0f, m_w.data(), m_out, dy.data(), m_out, 0.0f,
       dx.data(), m_in);
}

void Dense::addWeightGradient(const float* x, const float* dy, int columns) {
  weightGradient(x, dy, columns, true);
}

void Dense::weightGradient(const float* x, const float* dy, int columns, bool add) {
  // dW = dy x^T, written straight into the flat gradient buffer.
  gemm(false, true, m_out, m_in, columns, 1.0f, dy, m_out, x, m_in, add ? 1.0f : 0.0f, m_dw.data(),
       m_out);
  const Eigen::Map<const Matrix> errors(dy, m_out, columns);
  if (add)
    m_db += errors.rowwise().sum();
  else
    m_db = errors.rowwise().sum();
}

// y = W x + b, so R{y} = W R{x} + R{W} x + R{b}; dW = dy x^T and dx = W^T dy, so by the product
// rule R{dW} = R{dy} x^T + dy R{x}^T and R{dx} = W^T R{dy} + R{W}^T dy.
void Dense::forwardR(const Matrix& x, const Matrix& rx, const Matrix&, const float* rParams,
                     Matrix& ry) {
  const Eigen::Map<const Matrix> rW(rParams, m_out, m_in);
  const Eigen::Map<const Vector> rb(rParams + static_cast<std::size_t>(m_out) * m_in, m_out);
  ry.noalias() = m_w * rx;
  ry.noalias() += rW * x;
  ry.colwise() += rb;
}

void Dense::backwardR(const SecondOrderPass& p) {
  const auto weights = static_cast<std::size_t>(m_out) * m_in;
  MatrixMap rdW(p.rGrads, m_out, m_in);
  VectorMap rdb(p.rGrads + weights, m_out);
  rdW.noalias() = p.rdy * p.x.transpose();
  rdW.noalias() += p.dy * p.rx.transpose();
  rdb = p.rdy.rowwise().sum();
  if (p.rdx) {
    const Eigen::Map<const Matrix> rW(p.rParams, m_out, m_in);
    p.rdx->noalias() = m_w.transpose() * p.rdy;
    p.rdx->noalias() += rW.transpose() * p.dy;
  }
}

}  // namespace distlab::engine
