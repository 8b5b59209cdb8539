#pragma once
#include <cstddef>
#include <vector>

#include "nn/tensor.h"

namespace distlab::engine {

class Model;

/// The weight gradients of several backward passes, computed in one product each (the
/// "B/W split" of zero-bubble pipelines). Model::backward(dOutput, dInput, stash) computes only
/// the input errors of the layers that can split their backward (Dense) and keeps each one's
/// input and output errors here, column after column; flush() then adds dy x^T (and the bias
/// sum) for all of them at once. A pipeline stage that runs m micro-batches of c columns so
/// reads and writes its weight gradients once instead of m times, in a product with m*c columns
/// that runs near the core's peak instead of one of c.
class WeightGradientStash {
 public:
  /// Sizes the stash for `model`'s splitting layers and at most `columns` columns.
  void prepare(const Model& model, int columns);
  /// Keeps layer `layer`'s input x and output errors dy (same column count) after the columns
  /// kept so far: the rows its addWeightGradient() reads. Throws Error past the prepared
  /// columns.
  void keep(std::size_t layer, const Matrix& x, const Matrix& dy);
  /// Marks the end of one backward pass: its columns are complete in every layer.
  void endPass(int columns);
  /// Adds the kept columns' weight gradients to `model`'s gradient buffer and empties the stash.
  void flush(Model& model);
  int columns() const { return m_columns; }
  /// Bytes of the kept inputs and errors (activation memory a stage holds for its updates).
  std::size_t heldBytes() const;

 private:
  struct Kept {
    Matrix x, dy;  ///< capacity columns; the first m_columns hold the kept passes
    int xRows = 0, dyRows = 0;       ///< the rows keep() takes in
    int xFirst = 0, dyFirst = 0;     ///< the first of them kept (Layer::weightGradientRows)
  };
  std::vector<Kept> m_layers;  ///< by layer index; empty matrices for layers that do not split
  int m_columns = 0;
};

}  // namespace distlab::engine
