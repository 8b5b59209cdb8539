#pragma once
#include "nn/layer.h"
#include "nn/packed_weights.h"

namespace distlab::engine {

/// Fully connected layer y = W x + b, W is (out x in) column-major, followed by b in the buffer.
class Dense final : public Layer {
 public:
  explicit Dense(int outputs) : m_out(outputs) {}
  std::string describe() const override;
  std::unique_ptr<Layer> blank(int outputs = 0) const override {
    return std::make_unique<Dense>(outputs > 0 ? outputs : m_out);
  }
  Shape configure(const Shape& input) override;
  std::size_t parameterCount() const override {
    return static_cast<std::size_t>(m_out) * m_in + m_out;
  }
  void bind(float* params, float* grads) override;
  void initialize(const Initializer& init, Rng& rng) override;
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;
  bool splitsWeightGradient() const override { return true; }
  void backwardInput(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix& dx) override;
  void addWeightGradient(const float* x, const float* dy, int columns) override;
  void forwardR(const Matrix& x, const Matrix& rx, const Matrix& y, const float* rParams,
                Matrix& ry) override;
  void backwardR(const SecondOrderPass& pass) override;

  /// forward() multiplies by `packed` (this layer's weights, packed by the caller after every
  /// change to them) when it can, instead of packing them on every call, and backwardInput()
  /// by `transposed` (their transpose, PackedWeights::packTransposed); nullptr: never.
  void usePackedWeights(const PackedWeights* packed, const PackedWeights* transposed = nullptr) {
    m_packed = packed;
    m_packedTransposed = transposed;
  }

  MatrixMap weights() const { return m_w; }
  VectorMap bias() const { return m_b; }
  int inputs() const { return m_in; }
  int outputs() const { return m_out; }

 private:
  /// dW = beta dW + dy x^T and db = beta db + (row sums of dy), beta 0 or 1.
  void weightGradient(const float* x, const float* dy, int columns, bool add);

  int m_out;
  int m_in = 0;
  MatrixMap m_w{nullptr, 0, 0};
  VectorMap m_b{nullptr, 0};
  MatrixMap m_dw{nullptr, 0, 0};
  VectorMap m_db{nullptr, 0};
  const PackedWeights* m_packed = nullptr;
  const PackedWeights* m_packedTransposed = nullptr;
};

}  // namespace distlab::engine
