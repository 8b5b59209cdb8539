#include "nn/conv2d.h"

#include <algorithm>
#include <new>

#include "core/error.h"

namespace distlab::engine {

std::string Conv2D::describe() const {
  return "Conv2D(" + std::to_string(m_in.channels) + "->" + std::to_string(m_outChannels) + ", " +
         std::to_string(m_kernel) + "x" + std::to_string(m_kernel) + ", stride " +
         std::to_string(m_stride) + ", pad " + std::to_string(m_padding) + ")";
}

Shape Conv2D::configure(const Shape& input) {
  if (m_outChannels < 1 || m_kernel < 1 || m_stride < 1 || m_padding < 0) {
    throw Error("Conv2D needs outChannels >= 1, kernel >= 1, stride >= 1 and padding >= 0");
  }
  m_in = input;
  const int h = input.height + 2 * m_padding - m_kernel;
  const int w = input.width + 2 * m_padding - m_kernel;
  if (h < 0 || w < 0) {
    throw Error("Conv2D kernel " + std::to_string(m_kernel) + " is larger than its padded input " +
                std::to_string(input.height) + "x" + std::to_string(input.width));
  }
  m_out = Shape{m_outChannels, h / m_stride + 1, w / m_stride + 1};
  return m_out;
}

void Conv2D::bind(float* params, float* grads) {
  const auto wSize = static_cast<std::size_t>(m_outChannels) * patchSize();
  new (&m_w) MatrixMap(params, m_outChannels, patchSize());
  new (&m_b) VectorMap(params + wSize, m_outChannels);
  new (&m_dw) MatrixMap(grads, m_outChannels, patchSize());
  new (&m_db) VectorMap(grads + wSize, m_outChannels);
}

void Conv2D::initialize(const Initializer& init, Rng& rng) {
  const int fanOut = m_outChannels * m_kernel * m_kernel;
  init.fillWeights({m_w.data(), static_cast<std::size_t>(m_w.size())}, patchSize(), fanOut, rng);
  init.fillBiases({m_b.data(), static_cast<std::size_t>(m_b.size())}, rng);
}

// Column (c, ky, kx) of m_cols holds, for every (sample, oy, ox), the input value under that
// kernel tap, or 0 in the padding.
void Conv2D::im2col(const Matrix& x) {
  const int batch = static_cast<int>(x.cols());
  const int outH = m_out.height, outW = m_out.width, inH = m_in.height, inW = m_in.width;
  const int pixels = outPixels();
  const int planeSize = inH * inW;
  m_cols.resize(static_cast<Eigen::Index>(batch) * pixels, patchSize());
  for (int c = 0; c < m_in.channels; ++c) {
    for (int ky = 0; ky < m_kernel; ++ky) {
      for (int kx = 0; kx < m_kernel; ++kx) {
        float* column = m_cols.col((c * m_kernel + ky) * m_kernel + kx).data();
        // The ox range whose input column lies inside the image.
        const int oxBegin = std::clamp((m_padding - kx + m_stride - 1) / m_stride, 0, outW);
        const int oxEnd = std::clamp((inW + m_padding - kx + m_stride - 1) / m_stride, oxBegin, outW);
        for (int b = 0; b < batch; ++b) {
          const float* plane = x.col(b).data() + static_cast<std::size_t>(c) * planeSize;
          float* dst = column + static_cast<std::size_t>(b) * pixels;
          for (int oy = 0; oy < outH; ++oy, dst += outW) {
            const int iy = oy * m_stride - m_padding + ky;
            if (iy < 0 || iy >= inH) {
              std::fill(dst, dst + outW, 0.0f);
              continue;
            }
            const float* row = plane + iy * inW;
            for (int ox = 0; ox < oxBegin; ++ox) dst[ox] = 0.0f;
            if (m_stride == 1) {  // contiguous: the compiler vectorises this copy
              const float* __restrict src = row + kx - m_padding;
              for (int ox = oxBegin; ox < oxEnd; ++ox) dst[ox] = src[ox];
            } else {
              for (int ox = oxBegin; ox < oxEnd; ++ox) dst[ox] = row[ox * m_stride - m_padding + kx];
            }
            for (int ox = oxEnd; ox < outW; ++ox) dst[ox] = 0.0f;
          }
        }
      }
    }
  }
}

// The adjoint of im2col: every column entry is added back to the input pixel it was read from.
void Conv2D::col2im(const Matrix& cols, Matrix& dx) const {
  const int batch = static_cast<int>(dx.cols());
  const int outH = m_out.height, outW = m_out.width, inH = m_in.height, inW = m_in.width;
  const int pixels = outPixels();
  const int planeSize = inH * inW;
  dx.setZero();
  for (int c = 0; c < m_in.channels; ++c) {
    for (int ky = 0; ky < m_kernel; ++ky) {
      for (int kx = 0; kx < m_kernel; ++kx) {
        const float* column = cols.col((c * m_kernel + ky) * m_kernel + kx).data();
        const int oxBegin = std::clamp((m_padding - kx + m_stride - 1) / m_stride, 0, outW);
        const int oxEnd = std::clamp((inW + m_padding - kx + m_stride - 1) / m_stride, oxBegin, outW);
        for (int b = 0; b < batch; ++b) {
          float* plane = dx.col(b).data() + static_cast<std::size_t>(c) * planeSize;
          const float* src = column + static_cast<std::size_t>(b) * pixels;
          for (int oy = 0; oy < outH; ++oy, src += outW) {
            const int iy = oy * m_stride - m_padding + ky;
            if (iy < 0 || iy >= inH) continue;
            float* row = plane + iy * inW;
            if (m_stride == 1) {
              float* __restrict dst = row + kx - m_padding;
              for (int ox = oxBegin; ox < oxEnd; ++ox) dst[ox] += src[ox];
            } else {
              for (int ox = oxBegin; ox < oxEnd; ++ox) row[ox * m_stride - m_padding + kx] += src[ox];
            }
          }
        }
      }
    }
  }
}

void Conv2D::forward(const Matrix& x, Matrix& y) {
  if (useDirect()) {
    padBatch(x);
    return directForward(y);
  }
  const int batch = static_cast<int>(x.cols());
  const int pixels = outPixels();
  im2col(x);
  m_pixelOut.resize(m_cols.rows(), m_outChannels);
  m_pixelOut.noalias() = m_cols * m_w.transpose();
  // m_pixelOut is [channel][sample][pixel]; y wants [sample][channel][pixel], plus the bias.
  y.resize(static_cast<Eigen::Index>(m_outChannels) * pixels, batch);
  for (int b = 0; b < batch; ++b) {
    for (int c = 0; c < m_outChannels; ++c) {
      const float* src = m_pixelOut.col(c).data() + static_cast<std::size_t>(b) * pixels;
      float* dst = y.col(b).data() + static_cast<std::size_t>(c) * pixels;
      const float bias = m_b[c];
      for (int p = 0; p < pixels; ++p) dst[p] = src[p] + bias;
    }
  }
}

void Conv2D::backward(const Matrix& /*x*/, const Matrix& /*y*/, const Matrix& dy, Matrix* dx) {
  if (useDirect()) return directBackward(dy, dx);
  const int batch = static_cast<int>(dy.cols());
  const int pixels = outPixels();
  // Reorder dy to [channel][sample][pixel], reusing the forward scratch.
  m_pixelOut.resize(static_cast<Eigen::Index>(batch) * pixels, m_outChannels);
  for (int b = 0; b < batch; ++b) {
    for (int c = 0; c < m_outChannels; ++c) {
      const float* src = dy.col(b).data() + static_cast<std::size_t>(c) * pixels;
      float* dst = m_pixelOut.col(c).data() + static_cast<std::size_t>(b) * pixels;
      for (int p = 0; p < pixels; ++p) dst[p] = src[p];
    }
  }
  m_dw.noalias() += m_pixelOut.transpose() * m_cols;
  m_db += m_pixelOut.colwise().sum().transpose();
  if (dx) {
    // dL/dcols = dY W; it is written into m_cols, whose forward contents dW no longer needs.
    m_cols.noalias() = m_pixelOut * m_w;
    dx->resize(m_in.size(), batch);
    col2im(m_cols, *dx);
  }
}

// The direct path works in "padded-width" rows: an output row is computed padW wide (the last
// padW - outW values are discarded), so every kernel tap is ONE contiguous multiply-add over
// outH * padW values instead of outH short rows. Reads for the discarded values run up to
// kernel - 1 floats past a plane, hence the slack after the last plane.
void Conv2D::padBatch(const Matrix& x) {
  const int inH = m_in.height, inW = m_in.width;
  const int padW = inW + 2 * m_padding, padH = inH + 2 * m_padding;
  const auto plane = static_cast<Eigen::Index>(padH) * padW;
  m_padded.setZero(m_in.channels * plane + m_kernel, x.cols());
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    for (int c = 0; c < m_in.channels; ++c) {
      const float* src = x.col(b).data() + static_cast<std::size_t>(c) * inH * inW;
      float* dst = m_padded.col(b).data() + c * plane + m_padding * padW + m_padding;
      for (int iy = 0; iy < inH; ++iy) std::copy(src + iy * inW, src + (iy + 1) * inW, dst + iy * padW);
    }
  }
}

