#include "nn/layer.h"

#include "core/error.h"

namespace distlab::engine {

void Layer::backwardInput(const Matrix&, const Matrix&, const Matrix&, Matrix&) {
  throw Error(describe() + " does not split its backward pass");
}

void Layer::addWeightGradient(const float*, const float*, int) {
  throw Error(describe() + " does not split its backward pass");
}

void Layer::forwardR(const Matrix&, const Matrix&, const Matrix&, const float*, Matrix&) {
  throw Error(describe() + " has no second-order pass (Hessian-vector products)");
}

void Layer::backwardR(const SecondOrderPass&) {
  throw Error(describe() + " has no second-order pass (Hessian-vector products)");
}

}  // namespace distlab::engine
