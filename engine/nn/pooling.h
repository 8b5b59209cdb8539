#pragma once
#include <vector>

#include "nn/layer.h"

namespace distlab::engine {

/// Max pooling over k x k windows with the given stride (default k), no padding.
class MaxPool2D final : public Layer {
 public:
  explicit MaxPool2D(int kernel, int stride = 0) : m_kernel(kernel), m_stride(stride ? stride : kernel) {}
  std::string describe() const override;
  Shape configure(const Shape& input) override;
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;

 private:
  void forward2x2(const Matrix& x, Matrix& y);

  int m_kernel, m_stride;
  Shape m_in, m_out;
  std::vector<int> m_argmax;  ///< per output value, the index of the winning input in its column
};

/// Average pooling over k x k windows with the given stride (default k), no padding.
class AvgPool2D final : public Layer {
 public:
  explicit AvgPool2D(int kernel, int stride = 0) : m_kernel(kernel), m_stride(stride ? stride : kernel) {}
  std::string describe() const override;
  Shape configure(const Shape& input) override;
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;

 private:
  int m_kernel, m_stride;
  Shape m_in, m_out;
};

}  // namespace distlab::engine