void Conv2D::directForward(Matrix& y) {
  const int outH = m_out.height, outW = m_out.width, pixels = outPixels();
  const int padW = m_in.width + 2 * m_padding;
  const int plane = (m_in.height + 2 * m_padding) * padW;
  const int span = outH * padW;
  const auto batch = m_padded.cols();
  m_wideRows.resize(span);
  y.resize(static_cast<Eigen::Index>(m_outChannels) * pixels, batch);
  for (Eigen::Index b = 0; b < batch; ++b) {
    for (int co = 0; co < m_outChannels; ++co) {
      m_wideRows.setConstant(m_b[co]);
      for (int ci = 0; ci < m_in.channels; ++ci) {
        for (int ky = 0; ky < m_kernel; ++ky) {
          for (int kx = 0; kx < m_kernel; ++kx) {
            const float w = m_w(co, (ci * m_kernel + ky) * m_kernel + kx);
            const float* in = m_padded.col(b).data() + ci * plane + ky * padW + kx;
            m_wideRows.noalias() += w * Eigen::Map<const Vector>(in, span);
          }
        }
      }
      float* out = y.col(b).data() + static_cast<std::size_t>(co) * pixels;
      for (int oy = 0; oy < outH; ++oy) {
        std::copy_n(m_wideRows.data() + oy * padW, outW, out + oy * outW);
      }
    }
  }
}

