#pragma once
#include <vector>

#include "nn/layer.h"

namespace distlab::engine {

/// 2-D convolution (cross-correlation, as in every DL framework) with square kernels, stride and
/// zero padding. Weights W are (outChannels x inChannels*k*k) column-major, then the biases.
///
/// The examples are lowered to one matrix ("im2col", Chellapilla et al. 2006) laid out as
/// (examples*outH*outW) x (inChannels*k*k), column-major, so that each column is filled from
/// contiguous input rows and forward, dW and dX are each one large GEMM. Stride-1 layers lower
/// from a zero-padded copy of the input (no bounds checks), a cache-sized chunk of examples at a
/// time; other strides lower the whole batch. When the patch is tiny
/// (a first layer: 1 channel, 5x5) that GEMM is thin and memory-bound, so stride-1 layers with at
/// most kDirectMaxPatch taps use a direct loop over a zero-padded copy of the input instead.
class Conv2D final : public Layer {
 public:
  Conv2D(int outChannels, int kernel, int stride = 1, int padding = 0)
      : m_outChannels(outChannels), m_kernel(kernel), m_stride(stride), m_padding(padding) {}
  std::string describe() const override;
  std::unique_ptr<Layer> blank(int outputs = 0) const override {
    return std::make_unique<Conv2D>(outputs > 0 ? outputs : m_outChannels, m_kernel, m_stride,
                                    m_padding);
  }
  Shape configure(const Shape& input) override;
  std::size_t parameterCount() const override {
    return static_cast<std::size_t>(m_outChannels) * patchSize() + m_outChannels;
  }
  void bind(float* params, float* grads) override;
  void initialize(const Initializer& init, Rng& rng) override;
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;
  /// Second order, by plain loops (conv2d_second_order.cpp): R{y} = W * R{x} + R{W} * x + R{b},
  /// R{dW} = corr(R{dy}, x) + corr(dy, R{x}), R{dx} = W^T * R{dy} + R{W}^T * dy.
  void forwardR(const Matrix& x, const Matrix& rx, const Matrix& y, const float* rParams,
                Matrix& ry) override;
  void backwardR(const SecondOrderPass& pass) override;

  MatrixMap weights() const { return m_w; }
  VectorMap bias() const { return m_b; }
  int outChannels() const { return m_outChannels; }
  int kernel() const { return m_kernel; }
  int stride() const { return m_stride; }
  int padding() const { return m_padding; }
  Shape inputShape() const { return m_in; }

  /// Floats of zero slack after each padded example: the vector loops read past the last row.
  static constexpr int kPadSlack = 64;

 private:
  static constexpr int kDirectMaxPatch = 32;
  /// The lowered matrix of a chunk of examples stays under this, so it is still in the core's
  /// L2 for the products and col2im (LeNet-5's second layer: 4 examples; bench/RESULTS.md).
  static constexpr Eigen::Index kChunkBytes = 256 * 1024;
  int patchSize() const { return m_in.channels * m_kernel * m_kernel; }
  bool useDirect() const { return m_stride == 1 && patchSize() <= kDirectMaxPatch; }
  void padBatch(const Matrix& x);
  void directForward(Matrix& y);
  void directBackward(const Matrix& dy, Matrix* dx);
  int chunkExamples(Eigen::Index batch) const;
  void lowerForward(int first, int count, Matrix& y);
  void lowerBackward(const Matrix& dy, int first, int count, bool wantInput);
  void im2colPadded(int first, int count);
  void col2imPadded(int first, int count);
  void cropPadded(Matrix& dx) const;
  int outPixels() const { return m_out.height * m_out.width; }
  void im2col(const Matrix& x);
  void col2im(const Matrix& cols, Matrix& dx) const;
  // The reference loops of the second-order pass: y (+)= w * x, dx (+)= w^T * dy, dw (+)= dy (x) x.
  void loopForward(const Matrix& x, const float* w, Matrix& y) const;
  void loopInputGradient(const Matrix& dy, const float* w, Matrix& dx) const;
  void loopWeightGradient(const Matrix& dy, const Matrix& x, float* dw) const;

  int m_outChannels, m_kernel, m_stride, m_padding;
  Shape m_in, m_out;
  MatrixMap m_w{nullptr, 0, 0};
  VectorMap m_b{nullptr, 0};
  MatrixMap m_dw{nullptr, 0, 0};
  VectorMap m_db{nullptr, 0};
  Matrix m_cols;      ///< im2col of one chunk of examples (stride 1) or of the batch
  Matrix m_pixelOut;  ///< (batch*outPixels) x outChannels scratch
  Matrix m_padded;    ///< stride 1: zero-padded input, one column per example
  Matrix m_dPadded;   ///< stride 1: dL/d(padded input)
  Vector m_wideRows;  ///< direct path: every channel's output (or one channel's dy), padded-width rows
  std::vector<int> m_tapOffsets;  ///< direct path: offset of each tap in a padded example
};

}  // namespace distlab::engine
