#include "nn/conv2d.h"

#include <algorithm>
#include <new>

#include "core/error.h"
#include "nn/gemm.h"

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
  if (m_stride == 1 && !useDirect()) prepareBatched();
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

void Conv2D::forward(const Matrix& x, Matrix& y) {
  if (useDirect()) {
    padBatch(x);
    return directForward(y);
  }
  if (useBatched(x.cols())) return batchedForward(x, y);
  const int batch = static_cast<int>(x.cols());
  y.resize(static_cast<Eigen::Index>(m_outChannels) * outPixels(), batch);
  if (batch == 0) return;  // BLAS refuses a leading dimension of 0
  im2col(x);
  lowerForward(y);
}

// y from m_cols (the whole batch is lowered).
void Conv2D::lowerForward(Matrix& y) {
  const auto count = y.cols();
  const int pixels = outPixels();
  const auto rows = static_cast<int>(m_cols.rows());
  m_pixelOut.resize(rows, m_outChannels);
  gemm(false, true, rows, m_outChannels, patchSize(), 1.0f, m_cols.data(), rows, m_w.data(),
       m_outChannels, 0.0f, m_pixelOut.data(), rows);
  // m_pixelOut is [channel][example][pixel]; y wants [example][channel][pixel], plus the bias.
  for (int b = 0; b < count; ++b) {
    for (int c = 0; c < m_outChannels; ++c) {
      const float* src = m_pixelOut.col(c).data() + static_cast<std::size_t>(b) * pixels;
      float* dst = y.col(b).data() + static_cast<std::size_t>(c) * pixels;
      const float bias = m_b[c];
      for (int p = 0; p < pixels; ++p) dst[p] = src[p] + bias;
    }
  }
}

void Conv2D::backward(const Matrix& /*x*/, const Matrix& /*y*/, const Matrix& dy, Matrix* dx,
                      GradientMode mode) {
  if (mode == GradientMode::Overwrite) {  // tiny next to the products below
    m_dw.setZero();
    m_db.setZero();
  }
  if (useDirect()) return directBackward(dy, dx);
  if (useBatched(dy.cols())) return batchedBackward(dy, dx);
  const int batch = static_cast<int>(dy.cols());
  if (dx) dx->resize(m_in.size(), batch);
  if (batch == 0) return;  // BLAS refuses a leading dimension of 0
  lowerBackward(dy, dx != nullptr);
  if (dx) col2im(m_cols, *dx);
}

// dW and db from m_cols; with wantInput, m_cols is then overwritten by dL/dcols = dY W (dW no
// longer needs it).
void Conv2D::lowerBackward(const Matrix& dy, bool wantInput) {
  const auto count = dy.cols();
  const int pixels = outPixels();
  const auto rows = static_cast<int>(m_cols.rows());
  // Reorder dy to [channel][example][pixel], reusing the forward scratch.
  m_pixelOut.resize(rows, m_outChannels);
  for (int b = 0; b < count; ++b) {
    for (int c = 0; c < m_outChannels; ++c) {
      const float* src = dy.col(b).data() + static_cast<std::size_t>(c) * pixels;
      float* dst = m_pixelOut.col(c).data() + static_cast<std::size_t>(b) * pixels;
      for (int p = 0; p < pixels; ++p) dst[p] = src[p];
    }
  }
  gemm(true, false, m_outChannels, patchSize(), rows, 1.0f, m_pixelOut.data(), rows, m_cols.data(),
       rows, 1.0f, m_dw.data(), m_outChannels);
  m_db += m_pixelOut.colwise().sum().transpose();
  if (wantInput) {
    gemm(false, false, rows, patchSize(), m_outChannels, 1.0f, m_pixelOut.data(), rows, m_w.data(),
         m_outChannels, 0.0f, m_cols.data(), rows);
  }
}

}  // namespace distlab::engine
