// Analytic inversion (Phong et al., 2017): a first dense layer with bias gives its input back
// exactly, row i of dL/dW_1 over dL/db_1[i]; a batch comes back as one blend of its images.
#include <limits>
#include <memory>

#include "attacks/gradient_attack.h"
#include "core/error.h"

namespace distlab::engine {
namespace {

class Analytic final : public GradientAttack {
 public:
  std::string_view name() const override { return "analytic"; }
  int maxBatch() const override { return std::numeric_limits<int>::max(); }  // it returns a blend
  AttackOutcome run(const AttackTarget& target, int batch, const DlgOptions&) const override {
    const auto input = target.firstLayerInput();
    if (!input) {
      throw Error("privacy.attack: analytic needs a first dense layer; lenet5 starts with a "
                  "convolution");
    }
    AttackOutcome out;
    out.images = MatD(input->size(), batch);
    for (int b = 0; b < batch; ++b) out.images.col(b) = *input;  // one blend for the batch
    out.labels.assign(static_cast<std::size_t>(batch), -1);
    return out;
  }
};

}  // namespace

std::unique_ptr<GradientAttack> makeAnalytic() { return std::make_unique<Analytic>(); }

}  // namespace distlab::engine