void Conv2D::directBackward(const Matrix& dy, Matrix* dx) {
  const int outH = m_out.height, outW = m_out.width, pixels = outPixels();
  const int padW = m_in.width + 2 * m_padding;
  const int plane = (m_in.height + 2 * m_padding) * padW;
  const int span = outH * padW;
  const auto batch = dy.cols();
  if (dx) m_dPadded.setZero(m_padded.rows(), batch);
  m_wideRows.setZero(span);  // dy of one channel in padded-width rows; the extra columns stay 0
  for (Eigen::Index b = 0; b < batch; ++b) {
    for (int co = 0; co < m_outChannels; ++co) {
      const float* g = dy.col(b).data() + static_cast<std::size_t>(co) * pixels;
      for (int oy = 0; oy < outH; ++oy) std::copy_n(g + oy * outW, outW, m_wideRows.data() + oy * padW);
      m_db[co] += Eigen::Map<const Vector>(g, pixels).sum();
      for (int ci = 0; ci < m_in.channels; ++ci) {
        for (int ky = 0; ky < m_kernel; ++ky) {
          for (int kx = 0; kx < m_kernel; ++kx) {
            const int tap = (ci * m_kernel + ky) * m_kernel + kx;
            const int offset = ci * plane + ky * padW + kx;
            m_dw(co, tap) += m_wideRows.dot(Eigen::Map<const Vector>(m_padded.col(b).data() + offset, span));
            if (dx) {
              Eigen::Map<Vector>(m_dPadded.col(b).data() + offset, span).noalias() +=
                  m_w(co, tap) * m_wideRows;
            }
          }
        }
      }
    }
  }
  if (!dx) return;
  const int inH = m_in.height, inW = m_in.width;
  dx->resize(m_in.size(), batch);
  for (Eigen::Index b = 0; b < batch; ++b) {
    for (int c = 0; c < m_in.channels; ++c) {
      const float* src = m_dPadded.col(b).data() + c * plane + m_padding * padW + m_padding;
      float* dst = dx->col(b).data() + static_cast<std::size_t>(c) * inH * inW;
      for (int iy = 0; iy < inH; ++iy) std::copy_n(src + iy * padW, inW, dst + iy * inW);
    }
  }
}

}  // namespace distlab::engine
