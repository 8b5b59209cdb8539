#include "nn/pooling.h"

#include <algorithm>

#include "core/error.h"
#include "nn/kernels/kernels.h"

namespace distlab::engine {
std::string Pool2D::describe() const {
  return std::string(m_name) + "(" + std::to_string(m_kernel) + "x" + std::to_string(m_kernel) +
         ", stride " + std::to_string(m_stride) + ")";
}

Shape Pool2D::configure(const Shape& input) {
  if (m_kernel < 1 || m_stride < 1) {
    throw Error(std::string(m_name) + " needs kernel >= 1 and stride >= 1");
  }
  if (input.height < m_kernel || input.width < m_kernel) {
    throw Error(std::string(m_name) + " window " + std::to_string(m_kernel) +
                " is larger than its input " + std::to_string(input.height) + "x" +
                std::to_string(input.width));
  }
  m_in = input;
  m_out = Shape{input.channels, (input.height - m_kernel) / m_stride + 1,
                (input.width - m_kernel) / m_stride + 1};
  return m_out;
}

void MaxPool2D::forward(const Matrix& x, Matrix& y) {
  const auto batch = x.cols();
  y.resize(m_out.size(), batch);
  m_argmax.resize(static_cast<std::size_t>(m_out.size()) * batch);
  if (m_kernel == 2 && m_stride == 2) return forward2x2(x, y);
  const int inPlane = m_in.height * m_in.width;
  int* arg = m_argmax.data();
  for (Eigen::Index b = 0; b < batch; ++b) {
    const float* src = x.col(b).data();
    float* dst = y.col(b).data();
    for (int c = 0; c < m_in.channels; ++c) {
      const int base = c * inPlane;
      for (int oy = 0; oy < m_out.height; ++oy) {
        for (int ox = 0; ox < m_out.width; ++ox) {
          int best = base + (oy * m_stride) * m_in.width + ox * m_stride;
          float bestValue = src[best];
          for (int ky = 0; ky < m_kernel; ++ky) {
            const int rowStart = base + (oy * m_stride + ky) * m_in.width + ox * m_stride;
            for (int kx = 0; kx < m_kernel; ++kx) {
              if (src[rowStart + kx] > bestValue) {
                bestValue = src[rowStart + kx];
                best = rowStart + kx;
              }
            }
          }
          *dst++ = bestValue;
          *arg++ = best;
        }
      }
    }
  }
}

// The common 2x2/2 window, unrolled: the generic loop spends most of its time on loop control.
// Ties go to the first maximum in row-major order, as in the generic loop.
void MaxPool2D::forward2x2(const Matrix& x, Matrix& y) {
  const int inW = m_in.width, inPlane = m_in.height * m_in.width;
  const int outH = m_out.height, outW = m_out.width;
  int* arg = m_argmax.data();
  const auto maxPool2x2Row = kernels::active().maxPool2x2Row;
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    const float* src = x.col(b).data();
    float* dst = y.col(b).data();
    for (int c = 0; c < m_in.channels; ++c) {
      for (int oy = 0; oy < outH; ++oy) {
        const int top = c * inPlane + 2 * oy * inW;
        maxPool2x2Row(src + top, inW, outW, top, dst, arg);
        dst += outW;
        arg += outW;
      }
    }
  }
}

void MaxPool2D::backward(const Matrix&, const Matrix&, const Matrix& dy, Matrix* dx, GradientMode) {
  if (!dx) return;
  const auto batch = dy.cols();
  const bool tiled = m_kernel == 2 && m_stride == 2 && m_in.height % 2 == 0 && m_in.width % 2 == 0;
  if (tiled) return backwardTiled(dy, *dx);
  dx->setZero(m_in.size(), batch);
  const int* arg = m_argmax.data();
  for (Eigen::Index b = 0; b < batch; ++b) {
    const float* g = dy.col(b).data();
    float* dst = dx->col(b).data();
    for (int i = 0; i < m_out.size(); ++i) dst[*arg++] += g[i];
  }
}

