// The direct (no im2col) convolution for stride-1 layers with few taps; see Conv2D.
#include <algorithm>

#include "core/error.h"
#include "nn/conv2d.h"
#include "nn/simd.h"

namespace distlab::engine {
namespace {

using simd::copyFloats;
using simd::Float16;
using simd::kLanes;
using simd::load16;
using simd::store16;
constexpr int kBlock = 4 * kLanes;  // four independent accumulators hide the FMA latency
static_assert(Conv2D::kPadSlack >= kBlock, "the padded input must absorb a block's overrun");

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
      for (int oy = 0; oy < outH; ++oy)
        copyFloats(out + oy * outW, m_wideRows.data() + oy * padW, outW);
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
      for (int oy = 0; oy < outH; ++oy)
        copyFloats(m_wideRows.data() + oy * padW, g + oy * outW, outW);
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

}  // namespace distlab::engine
