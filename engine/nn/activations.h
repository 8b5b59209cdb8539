#pragma once
#include "nn/layer.h"

namespace distlab::engine {

/// Element-wise activations y = f(x). Second order: R{y} = f'(x) R{x} and, since dx = f'(x) dy,
/// R{dx} = f''(x) R{x} dy + f'(x) R{dy}.
class ElementwiseActivation : public Layer {
 public:
  Shape configure(const Shape& input) override { return input; }
  void forwardR(const Matrix& x, const Matrix& rx, const Matrix& y, const float* rParams,
                Matrix& ry) override;
  void backwardR(const SecondOrderPass& pass) override;

 protected:
  /// f'(x) and f''(x) elementwise, from the input and the output of forward().
  virtual void derivatives(const Matrix& x, const Matrix& y, Eigen::ArrayXXf& first,
                           Eigen::ArrayXXf& second) const = 0;
};

/// max(0, x). Its second derivative is zero wherever it exists, so a ReLU network's parameter
/// gradient is piecewise linear in the input: the gradient-inversion lessons use sigmoid instead.
class ReLU final : public ElementwiseActivation {
 public:
  std::unique_ptr<Layer> blank(int = 0) const override { return std::make_unique<ReLU>(); }
  std::string describe() const override { return "ReLU"; }
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;

 protected:
  void derivatives(const Matrix& x, const Matrix& y, Eigen::ArrayXXf& first,
                   Eigen::ArrayXXf& second) const override;
};

/// sigma(x) = 1 / (1 + e^-x); sigma' = y (1 - y), sigma'' = y (1 - y)(1 - 2y).
class Sigmoid final : public ElementwiseActivation {
 public:
  std::unique_ptr<Layer> blank(int = 0) const override { return std::make_unique<Sigmoid>(); }
  std::string describe() const override { return "Sigmoid"; }
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;

 protected:
  void derivatives(const Matrix& x, const Matrix& y, Eigen::ArrayXXf& first,
                   Eigen::ArrayXXf& second) const override;
};

/// tanh' = 1 - y^2, tanh'' = -2 y (1 - y^2).
class Tanh final : public ElementwiseActivation {
 public:
  std::unique_ptr<Layer> blank(int = 0) const override { return std::make_unique<Tanh>(); }
  std::string describe() const override { return "Tanh"; }
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;

 protected:
  void derivatives(const Matrix& x, const Matrix& y, Eigen::ArrayXXf& first,
                   Eigen::ArrayXXf& second) const override;
};

/// softplus(x) = log(1 + e^x), a smooth ReLU; softplus' = sigma(x), softplus'' = sigma (1 - sigma).
class Softplus final : public ElementwiseActivation {
 public:
  std::unique_ptr<Layer> blank(int = 0) const override { return std::make_unique<Softplus>(); }
  std::string describe() const override { return "Softplus"; }
  void forward(const Matrix& x, Matrix& y) override;
  void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                GradientMode mode) override;

 protected:
  void derivatives(const Matrix& x, const Matrix& y, Eigen::ArrayXXf& first,
                   Eigen::ArrayXXf& second) const override;
};

/// Reshapes C x H x W to a flat vector; the memory layout is already flat, so values pass through.
class Flatten final : public Layer {
 public:
  std::unique_ptr<Layer> blank(int = 0) const override { return std::make_unique<Flatten>(); }
  std::string describe() const override { return "Flatten"; }
  Shape configure(const Shape& input) override { return Shape{input.size(), 1, 1}; }
  void forward(const Matrix& x, Matrix& y) override { y = x; }
  void backward(const Matrix&, const Matrix&, const Matrix& dy, Matrix* dx, GradientMode) override {
    if (dx) *dx = dy;
  }
  void forwardR(const Matrix&, const Matrix& rx, const Matrix&, const float*, Matrix& ry) override {
    ry = rx;
  }
  void backwardR(const SecondOrderPass& pass) override {
    if (pass.rdx) *pass.rdx = pass.rdy;
  }
};

}  // namespace distlab::engine
