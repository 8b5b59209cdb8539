#include "nn/layer.h"

#include "core/error.h"

namespace distlab::engine {

void Layer::forwardR(const Matrix&, const Matrix&, const Matrix&, const float*, Matrix&) {
  throw Error(describe() + " has no second-order pass (Hessian-vector products)");
}

void Layer::backwardR(const SecondOrderPass&) {
  throw Error(describe() + " has no second-order pass (Hessian-vector products)");
}

}  // namespace distlab::engine
