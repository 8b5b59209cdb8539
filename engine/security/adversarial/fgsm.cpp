// The fast gradient sign method (Goodfellow, Shlens & Szegedy 2015): one step of the whole
// budget along the sign of the input gradient (or, in L2, along the gradient's direction).
#include "security/adversarial/adversarial_attack.h"

namespace distlab::engine {
namespace {

class Fgsm final : public AdversarialAttack {
 public:
  std::string_view name() const override { return "fgsm"; }
  void perturb(Model& model, LossKind loss, const Matrix& x, const BatchTargets& targets,
               const PerturbSettings& s, Rng&, Matrix& xAdv) const override {
    Matrix gradient;
    lossInputGradient(model, loss, x, targets, gradient);
    Matrix delta = Matrix::Zero(x.rows(), x.cols());
    ascend(gradient, s, s.epsilon, delta);
    projectPerturbation(x, s, delta);
    xAdv = x + delta;
  }
};

}  // namespace

std::unique_ptr<AdversarialAttack> makeFgsm() { return std::make_unique<Fgsm>(); }

}  // namespace distlab::engine
