// Conv2D's second-order (R-operator) pass. It runs rarely (gradient-inversion lessons, Hessian
// checks), so it uses plain loops over (example, output channel, pixel, tap) that handle every
// stride and padding, rather than the tuned first-order paths and their caches.
#include "nn/conv2d.h"

namespace distlab::engine {

// Calls visit(co, outIndex, tap, inIndex) for every product of a weight and an input value in
// one example; the weight W(co, tap) sits at co + tap * outChannels.
template <typename Visit>
static void forEachTap(const Shape& in, const Shape& out, int kernel, int stride, int padding,
                       Visit&& visit) {
  for (int co = 0; co < out.channels; ++co) {
    for (int oy = 0; oy < out.height; ++oy) {
      for (int ox = 0; ox < out.width; ++ox) {
        const int o = (co * out.height + oy) * out.width + ox;
        for (int ci = 0; ci < in.channels; ++ci) {
          for (int ky = 0; ky < kernel; ++ky) {
            const int iy = oy * stride - padding + ky;
            if (iy < 0 || iy >= in.height) continue;
            for (int kx = 0; kx < kernel; ++kx) {
              const int ix = ox * stride - padding + kx;
              if (ix < 0 || ix >= in.width) continue;
              visit(co, o, (ci * kernel + ky) * kernel + kx, (ci * in.height + iy) * in.width + ix);
            }
          }
        }
      }
    }
  }
}

void Conv2D::loopForward(const Matrix& x, const float* w, Matrix& y) const {
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    const float* src = x.col(b).data();
    float* dst = y.col(b).data();
    forEachTap(m_in, m_out, m_kernel, m_stride, m_padding, [&](int co, int o, int tap, int i) {
      dst[o] += w[co + tap * m_outChannels] * src[i];
    });
  }
}

void Conv2D::loopInputGradient(const Matrix& dy, const float* w, Matrix& dx) const {
  for (Eigen::Index b = 0; b < dy.cols(); ++b) {
    const float* g = dy.col(b).data();
    float* dst = dx.col(b).data();
    forEachTap(m_in, m_out, m_kernel, m_stride, m_padding, [&](int co, int o, int tap, int i) {
      dst[i] += w[co + tap * m_outChannels] * g[o];
    });
  }
}

void Conv2D::loopWeightGradient(const Matrix& dy, const Matrix& x, float* dw) const {
  for (Eigen::Index b = 0; b < dy.cols(); ++b) {
    const float* g = dy.col(b).data();
    const float* src = x.col(b).data();
    forEachTap(m_in, m_out, m_kernel, m_stride, m_padding, [&](int co, int o, int tap, int i) {
      dw[co + tap * m_outChannels] += g[o] * src[i];
    });
  }
}

void Conv2D::forwardR(const Matrix& x, const Matrix& rx, const Matrix&, const float* rParams,
                      Matrix& ry) {
  const int pixels = outPixels();
  ry.setZero(static_cast<Eigen::Index>(m_outChannels) * pixels, x.cols());
  loopForward(rx, m_w.data(), ry);
  loopForward(x, rParams, ry);
  const float* rBias = rParams + static_cast<std::size_t>(m_outChannels) * patchSize();
  for (Eigen::Index b = 0; b < ry.cols(); ++b) {
    for (int c = 0; c < m_outChannels; ++c)
      ry.col(b).segment(c * pixels, pixels).array() += rBias[c];
  }
}

void Conv2D::backwardR(const SecondOrderPass& p) {
  const auto weights = static_cast<std::size_t>(m_outChannels) * patchSize();
  const int pixels = outPixels();
  std::fill(p.rGrads, p.rGrads + weights + m_outChannels, 0.0f);
  loopWeightGradient(p.rdy, p.x, p.rGrads);
  loopWeightGradient(p.dy, p.rx, p.rGrads);
  for (Eigen::Index b = 0; b < p.rdy.cols(); ++b) {
    for (int c = 0; c < m_outChannels; ++c) {
      p.rGrads[weights + c] += p.rdy.col(b).segment(c * pixels, pixels).sum();
    }
  }
  if (p.rdx) {
    p.rdx->setZero(m_in.size(), p.rdy.cols());
    loopInputGradient(p.rdy, m_w.data(), *p.rdx);
    loopInputGradient(p.dy, p.rParams, *p.rdx);
  }
}

}  // namespace distlab::engine
