// Lowering a convolution to a matrix product (im2col) and its adjoint (col2im).
#include <algorithm>

#include "nn/conv2d.h"
#include "nn/kernels/kernels.h"
#include "nn/simd.h"

namespace distlab::engine {

using simd::copy16;
using simd::copyFloats;
using simd::kLanes;

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

// The direct path works in "padded-width" rows: an output row is computed padW wide (the last
// padW - outW values are discarded), so every kernel tap is ONE contiguous multiply-add over
// outH * padW values instead of outH short rows. Reads for the discarded values run up to
// kernel - 1 floats past a plane, hence the slack after the last plane.
void Conv2D::padBatch(const Matrix& x) {
  const int inH = m_in.height, inW = m_in.width;
  const int padW = inW + 2 * m_padding, padH = inH + 2 * m_padding;
  const auto plane = static_cast<Eigen::Index>(padH) * padW;
  const auto rows = m_in.channels * plane + m_kernel + kPadSlack;
  // Only the interior is written below; the zero borders and slack survive from the last batch.
  if (m_padded.rows() != rows || m_padded.cols() != x.cols()) m_padded.setZero(rows, x.cols());
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    for (int c = 0; c < m_in.channels; ++c) {
      const float* src = x.col(b).data() + static_cast<std::size_t>(c) * inH * inW;
      float* dst = m_padded.col(b).data() + c * plane + m_padding * padW + m_padding;
      for (int iy = 0; iy < inH; ++iy) copyFloats(dst + iy * padW, src + iy * inW, inW);
    }
  }
}

void Conv2D::cropPadded(Matrix& dx) const {
  const int inH = m_in.height, inW = m_in.width;
  const int padW = inW + 2 * m_padding;
  const int plane = (inH + 2 * m_padding) * padW;
  for (Eigen::Index b = 0; b < dx.cols(); ++b) {
    for (int c = 0; c < m_in.channels; ++c) {
      const float* src = m_dPadded.col(b).data() + c * plane + m_padding * padW + m_padding;
      float* dst = dx.col(b).data() + static_cast<std::size_t>(c) * inH * inW;
      for (int iy = 0; iy < inH; ++iy) copyFloats(dst + iy * inW, src + iy * padW, inW);
    }
  }
}

// Stride-1 im2col of examples [first, first + count) from the zero-padded copy: no bounds
// checks, and rows of up to 16 values are copied as one 16-wide move. The overrun lands on the
// following rows of the same example, which are written right after; rows whose 16 values would
// leave the example are copied exactly.
void Conv2D::im2colPadded(int first, int count) {
  const int outH = m_out.height, outW = m_out.width, pixels = outPixels();
  const int padW = m_in.width + 2 * m_padding;
  const int plane = (m_in.height + 2 * m_padding) * padW;
  m_cols.resize(static_cast<Eigen::Index>(count) * pixels, patchSize());
  const int wideRows =
      outW <= kLanes && pixels >= kLanes ? std::min(outH, (pixels - kLanes) / outW + 1) : 0;
  for (int c = 0; c < m_in.channels; ++c) {
    for (int ky = 0; ky < m_kernel; ++ky) {
      for (int kx = 0; kx < m_kernel; ++kx) {
        float* column = m_cols.col((c * m_kernel + ky) * m_kernel + kx).data();
        const int offset = c * plane + ky * padW + kx;
        for (int b = 0; b < count; ++b) {
          const float* src = m_padded.col(first + b).data() + offset;
          float* dst = column + static_cast<std::size_t>(b) * pixels;
          int oy = 0;
          for (; oy < wideRows; ++oy) copy16(dst + oy * outW, src + oy * padW);
          for (; oy < outH; ++oy) copyFloats(dst + oy * outW, src + oy * padW, outW);
        }
      }
    }
  }
}

// The adjoint of im2colPadded: adds every column entry into m_dPadded (zeroed by the caller).
void Conv2D::col2imPadded(int first, int count) {
  const int outH = m_out.height, outW = m_out.width, pixels = outPixels();
  const int padW = m_in.width + 2 * m_padding;
  const int plane = (m_in.height + 2 * m_padding) * padW;
  const auto addRows = kernels::active().addRows;
  for (int c = 0; c < m_in.channels; ++c) {
    for (int ky = 0; ky < m_kernel; ++ky) {
      for (int kx = 0; kx < m_kernel; ++kx) {
        const float* column = m_cols.col((c * m_kernel + ky) * m_kernel + kx).data();
        const int offset = c * plane + ky * padW + kx;
        for (int b = 0; b < count; ++b) {
          float* dst = m_dPadded.col(first + b).data() + offset;
          addRows(dst, padW, column + static_cast<std::size_t>(b) * pixels, outW, outH);
        }
      }
    }
  }
}

}  // namespace distlab::engine
