#pragma once
#include "nn/layer.h"
#include "nn/packed_weights.h"

namespace distlab::engine {

/// A block of a Dense layer's output neurons (rows of its W and b), for a pipeline whose stage
/// boundary cuts the layer so the stages' work is even (model_parallel.balance neurons): the
/// stage before computes the first neurons (DenseHead), the stage after the rest (DenseTail).
/// Together they compute exactly what the Dense layer does; the stage boundary carries the
/// layer's input beside the first neurons' outputs, and back the errors of both. W is
/// (rows x inputs) column-major, followed by b in the buffer, as in Dense.
class DenseRows : public Layer {
 public:
  explicit DenseRows(int rows) : m_rows(rows) {}
  std::size_t parameterCount() const override {
    return static_cast<std::size_t>(m_rows) * m_in + m_rows;
  }
  void bind(float* params, float* grads) override;
  bool splitsWeightGradient() const override { return true; }
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;
  void addWeightGradient(const float* x, const float* dz, int columns) override;

  /// As Dense::usePackedWeights: the W x products multiply by `packed`, the input errors by
  /// `transposed`, when they can.
  void usePackedWeights(const PackedWeights* packed, const PackedWeights* transposed = nullptr) {
    m_packed = packed;
    m_packedTransposed = transposed;
  }
  const float* weights() const { return m_params; }
  int inputs() const { return m_in; }
  int rows() const { return m_rows; }

 protected:
  /// y = W x + b for `columns` columns (x and y with leading dimensions ldx and ldy).
  void multiply(const float* x, int ldx, int columns, float* y, int ldy) const;
  /// dW (+)= dz x^T and db (+)= the row sums of dz.
  void weightGradient(const float* x, int ldx, const float* dz, int ldz, int columns, bool add);
  /// dx = beta dx + W^T dz.
  void inputErrors(const float* dz, int ldz, int columns, float beta, float* dx, int lddx) const;

  int m_rows;
  int m_in = 0;

 private:
  float* m_params = nullptr;
  float* m_grads = nullptr;
  const PackedWeights* m_packed = nullptr;
  const PackedWeights* m_packedTransposed = nullptr;
};

/// The stage before the cut: outputs its input x followed by its neurons' W x + b.
class DenseHead final : public DenseRows {
 public:
  using DenseRows::DenseRows;
  std::string describe() const override;
  Shape configure(const Shape& input) override;
  void forward(const Matrix& x, Matrix& y) override;
  void backwardInput(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix& dx) override;
  /// Its output errors' rows past the input's: those of its neurons.
  std::pair<int, int> weightGradientRows(bool input, int rows) const override {
    return input ? std::pair{0, rows} : std::pair{m_in, m_rows};
  }
};

/// The stage after the cut: takes [x; the head's outputs] and outputs the whole layer's
/// W x + b, the head's neurons first.
class DenseTail final : public DenseRows {
 public:
  /// The layer's `outputs` neurons, of which the first `headRows` are the head's.
  DenseTail(int outputs, int headRows) : DenseRows(outputs - headRows), m_head(headRows) {}
  std::string describe() const override;
  Shape configure(const Shape& input) override;
  void forward(const Matrix& x, Matrix& y) override;
  void backwardInput(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix& dx) override;
  /// Its input's rows before the head's outputs, its output errors' after the head's.
  std::pair<int, int> weightGradientRows(bool input, int) const override {
    return input ? std::pair{0, m_in} : std::pair{m_head, m_rows};
  }

 private:
  int outputs() const { return m_head + m_rows; }
  int m_head;
};

}  // namespace distlab::engine
