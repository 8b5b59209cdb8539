#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <utility>

#include "data/dataset.h"
#include "nn/init.h"
#include "nn/tensor.h"

namespace distlab::engine {

/// One step of a Sequential model. A layer with parameters does not own them: bind() points it at
/// its slice of the model's single flat parameter buffer (and the matching gradient slice), so
/// sending, averaging or checkpointing a model is one span of floats.
///
/// Contract: backward(x, y, dy, dx, mode) follows forward(x, y) on the same x (layers may cache
/// work from the forward pass, e.g. im2col columns); it writes dL/dparams into the gradient buffer
/// (or adds them, with GradientMode::Accumulate) and, when dx is not null, writes dL/dx.
/// Whether backward() replaces the gradient buffer's contents or adds to them (e.g. to sum the
/// gradients of several batches). Overwrite saves a pass that zeroes the buffer.
enum class GradientMode { Overwrite, Accumulate };

/// What a layer's second-order pass reads and writes (Pearlmutter's R-operator, "forward over
/// reverse"): R{v} is the directional derivative of v when the input moves along rx and the
/// parameters along rParams. Given x, y, dy from forward/backward and R{x}, R{y}, R{dy}, the
/// layer writes R{dL/dparams} into rGrads and R{dL/dx} into rdx (when rdx is not null).
struct SecondOrderPass {
  const Matrix& x;
  const Matrix& rx;
  const Matrix& y;
  const Matrix& ry;
  const Matrix& dy;
  const Matrix& rdy;
  const float* rParams;  ///< this layer's slice of the parameter direction
  float* rGrads;         ///< this layer's slice of R{gradient}, overwritten
  Matrix* rdx;
};

class Layer {
 public:
  virtual ~Layer() = default;
  /// Short description, e.g. "Dense(784->256)".
  virtual std::string describe() const = 0;
  /// A new layer of this kind and settings, not yet configured or bound; with outputs > 0 and a
  /// layer that has them (Dense neurons, Conv2D channels), that many outputs instead: a tensor
  /// shard's block of the layer. nullptr for a layer that cannot be copied so.
  virtual std::unique_ptr<Layer> blank(int /*outputs*/ = 0) const { return nullptr; }
  /// Accepts the input shape and returns the output shape; throws Error if the shape is unusable.
  virtual Shape configure(const Shape& input) = 0;
  virtual std::size_t parameterCount() const { return 0; }
  virtual void bind(float* /*params*/, float* /*grads*/) {}
  virtual void initialize(const Initializer& /*init*/, Rng& /*rng*/) {}
  virtual void forward(const Matrix& x, Matrix& y) = 0;
  virtual void backward(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix* dx,
                        GradientMode mode) = 0;

  /// Whether backward() splits into backwardInput() and addWeightGradient(), so the weight
  /// gradients of several passes can be computed later in one product (WeightGradientStash).
  virtual bool splitsWeightGradient() const { return false; }
  /// backward()'s input errors alone: dx = dL/dx; the gradient buffer is not touched.
  virtual void backwardInput(const Matrix& x, const Matrix& y, const Matrix& dy, Matrix& dx);
  /// backward()'s parameter gradients alone, added to the gradient buffer, for `columns`
  /// columns of x and dy: column-major, holding only the rows weightGradientRows() names
  /// (their leading dimensions those row counts).
  virtual void addWeightGradient(const float* x, const float* dy, int columns);
  /// The rows of its input (`input`, of that many rows) or of its output errors that
  /// addWeightGradient() reads, as {first, count}: all of them, unless the layer passes some
  /// through unchanged (nn/dense_rows.h), which need not be kept for it.
  virtual std::pair<int, int> weightGradientRows(bool input, int rows) const {
    (void)input;
    return {0, rows};
  }

  /// Second order, after forward(x, y): ry = R{y} = (dy/dx) rx + (dy/dparams) rParams.
  /// The defaults throw: a layer without these cannot be used for Hessian-vector products.
  virtual void forwardR(const Matrix& x, const Matrix& rx, const Matrix& y, const float* rParams,
                        Matrix& ry);
  /// Second order, after backward(): see SecondOrderPass.
  virtual void backwardR(const SecondOrderPass& pass);
};

}  // namespace distlab::engine
