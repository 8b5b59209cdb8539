// The direct (no im2col) convolution for stride-1 layers with few taps; see Conv2D.
#include <algorithm>

#include "core/error.h"
#include "nn/conv2d.h"
#include "nn/kernels/kernels.h"
#include "nn/simd.h"

namespace distlab::engine {
namespace {

using simd::copyFloats;
constexpr int kBlock = kernels::kWideBlock;
static_assert(Conv2D::kPadSlack >= kBlock, "the padded input must absorb a block's overrun");

}  // namespace

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

// Register-blocked (kernels::Table::convTaps): a block of outputs of several channels stays in
// registers while all taps are added, so each tap's input loads serve every channel's FMAs.
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
  m_wideRows.resize(static_cast<Eigen::Index>(padded) * m_outChannels);
  if (m_padded.rows() < m_tapOffsets.back() + padded) {
    throw Error("Conv2D: padded input lacks slack (internal error)");
  }
  y.resize(static_cast<Eigen::Index>(m_outChannels) * pixels, batch);
  const auto convTaps = kernels::active().convTaps;
  for (Eigen::Index b = 0; b < batch; ++b) {
    // W(co, tap) at m_w.data()[co + tap * outChannels]; channel co's rows at co * padded.
    convTaps(m_padded.col(b).data(), m_tapOffsets.data(), nullptr, taps, m_w.data(), m_outChannels,
             m_b.data(), m_outChannels, m_wideRows.data(), padded, padded);
    for (int co = 0; co < m_outChannels; ++co) {
      const float* rows = m_wideRows.data() + static_cast<std::size_t>(co) * padded;
      float* out = y.col(b).data() + static_cast<std::size_t>(co) * pixels;
      for (int oy = 0; oy < outH; ++oy) copyFloats(out + oy * outW, rows + oy * padW, outW);
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
  // dy of every channel in padded-width rows; the extra columns and the tails stay 0.
  m_wideRows.setZero(static_cast<Eigen::Index>(padded) * m_outChannels);
  const kernels::Table& wide = kernels::active();
  for (Eigen::Index b = 0; b < batch; ++b) {
    for (int co = 0; co < m_outChannels; ++co) {
      const float* g = dy.col(b).data() + static_cast<std::size_t>(co) * pixels;
      float* rows = m_wideRows.data() + static_cast<std::size_t>(co) * padded;
      for (int oy = 0; oy < outH; ++oy) copyFloats(rows + oy * padW, g + oy * outW, outW);
      m_db[co] += Eigen::Map<const Vector>(g, pixels).sum();
    }
    const float* in = m_padded.col(b).data();
    // dW(co, t) += sum_i g_co[i] * in[offset_t + i]; dW is column-major, so tap t of channel co
    // is at co + t * outChannels.
    wide.convTapsGrad(m_wideRows.data(), padded, m_outChannels, in, m_tapOffsets.data(), taps,
                      m_dw.data(), m_outChannels, kernels::oneRow(padded));
    if (!dx) continue;
    float* d = m_dPadded.col(b).data();
    for (int co = 0; co < m_outChannels; ++co) {
      const float* rows = m_wideRows.data() + static_cast<std::size_t>(co) * padded;
      for (int t = 0; t < taps; ++t) wide.axpyWide(m_w(co, t), rows, d + m_tapOffsets[t], padded);
    }
  }
  if (!dx) return;
  dx->resize(m_in.size(), batch);
  cropPadded(*dx);
}

}  // namespace distlab::engine
