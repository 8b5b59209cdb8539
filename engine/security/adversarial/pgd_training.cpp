// Adversarial training (Madry et al. 2018): every step crafts PGD examples against the current
// model on the worker's own batch and trains on them instead of the clean batch, the min-max
// problem min_theta E max_delta L(x + delta).
#include "security/adversarial/adversarial_attack.h"
#include "security/adversarial/robust_training.h"

namespace distlab::engine {
namespace {

class PgdTraining final : public RobustTraining {
 public:
  std::string_view name() const override { return "pgd"; }
  double lossAndGradient(Model& model, LossKind loss, const Matrix& x, const BatchTargets& targets,
                         const RobustTrainingSettings& s, Rng& rng) const override {
    Matrix adversarial;  // lives until the backward below, as forward() requires
    adversarialAttacks().at("pgd").perturb(model, loss, x, targets, s.attack, rng, adversarial);
    Matrix dOutput;
    const double value = computeLoss(loss, model.forward(adversarial), targets, &dOutput);
    model.backward(dOutput);
    return value;
  }
};

}  // namespace

std::unique_ptr<RobustTraining> makePgdTraining() { return std::make_unique<PgdTraining>(); }

}  // namespace distlab::engine
