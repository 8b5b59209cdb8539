#pragma once
#include <vector>

#include "nn/aligned_floats.h"
#include "nn/layer.h"

namespace distlab::engine {

/// 2-D convolution (cross-correlation, as in every DL framework) with square kernels, stride and
/// zero padding. Weights W are (outChannels x inChannels*k*k) column-major, then the biases.
///
/// Three ways to compute it, chosen by shape:
/// - stride 1 with at most kDirectMaxPatch taps (a first layer: 1 channel, 5x5): a direct loop
///   over a zero-padded copy of each example, several output channels per pass
///   (conv2d_direct.cpp);
/// - other stride-1 layers (LeNet-5's second) on batches of kBatchedMinExamples or more:
///   batch-inner, 64 examples as the vector lanes, so every tap is a multiply-add of whole
///   registers and nothing is lowered (conv2d_batched.cpp);
/// - everything else: the batch is lowered to one matrix ("im2col", Chellapilla et al. 2006),
///   (batch*outH*outW) x (inChannels*k*k), and forward, dW and dX are each one GEMM
///   (conv2d_lowering.cpp).
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
  int patchSize() const { return m_in.channels * m_kernel * m_kernel; }
  bool useDirect() const { return m_stride == 1 && patchSize() <= kDirectMaxPatch; }
  /// Below this many examples a block's unused lanes cost more than lowering: for LeNet-5's
  /// second layer one block of 64 takes as long as lowering 31 examples (BM_Conv2Batch).
  static constexpr Eigen::Index kBatchedMinExamples = 32;
  bool useBatched(Eigen::Index batch) const {
    return m_stride == 1 && !useDirect() && batch >= kBatchedMinExamples;
  }
  void prepareBatched();
  void blockInput(const Matrix& x);
  void batchedForward(const Matrix& x, Matrix& y);
  void batchedBackward(const Matrix& dy, Matrix* dx);
  void padBatch(const Matrix& x);
  void directForward(Matrix& y);
  void directBackward(const Matrix& dy, Matrix* dx);
  void lowerForward(Matrix& y);
  void lowerBackward(const Matrix& dy, bool wantInput);
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
  Matrix m_cols;             ///< other strides: im2col of the last forward input, kept for backward
  Matrix m_pixelOut;         ///< (batch*outPixels) x outChannels scratch
  Matrix m_padded;           ///< direct path: zero-padded input, one column per example
  Matrix m_dPadded;          ///< direct path: dL/d(padded input)
  AlignedFloats m_blocked;   ///< batch-inner path: the padded input, examples as lanes, per block
  AlignedFloats m_blockOut;  ///< batch-inner path: one block's output (or dy), examples as lanes
  AlignedFloats m_blockIn;   ///< batch-inner path: one block's dx, examples as lanes
  Vector m_wT;               ///< batch-inner path: the weights ordered for the dx gather
  std::vector<int> m_gatherStart, m_gatherOffsets, m_gatherRows;  ///< dx: per input pixel
  std::vector<Eigen::Index> m_inRowAt;  ///< batch-inner path: where each input row goes
  Vector
      m_wideRows;  ///< direct path: every channel's output (or one channel's dy), padded-width rows
  std::vector<int> m_tapOffsets;  ///< direct and batch-inner paths: each tap's offset in an example
};

}  // namespace distlab::engine