// 2x2/2 windows that tile the input: every input belongs to exactly one window, so one pass
// writes each window's four gradients (zeros and the winner's) with no separate zeroing pass.
void MaxPool2D::backwardTiled(const Matrix& dy, Matrix& dx) const {
  dx.resize(m_in.size(), dy.cols());
  const int inW = m_in.width;
  const int* arg = m_argmax.data();
  for (Eigen::Index b = 0; b < dy.cols(); ++b) {
    const float* g = dy.col(b).data();
    float* dst = dx.col(b).data();
    int o = 0;
    for (int c = 0; c < m_in.channels; ++c) {
      for (int oy = 0; oy < m_out.height; ++oy) {
        float* top = dst + (c * m_in.height + 2 * oy) * inW;
        for (int ox = 0; ox < m_out.width; ++ox, ++o) {
          float* window = top + 2 * ox;
          window[0] = window[1] = window[inW] = window[inW + 1] = 0.0f;
          dst[arg[o]] = g[o];
        }
      }
    }
    arg += m_out.size();
  }
}

void MaxPool2D::forwardR(const Matrix&, const Matrix& rx, const Matrix&, const float*,
                         Matrix& ry) {
  ry.resize(m_out.size(), rx.cols());
  const int* arg = m_argmax.data();
  for (Eigen::Index b = 0; b < rx.cols(); ++b) {
    const float* src = rx.col(b).data();
    float* dst = ry.col(b).data();
    for (int i = 0; i < m_out.size(); ++i) dst[i] = src[*arg++];
  }
}

void MaxPool2D::backwardR(const SecondOrderPass& pass) {
  backward(pass.x, pass.y, pass.rdy, pass.rdx, GradientMode::Overwrite);
}

void AvgPool2D::forward(const Matrix& x, Matrix& y) {
  const auto batch = x.cols();
  y.resize(m_out.size(), batch);
  const int inPlane = m_in.height * m_in.width;
  const float scale = 1.0f / static_cast<float>(m_kernel * m_kernel);
  for (Eigen::Index b = 0; b < batch; ++b) {
    const float* src = x.col(b).data();
    float* dst = y.col(b).data();
    for (int c = 0; c < m_in.channels; ++c) {
      for (int oy = 0; oy < m_out.height; ++oy) {
        for (int ox = 0; ox < m_out.width; ++ox) {
          float sum = 0.0f;
          for (int ky = 0; ky < m_kernel; ++ky) {
            const float* row =
                src + c * inPlane + (oy * m_stride + ky) * m_in.width + ox * m_stride;
            for (int kx = 0; kx < m_kernel; ++kx) sum += row[kx];
          }
          *dst++ = sum * scale;
        }
      }
    }
  }
}

void AvgPool2D::backward(const Matrix&, const Matrix&, const Matrix& dy, Matrix* dx, GradientMode) {
  if (!dx) return;
  const auto batch = dy.cols();
  dx->setZero(m_in.size(), batch);
  const int inPlane = m_in.height * m_in.width;
  const float scale = 1.0f / static_cast<float>(m_kernel * m_kernel);
  for (Eigen::Index b = 0; b < batch; ++b) {
    const float* g = dy.col(b).data();
    float* dst = dx->col(b).data();
    for (int c = 0; c < m_in.channels; ++c) {
      for (int oy = 0; oy < m_out.height; ++oy) {
        for (int ox = 0; ox < m_out.width; ++ox) {
          const float share = *g++ * scale;
          for (int ky = 0; ky < m_kernel; ++ky) {
            float* row = dst + c * inPlane + (oy * m_stride + ky) * m_in.width + ox * m_stride;
            for (int kx = 0; kx < m_kernel; ++kx) row[kx] += share;
          }
        }
      }
    }
  }
}

}  // namespace distlab::engine
