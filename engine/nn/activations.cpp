#include "nn/activations.h"

namespace distlab::engine {
namespace {

Eigen::ArrayXXf logistic(const Matrix& x) { return (1.0f + (-x.array()).exp()).inverse(); }

}  // namespace

void ElementwiseActivation::forwardR(const Matrix& x, const Matrix& rx, const Matrix& y,
                                     const float*, Matrix& ry) {
  Eigen::ArrayXXf first, second;
  derivatives(x, y, first, second);
  ry = (first * rx.array()).matrix();
}

void ElementwiseActivation::backwardR(const SecondOrderPass& p) {
  if (!p.rdx) return;
  Eigen::ArrayXXf first, second;
  derivatives(p.x, p.y, first, second);
  *p.rdx = (second * p.rx.array() * p.dy.array() + first * p.rdy.array()).matrix();
}

void ReLU::forward(const Matrix& x, Matrix& y) { y = x.cwiseMax(0.0f); }

void ReLU::backward(const Matrix&, const Matrix& y, const Matrix& dy, Matrix* dx, GradientMode) {
  if (dx) *dx = (y.array() > 0.0f).select(dy, 0.0f);
}

void ReLU::derivatives(const Matrix&, const Matrix& y, Eigen::ArrayXXf& first,
                       Eigen::ArrayXXf& second) const {
  first = (y.array() > 0.0f).cast<float>();
  second.setZero(y.rows(), y.cols());
}

void Sigmoid::forward(const Matrix& x, Matrix& y) {
  // Written as 1/(1+exp(-x)): exp overflows to inf for x << 0 and 1/inf = 0, which is right.
  y = (1.0f + (-x.array()).exp()).inverse().matrix();
}

void Sigmoid::backward(const Matrix&, const Matrix& y, const Matrix& dy, Matrix* dx, GradientMode) {
  if (dx) *dx = (dy.array() * y.array() * (1.0f - y.array())).matrix();
}

void Sigmoid::derivatives(const Matrix&, const Matrix& y, Eigen::ArrayXXf& first,
                          Eigen::ArrayXXf& second) const {
  first = y.array() * (1.0f - y.array());
  second = first * (1.0f - 2.0f * y.array());
}

void Tanh::forward(const Matrix& x, Matrix& y) { y = x.array().tanh().matrix(); }

void Tanh::backward(const Matrix&, const Matrix& y, const Matrix& dy, Matrix* dx, GradientMode) {
  if (dx) *dx = (dy.array() * (1.0f - y.array().square())).matrix();
}

void Tanh::derivatives(const Matrix&, const Matrix& y, Eigen::ArrayXXf& first,
                       Eigen::ArrayXXf& second) const {
  first = 1.0f - y.array().square();
  second = -2.0f * y.array() * first;
}

void Softplus::forward(const Matrix& x, Matrix& y) {
  // max(x, 0) + log(1 + e^-|x|): no exp overflows and large x keep their precision.
  y = (x.array().max(0.0f) + (-x.array().abs()).exp().log1p()).matrix();
}

void Softplus::backward(const Matrix& x, const Matrix&, const Matrix& dy, Matrix* dx,
                        GradientMode) {
  if (dx) *dx = (dy.array() * logistic(x)).matrix();
}

void Softplus::derivatives(const Matrix& x, const Matrix&, Eigen::ArrayXXf& first,
                           Eigen::ArrayXXf& second) const {
  first = logistic(x);
  second = first * (1.0f - first);
}

}  // namespace distlab::engine
