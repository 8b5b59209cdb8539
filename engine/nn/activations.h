#pragma once
#include "nn/layer.h"

namespace distlab::engine {

/// Element-wise activations. Their backward passes use the output y only, so no input is cached.
class ReLU final : public Layer {
 public:
  std::string describe() const override { return "ReLU"; }
  Shape configure(const Shape& input) override { return input; }
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;
};

/// sigma(x) = 1 / (1 + e^-x); sigma' = y (1 - y).
class Sigmoid final : public Layer {
 public:
  std::string describe() const override { return "Sigmoid"; }
  Shape configure(const Shape& input) override { return input; }
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;
};

/// tanh' = 1 - y^2.
class Tanh final : public Layer {
 public:
  std::string describe() const override { return "Tanh"; }
  Shape configure(const Shape& input) override { return input; }
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;
};

/// Reshapes C x H x W to a flat vector; the memory layout is already flat, so values pass through.
class Flatten final : public Layer {
 public:
  std::string describe() const override { return "Flatten"; }
  Shape configure(const Shape& input) override { return Shape{input.size(), 1, 1}; }
  void forward(const Matrix& x, Matrix& y) override { y = x; }
  void backward(const Matrix&, const Matrix&, const Matrix& dy, Matrix* dx, GradientMode) override {
    if (dx) *dx = dy;
  }
};

}  // namespace distlab::engine
