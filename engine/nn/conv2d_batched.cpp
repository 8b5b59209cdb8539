// The batch-inner convolution for stride-1 layers with many taps (LeNet-5's second layer): the
// examples are the vector lanes, so no im2col matrix is built, packed or scattered back.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

#include "core/error.h"
#include "nn/conv2d.h"
#include "nn/kernels/kernels.h"

namespace distlab::engine {
namespace {

// Examples per block: one block is the lanes of every vector the kernels load.
constexpr int kBlock = kernels::kWideBlock;

int blocksOf(Eigen::Index batch) { return static_cast<int>((batch + kBlock - 1) / kBlock); }

// Rows are moved a tile at a time: the tile's lines of the blocked side (kTile x 256 bytes) stay
// in L1 while every example passes, instead of one line touched per float.
constexpr int kTile = 16;

// dst[at(i) + b] = column first + b of m, row i, for b < count.
template <class At>
void toLanes(const Matrix& m, Eigen::Index first, Eigen::Index count, float* dst, At at) {
  const auto rows = m.rows();
  for (Eigen::Index i0 = 0; i0 < rows; i0 += kTile) {
    const auto i1 = std::min(rows, i0 + kTile);
    for (Eigen::Index b = 0; b < count; ++b) {
      const float* src = m.col(first + b).data();
      for (auto i = i0; i < i1; ++i) dst[at(i) + b] = src[i];
    }
  }
}

// Column first + b of m, row i = src[i * kBlock + b], for b < count.
void fromLanes(const float* src, Eigen::Index first, Eigen::Index count, Matrix& m) {
  const auto rows = m.rows();
  for (Eigen::Index i0 = 0; i0 < rows; i0 += kTile) {
    const auto i1 = std::min(rows, i0 + kTile);
    for (Eigen::Index b = 0; b < count; ++b) {
      float* dst = m.col(first + b).data();
      for (auto i = i0; i < i1; ++i) dst[i] = src[i * kBlock + b];
    }
  }
}

}  // namespace

// Forward taps as offsets from an output pixel's corner in the padded, blocked input; and for
// every input pixel the output pixels and weights that reach it (dx gathers only those, so no
// product is spent on padding).
void Conv2D::prepareBatched() {
  const int padW = m_in.width + 2 * m_padding, padH = m_in.height + 2 * m_padding;
  const int outH = m_out.height, outW = m_out.width, k = m_kernel;
  // Offsets are ints, in floats of a block (64 examples): both sides of a block must fit.
  const auto largest = std::max<std::int64_t>(std::int64_t{m_in.channels} * padH * padW,
                                              std::int64_t{m_outChannels} * outH * outW) *
                       kBlock;
  if (largest > std::numeric_limits<int>::max()) {
    throw Error("Conv2D: " + std::to_string(largest / kBlock) +
                " values an example are too many for the batch-inner path");
  }
  m_blocked = AlignedFloats{};  // a new layout's borders must start at 0
  m_tapOffsets.resize(patchSize());
  for (int ci = 0; ci < m_in.channels; ++ci)
    for (int ky = 0; ky < k; ++ky)
      for (int kx = 0; kx < k; ++kx)
        m_tapOffsets[(ci * k + ky) * k + kx] = ((ci * padH + ky) * padW + kx) * kBlock;
  m_inRowAt.resize(m_in.size());
  for (int c = 0, i = 0; c < m_in.channels; ++c)
    for (int iy = 0; iy < m_in.height; ++iy)
      for (int ix = 0; ix < m_in.width; ++ix)
        m_inRowAt[i++] = ((c * padH + iy + m_padding) * padW + ix + m_padding) * kBlock;
  m_gatherStart.assign(1, 0);
  m_gatherOffsets.clear();
  m_gatherRows.clear();
  for (int iy = 0; iy < m_in.height; ++iy) {
    for (int ix = 0; ix < m_in.width; ++ix) {
      for (int co = 0; co < m_outChannels; ++co) {
        for (int ky = 0; ky < k; ++ky) {
          const int oy = iy + m_padding - ky;
          if (oy < 0 || oy >= outH) continue;
          for (int kx = 0; kx < k; ++kx) {
            const int ox = ix + m_padding - kx;
            if (ox < 0 || ox >= outW) continue;
            m_gatherOffsets.push_back(((co * outH + oy) * outW + ox) * kBlock);
            m_gatherRows.push_back((co * k + ky) * k + kx);
          }
        }
      }
      m_gatherStart.push_back(static_cast<int>(m_gatherOffsets.size()));
    }
  }
}

// Example b of x goes to lane b % kBlock of block b / kBlock, inside the zero border.
void Conv2D::blockInput(const Matrix& x) {
  const int inH = m_in.height, inW = m_in.width;
  const int padW = inW + 2 * m_padding, padH = inH + 2 * m_padding;
  const auto blockSize = static_cast<Eigen::Index>(m_in.channels) * padH * padW * kBlock;
  const auto size = static_cast<std::size_t>(blockSize * blocksOf(x.cols()));
  // Borders and unused lanes must be 0; the interior of the used lanes is rewritten below.
  if (m_blocked.size() != size || x.cols() % kBlock != 0) m_blocked.setZero(size);
  for (int blk = 0; blk < blocksOf(x.cols()); ++blk) {
    const auto first = static_cast<Eigen::Index>(blk) * kBlock;
    toLanes(x, first, std::min<Eigen::Index>(kBlock, x.cols() - first),
            m_blocked.data() + blk * blockSize, [&](Eigen::Index i) { return m_inRowAt[i]; });
  }
}

void Conv2D::batchedForward(const Matrix& x, Matrix& y) {
  blockInput(x);
  const int padW = m_in.width + 2 * m_padding, padH = m_in.height + 2 * m_padding;
  const int outW = m_out.width, pixels = outPixels();
  const auto blockSize = static_cast<Eigen::Index>(m_in.channels) * padH * padW * kBlock;
  const auto batch = x.cols();
  y.resize(static_cast<Eigen::Index>(m_outChannels) * pixels, batch);
  m_blockOut.resize(static_cast<std::size_t>(m_outChannels) * pixels * kBlock);
  const auto convTaps = kernels::active().convTaps;
  for (int blk = 0; blk < blocksOf(batch); ++blk) {
    const float* in = m_blocked.data() + blk * blockSize;
    for (int p = 0; p < pixels; ++p) {
      const int corner = ((p / outW) * padW + p % outW) * kBlock;
      convTaps(in + corner, m_tapOffsets.data(), nullptr, patchSize(), m_w.data(), m_outChannels,
               m_b.data(), m_outChannels, m_blockOut.data() + p * kBlock, pixels * kBlock, kBlock);
    }
    const auto first = static_cast<Eigen::Index>(blk) * kBlock;
    fromLanes(m_blockOut.data(), first, std::min<Eigen::Index>(kBlock, batch - first), y);
  }
}

void Conv2D::batchedBackward(const Matrix& dy, Matrix* dx) {
  const int padW = m_in.width + 2 * m_padding, padH = m_in.height + 2 * m_padding;
  const int outH = m_out.height, outW = m_out.width, pixels = outPixels();
  const int inPixels = m_in.height * m_in.width;
  const auto blockSize = static_cast<Eigen::Index>(m_in.channels) * padH * padW * kBlock;
  const auto batch = dy.cols();
  const kernels::Table& wide = kernels::active();
  m_blockOut.resize(static_cast<std::size_t>(dy.rows()) * kBlock);
  if (dx) {
    dx->resize(m_in.size(), batch);
    m_blockIn.resize(static_cast<std::size_t>(m_in.size()) * kBlock);
    // W^T: the weights of output channel co, tap t for input channel ci at ci + row * inChannels,
    // row = co * k * k + (ky * k + kx), which is what the gather lists name.
    const int kk = m_kernel * m_kernel;
    m_wT.resize(static_cast<Eigen::Index>(m_outChannels) * kk * m_in.channels);
    for (int co = 0; co < m_outChannels; ++co)
      for (int ci = 0; ci < m_in.channels; ++ci)
        for (int t = 0; t < kk; ++t)
          m_wT[(co * kk + t) * m_in.channels + ci] = m_w(co, ci * kk + t);
  }
  for (int blk = 0; blk < blocksOf(batch); ++blk) {
    const auto first = static_cast<Eigen::Index>(blk) * kBlock;
    const auto count = std::min<Eigen::Index>(kBlock, batch - first);
    if (count < kBlock) m_blockOut.setZero();  // lanes without an example add nothing to dW
    toLanes(dy, first, count, m_blockOut.data(), [](Eigen::Index i) { return i * kBlock; });
    for (int co = 0; co < m_outChannels; ++co) {
      m_db[co] += dy.block(static_cast<Eigen::Index>(co) * pixels, first, pixels, count).sum();
    }
    const float* in = m_blocked.data() + blk * blockSize;
    wide.convTapsGrad(m_blockOut.data(), pixels * kBlock, m_outChannels, in, m_tapOffsets.data(),
                      patchSize(), m_dw.data(), m_outChannels,
                      kernels::GradRows{outH, outW * kBlock, outW * kBlock, padW * kBlock});
    if (!dx) continue;
    for (int p = 0; p < inPixels; ++p) {
      const int from = m_gatherStart[p], taps = m_gatherStart[p + 1] - from;
      wide.convTaps(m_blockOut.data(), m_gatherOffsets.data() + from, m_gatherRows.data() + from,
                    taps, m_wT.data(), m_in.channels, nullptr, m_in.channels,
                    m_blockIn.data() + p * kBlock, inPixels * kBlock, kBlock);
    }
    fromLanes(m_blockIn.data(), first, count, *dx);
  }
}

}  // namespace distlab::engine
