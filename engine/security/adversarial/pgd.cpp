// Projected gradient descent on the loss (Madry et al. 2018, "Towards deep learning models
// resistant to adversarial attacks"): from a random point of the ball, `steps` ascent steps of
// size `step`, each projected back into the ball and the valid range.
#include "security/adversarial/adversarial_attack.h"

namespace distlab::engine {
namespace {

class Pgd final : public AdversarialAttack {
 public:
  std::string_view name() const override { return "pgd"; }
  void perturb(Model& model, LossKind loss, const Matrix& x, const BatchTargets& targets,
               const PerturbSettings& s, Rng& rng, Matrix& xAdv) const override {
    Matrix delta;
    if (s.randomStart) {
      randomPerturbation(x.rows(), x.cols(), s, rng, delta);
    } else {
      delta = Matrix::Zero(x.rows(), x.cols());
    }
    projectPerturbation(x, s, delta);
    Matrix gradient;
    for (int i = 0; i < s.steps; ++i) {
      xAdv = x + delta;
      lossInputGradient(model, loss, xAdv, targets, gradient);
      ascend(gradient, s, s.step, delta);
      projectPerturbation(x, s, delta);
    }
    xAdv = x + delta;
  }
};

}  // namespace

std::unique_ptr<AdversarialAttack> makePgd() { return std::make_unique<Pgd>(); }

}  // namespace distlab::engine
