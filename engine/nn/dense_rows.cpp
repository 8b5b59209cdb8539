#include "nn/dense_rows.h"

#include "core/error.h"
#include "nn/gemm.h"

namespace distlab::engine {

void DenseRows::bind(float* params, float* grads) {
  m_params = params;
  m_grads = grads;
}

void DenseRows::multiply(const float* x, int ldx, int columns, float* y, int ldy) const {
  const float* b = m_params + static_cast<std::size_t>(m_rows) * m_in;
  for (int j = 0; j < columns; ++j) {
    Eigen::Map<Vector>(y + static_cast<std::size_t>(j) * ldy, m_rows) =
        Eigen::Map<const Vector>(b, m_rows);
  }
  if (m_packed && m_packed->multiply(columns, x, ldx, 1.0f, y, ldy)) return;
  gemm(false, false, m_rows, columns, m_in, 1.0f, m_params, m_rows, x, ldx, 1.0f, y, ldy);
}

void DenseRows::weightGradient(const float* x, int ldx, const float* dz, int ldz, int columns,
                               bool add) {
  gemm(false, true, m_rows, m_in, columns, 1.0f, dz, ldz, x, ldx, add ? 1.0f : 0.0f, m_grads,
       m_rows);
  VectorMap db(m_grads + static_cast<std::size_t>(m_rows) * m_in, m_rows);
  const Eigen::Map<const Matrix, 0, Eigen::OuterStride<>> errors(dz, m_rows, columns,
                                                                 Eigen::OuterStride<>(ldz));
  if (add)
    db += errors.rowwise().sum();
  else
    db = errors.rowwise().sum();
}

void DenseRows::backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                         GradientMode mode) {
  // The rows the weight gradient reads, where the whole input and errors hold them.
  const int xFirst = weightGradientRows(true, static_cast<int>(x.rows())).first;
  const int dyFirst = weightGradientRows(false, static_cast<int>(dy.rows())).first;
  weightGradient(x.data() + xFirst, static_cast<int>(x.rows()), dy.data() + dyFirst,
                 static_cast<int>(dy.rows()), static_cast<int>(dy.cols()),
                 mode == GradientMode::Accumulate);
  if (dx) backwardInput(x, y, dy, *dx);
}

void DenseRows::addWeightGradient(const float* x, const float* dz, int columns) {
  weightGradient(x, m_in, dz, m_rows, columns, true);  // only the rows weightGradientRows names
}

void DenseRows::inputErrors(const float* dz, int ldz, int columns, float beta, float* dx,
                            int lddx) const {
  if (m_packedTransposed && m_packedTransposed->multiply(columns, dz, ldz, beta, dx, lddx)) return;
  gemm(true, false, m_in, columns, m_rows, 1.0f, m_params, m_rows, dz, ldz, beta, dx, lddx);
}

std::string DenseHead::describe() const {
  return "DenseHead(" + std::to_string(m_in) + "->" + std::to_string(m_rows) + " of the next)";
}

Shape DenseHead::configure(const Shape& input) {
  if (m_rows < 1) throw Error("DenseHead needs at least one neuron");
  m_in = input.size();
  return Shape{m_in + m_rows, 1, 1};
}

void DenseHead::forward(const Matrix& x, Matrix& y) {
  const auto columns = static_cast<int>(x.cols());
  y.resize(m_in + m_rows, columns);
  y.topRows(m_in) = x;
  multiply(x.data(), m_in, columns, y.data() + m_in, m_in + m_rows);
}

void DenseHead::backwardInput(const Matrix&, const Matrix&, const Matrix& dy, Matrix& dx) {
  // The input went on unchanged beside the neurons' outputs: its errors plus W^T dz.
  dx = dy.topRows(m_in);
  inputErrors(dy.data() + m_in, m_in + m_rows, static_cast<int>(dy.cols()), 1.0f, dx.data(),
              m_in);
}

std::string DenseTail::describe() const {
  return "DenseTail(" + std::to_string(m_in) + "->" + std::to_string(m_rows) + " of " +
         std::to_string(outputs()) + ")";
}

Shape DenseTail::configure(const Shape& input) {
  if (m_rows < 1 || m_head < 1) throw Error("DenseTail needs neurons on both sides of the cut");
  m_in = input.size() - m_head;
  if (m_in < 1) throw Error("DenseTail: its input is narrower than the head's neurons");
  return Shape{outputs(), 1, 1};
}

void DenseTail::forward(const Matrix& x, Matrix& y) {
  const auto columns = static_cast<int>(x.cols());
  y.resize(outputs(), columns);
  y.topRows(m_head) = x.bottomRows(m_head);
  multiply(x.data(), m_in + m_head, columns, y.data() + m_head, outputs());
}

void DenseTail::backwardInput(const Matrix&, const Matrix&, const Matrix& dy, Matrix& dx) {
  // The head's outputs came through unchanged: their errors go back as they are.
  const auto columns = static_cast<int>(dy.cols());
  dx.resize(m_in + m_head, columns);
  dx.bottomRows(m_head) = dy.topRows(m_head);
  inputErrors(dy.data() + m_head, outputs(), columns, 0.0f, dx.data(), m_in + m_head);
}


}  // namespace distlab::engine
