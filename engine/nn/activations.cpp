#include "nn/activations.h"

namespace distlab::engine {

void ReLU::forward(const Matrix& x, Matrix& y) { y = x.cwiseMax(0.0f); }

void ReLU::backward(const Matrix&, const Matrix& y, const Matrix& dy, Matrix* dx, GradientMode) {
  if (dx) *dx = (y.array() > 0.0f).select(dy, 0.0f);
}

void Sigmoid::forward(const Matrix& x, Matrix& y) {
  // Written as 1/(1+exp(-x)): exp overflows to inf for x << 0 and 1/inf = 0, which is right.
  y = (1.0f + (-x.array()).exp()).inverse().matrix();
}

void Sigmoid::backward(const Matrix&, const Matrix& y, const Matrix& dy, Matrix* dx, GradientMode) {
  if (dx) *dx = (dy.array() * y.array() * (1.0f - y.array())).matrix();
}

void Tanh::forward(const Matrix& x, Matrix& y) { y = x.array().tanh().matrix(); }

void Tanh::backward(const Matrix&, const Matrix& y, const Matrix& dy, Matrix* dx, GradientMode) {
  if (dx) *dx = (dy.array() * (1.0f - y.array().square())).matrix();
}

}  // namespace distlab::engine
