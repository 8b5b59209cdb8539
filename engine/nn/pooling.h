#pragma once
#include <vector>

#include "nn/layer.h"

namespace distlab::engine {

/// What max and average pooling share: k x k windows with a stride (default k), no padding.
class Pool2D : public Layer {
 public:
  std::string describe() const override;
  Shape configure(const Shape& input) override;
  int kernel() const { return m_kernel; }
  int stride() const { return m_stride; }

 protected:
  Pool2D(const char* name, int kernel, int stride)
      : m_name(name), m_kernel(kernel), m_stride(stride ? stride : kernel) {}

  const char* m_name;
  int m_kernel, m_stride;
  Shape m_in, m_out;
};

/// Max pooling; the gradient goes to the first maximum of each window (row-major order).
/// Second order: piecewise linear, so R{y} picks R{x} at each window's winner and R{dx} routes
/// R{dy} like dy (the second derivative is zero away from ties).
class MaxPool2D final : public Pool2D {
 public:
  explicit MaxPool2D(int kernel, int stride = 0) : Pool2D("MaxPool2D", kernel, stride) {}
  std::unique_ptr<Layer> blank(int = 0) const override {
    return std::make_unique<MaxPool2D>(m_kernel, m_stride);
  }
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;
  void forwardR(const Matrix& x, const Matrix& rx, const Matrix& y, const float* rParams,
                Matrix& ry) override;
  void backwardR(const SecondOrderPass& pass) override;

 private:
  void forward2x2(const Matrix& x, Matrix& y);
  void backwardTiled(const Matrix& dy, Matrix& dx) const;

  std::vector<int> m_argmax;  ///< per output value, the index of the winning input in its column
};

/// Average pooling. Linear, so its R pass is its own forward and backward on R{x} and R{dy}.
class AvgPool2D final : public Pool2D {
 public:
  explicit AvgPool2D(int kernel, int stride = 0) : Pool2D("AvgPool2D", kernel, stride) {}
  std::unique_ptr<Layer> blank(int = 0) const override {
    return std::make_unique<AvgPool2D>(m_kernel, m_stride);
  }
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;
  void forwardR(const Matrix&, const Matrix& rx, const Matrix&, const float*, Matrix& ry) override {
    forward(rx, ry);
  }
  void backwardR(const SecondOrderPass& pass) override {
    backward(pass.x, pass.y, pass.rdy, pass.rdx, GradientMode::Overwrite);
  }
};

}  // namespace distlab::engine
