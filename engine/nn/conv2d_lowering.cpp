// Lowering a convolution to a matrix product (im2col) and its adjoint (col2im).
#include <algorithm>

#include "nn/conv2d.h"

namespace distlab::engine {

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
        const int oxEnd =
            std::clamp((inW + m_padding - kx + m_stride - 1) / m_stride, oxBegin, outW);
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
              for (int ox = oxBegin; ox < oxEnd; ++ox)
                dst[ox] = row[ox * m_stride - m_padding + kx];
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
        const int oxEnd =
            std::clamp((inW + m_padding - kx + m_stride - 1) / m_stride, oxBegin, outW);
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
              for (int ox = oxBegin; ox < oxEnd; ++ox)
                row[ox * m_stride - m_padding + kx] += src[ox];
            }
          }
        }
      }
    }
  }
}

}  // namespace distlab::engine
