#include "nn/conv2d.h"

#include <algorithm>
#ifdef __AVX512F__
#include <immintrin.h>
#endif
#include <cstring>
#include <vector>
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
  if (m_stride == 1) {
    padBatch(x);
    im2colPadded();
  } else {
    im2col(x);
  }
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
    if (m_stride == 1) {
      col2imPadded();
      cropPadded(*dx);
    } else {
      col2im(m_cols, *dx);
    }
  }
}

constexpr int kLanesSlack = 64;  // four registers of overrun for the blocked loops below

// The direct path works in "padded-width" rows: an output row is computed padW wide (the last
// padW - outW values are discarded), so every kernel tap is ONE contiguous multiply-add over
// outH * padW values instead of outH short rows. Reads for the discarded values run up to
// kernel - 1 floats past a plane, hence the slack after the last plane.
void Conv2D::padBatch(const Matrix& x) {
  const int inH = m_in.height, inW = m_in.width;
  const int padW = inW + 2 * m_padding, padH = inH + 2 * m_padding;
  const auto plane = static_cast<Eigen::Index>(padH) * padW;
  m_padded.setZero(m_in.channels * plane + m_kernel + kLanesSlack, x.cols());
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    for (int c = 0; c < m_in.channels; ++c) {
      const float* src = x.col(b).data() + static_cast<std::size_t>(c) * inH * inW;
      float* dst = m_padded.col(b).data() + c * plane + m_padding * padW + m_padding;
      for (int iy = 0; iy < inH; ++iy) std::copy(src + iy * inW, src + (iy + 1) * inW, dst + iy * padW);
    }
  }
}

namespace {

// 16 floats, one AVX-512 register (GCC/Clang lower it to narrower registers elsewhere).
// aligned(4) makes loads and stores through it unaligned-safe.
using Float16 = float __attribute__((vector_size(64), aligned(4)));
constexpr int kLanes = 16;
constexpr int kBlock = 4 * kLanes;  // four independent accumulators hide the FMA latency

Float16 load16(const float* p) {
  Float16 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

void store16(float* p, Float16 v) { std::memcpy(p, &v, sizeof v); }

}  // namespace

// Register-blocked: 64 outputs of one channel stay in four registers while all taps are added,
// so each tap costs four loads and four independent FMAs.
void Conv2D::directForward(Matrix& y) {
  const int outH = m_out.height, outW = m_out.width, pixels = outPixels();
  const int padW = m_in.width + 2 * m_padding;
  const int plane = (m_in.height + 2 * m_padding) * padW;
  const int span = outH * padW;
  const int taps = patchSize();
  const auto batch = m_padded.cols();
  m_tapOffsets.resize(taps);
  for (int ci = 0; ci < m_in.channels; ++ci) {
    for (int ky = 0; ky < m_kernel; ++ky) {
      for (int kx = 0; kx < m_kernel; ++kx) {
        m_tapOffsets[(ci * m_kernel + ky) * m_kernel + kx] = ci * plane + ky * padW + kx;
      }
    }
  }
  // Wide rows are padded up to whole blocks; the padded input has slack for the overrun.
  const int padded = (span + kBlock - 1) / kBlock * kBlock;
  m_wideRows.resize(padded);
  if (m_padded.rows() < m_tapOffsets.back() + padded) {
    throw Error("Conv2D: padded input lacks slack (internal error)");
  }
  y.resize(static_cast<Eigen::Index>(m_outChannels) * pixels, batch);
  for (Eigen::Index b = 0; b < batch; ++b) {
    const float* in = m_padded.col(b).data();
    for (int co = 0; co < m_outChannels; ++co) {
      const float* w = m_w.data() + co;  // W(co, tap) at w[tap * outChannels]
      for (int block = 0; block < padded; block += kBlock) {
        Float16 a0 = Float16{} + m_b[co], a1 = a0, a2 = a0, a3 = a0;
        for (int t = 0; t < taps; ++t) {
          const float wt = w[t * m_outChannels];
          const float* src = in + m_tapOffsets[t] + block;
          a0 += wt * load16(src);
          a1 += wt * load16(src + kLanes);
          a2 += wt * load16(src + 2 * kLanes);
          a3 += wt * load16(src + 3 * kLanes);
        }
        float* dst = m_wideRows.data() + block;
        store16(dst, a0);
        store16(dst + kLanes, a1);
        store16(dst + 2 * kLanes, a2);
        store16(dst + 3 * kLanes, a3);
      }
      float* out = y.col(b).data() + static_cast<std::size_t>(co) * pixels;
      for (int oy = 0; oy < outH; ++oy) std::copy_n(m_wideRows.data() + oy * padW, outW, out + oy * outW);
    }
  }
}

void Conv2D::directBackward(const Matrix& dy, Matrix* dx) {
  const int outH = m_out.height, outW = m_out.width, pixels = outPixels();
  const int padW = m_in.width + 2 * m_padding;
  const int span = outH * padW;
  const int taps = patchSize();
  const int padded = (span + kBlock - 1) / kBlock * kBlock;
  const auto batch = dy.cols();
  if (dx) m_dPadded.setZero(m_padded.rows(), batch);
  // dy of one channel in padded-width rows; the extra columns and the tail stay 0.
  m_wideRows.setZero(padded);
  for (int co = 0; co < m_outChannels; ++co) {
    float biasSum = 0.0f;
    for (Eigen::Index b = 0; b < batch; ++b) {
      const float* g = dy.col(b).data() + static_cast<std::size_t>(co) * pixels;
      for (int oy = 0; oy < outH; ++oy) std::copy_n(g + oy * outW, outW, m_wideRows.data() + oy * padW);
      biasSum += Eigen::Map<const Vector>(g, pixels).sum();
      const float* in = m_padded.col(b).data();
      // dW(co, t) = sum_i g[i] * in[offset_t + i], with 64 partial sums in four registers.
      for (int t = 0; t < taps; ++t) {
        const float* src = in + m_tapOffsets[t];
        const float* gs = m_wideRows.data();
        Float16 a0{}, a1{}, a2{}, a3{};
        for (int block = 0; block < padded; block += kBlock) {
          a0 += load16(gs + block) * load16(src + block);
          a1 += load16(gs + block + kLanes) * load16(src + block + kLanes);
          a2 += load16(gs + block + 2 * kLanes) * load16(src + block + 2 * kLanes);
          a3 += load16(gs + block + 3 * kLanes) * load16(src + block + 3 * kLanes);
        }
        const Float16 sum = (a0 + a1) + (a2 + a3);
        float total = 0.0f;
        for (int l = 0; l < kLanes; ++l) total += sum[l];
        m_dw(co, t) += total;
      }
      if (dx) {
        float* d = m_dPadded.col(b).data();
        for (int t = 0; t < taps; ++t) {
          const float w = m_w(co, t);
          for (int chunk = 0; chunk < padded; chunk += kLanes) {
            float* p = d + m_tapOffsets[t] + chunk;
            store16(p, load16(p) + w * load16(m_wideRows.data() + chunk));
          }
        }
      }
    }
    m_db[co] += biasSum;
  }
  if (!dx) return;
  dx->resize(m_in.size(), batch);
  cropPadded(*dx);
}

void Conv2D::cropPadded(Matrix& dx) const {
  const int inH = m_in.height, inW = m_in.width;
  const int padW = inW + 2 * m_padding;
  const int plane = (inH + 2 * m_padding) * padW;
  for (Eigen::Index b = 0; b < dx.cols(); ++b) {
    for (int c = 0; c < m_in.channels; ++c) {
      const float* src = m_dPadded.col(b).data() + c * plane + m_padding * padW + m_padding;
      float* dst = dx.col(b).data() + static_cast<std::size_t>(c) * inH * inW;
      for (int iy = 0; iy < inH; ++iy) std::copy_n(src + iy * padW, inW, dst + iy * inW);
    }
  }
}

// Stride-1 im2col from the zero-padded copy: no bounds checks, and rows of up to 16 values are
// copied as one 16-wide move (the overrun lands on the next row, which is written right after;
// the last row of each run is copied exactly).
void Conv2D::im2colPadded() {
  const int outH = m_out.height, outW = m_out.width, pixels = outPixels();
  const int padW = m_in.width + 2 * m_padding;
  const int plane = (m_in.height + 2 * m_padding) * padW;
  const auto batch = m_padded.cols();
  m_cols.resize(batch * pixels, patchSize());
  for (int c = 0; c < m_in.channels; ++c) {
    for (int ky = 0; ky < m_kernel; ++ky) {
      for (int kx = 0; kx < m_kernel; ++kx) {
        float* column = m_cols.col((c * m_kernel + ky) * m_kernel + kx).data();
        const int offset = c * plane + ky * padW + kx;
        for (Eigen::Index b = 0; b < batch; ++b) {
          const float* src = m_padded.col(b).data() + offset;
          float* dst = column + b * pixels;
          int oy = 0;
          if (outW <= kLanes) {
            for (; oy + 1 < outH; ++oy) store16(dst + oy * outW, load16(src + oy * padW));
          }
          for (; oy < outH; ++oy) std::copy_n(src + oy * padW, outW, dst + oy * outW);
        }
      }
    }
  }
}

// The adjoint of im2colPadded: adds every column entry into m_dPadded.
void Conv2D::col2imPadded() {
  const int outH = m_out.height, outW = m_out.width, pixels = outPixels();
  const int padW = m_in.width + 2 * m_padding;
  const int plane = (m_in.height + 2 * m_padding) * padW;
  const auto batch = m_padded.cols();
  m_dPadded.setZero(m_padded.rows(), batch);
#ifdef __AVX512F__
  const __mmask16 mask = outW < kLanes ? static_cast<__mmask16>((1u << outW) - 1) : 0xffff;
#endif
  for (int c = 0; c < m_in.channels; ++c) {
    for (int ky = 0; ky < m_kernel; ++ky) {
      for (int kx = 0; kx < m_kernel; ++kx) {
        const float* column = m_cols.col((c * m_kernel + ky) * m_kernel + kx).data();
        const int offset = c * plane + ky * padW + kx;
        for (Eigen::Index b = 0; b < batch; ++b) {
          float* dst = m_dPadded.col(b).data() + offset;
          const float* src = column + b * pixels;
#ifdef __AVX512F__
          if (outW <= kLanes) {
            // One masked add per row. Even rows first, then odd ones: adjacent rows share a
            // 64-byte span, and a load right after an overlapping masked store stalls.
            for (int start = 0; start < 2; ++start) {
              for (int oy = start; oy < outH; oy += 2) {
                float* d = dst + oy * padW;
                _mm512_mask_storeu_ps(d, mask, _mm512_add_ps(_mm512_maskz_loadu_ps(mask, d),
                                                             _mm512_maskz_loadu_ps(mask, src + oy * outW)));
              }
            }
            continue;
          }
#endif
          for (int oy = 0; oy < outH; ++oy) {
            float* d = dst + oy * padW;
            const float* sp = src + oy * outW;
            for (int ox = 0; ox < outW; ++ox) d[ox] += sp[ox];
          }
        }
      }
    }
  }
}

}  // namespace distlab::engine
