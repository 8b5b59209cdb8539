// Lesson 8b's attacks and defenses against what they must do: the input gradient and the
// input-gradient penalty's parameter gradient against central finite differences; FGSM and
// PGD raise the loss and keep every perturbation inside its ball and the valid range.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "../nn/nn_test_util.h"
#include "nn/activations.h"
#include "nn/dense.h"
#include "security/adversarial/adversarial_attack.h"
#include "security/adversarial/robust_training.h"

namespace distlab::engine {
namespace {

using testing::randomMatrix;

Model smallNet(std::uint64_t seed) {
  Model model(Shape{6, 1, 1});
  model.add(std::make_unique<Dense>(5));
  model.add(std::make_unique<Tanh>());
  model.add(std::make_unique<Dense>(3));
  model.finalize();
  Rng rng(seed);
  model.initialize(Initializer{InitKind::Uniform, -0.8, 0.8}, rng);
  return model;
}

double lossAt(Model& model, const Matrix& x, const BatchTargets& t) {
  return computeLoss(LossKind::CrossEntropy, model.forward(x), t, nullptr);
}

TEST(AdversarialTest, TheInputGradientMatchesFiniteDifferences) {
  Model model = smallNet(3);
  const Matrix x = randomMatrix(6, 4, 11, 0.0f, 1.0f);
  const std::vector<int> labels = {0, 2, 1, 2};
  const BatchTargets t{labels, nullptr};
  Matrix g;
  lossInputGradient(model, LossKind::CrossEntropy, x, t, g);
  ASSERT_EQ(g.rows(), 6);
  ASSERT_EQ(g.cols(), 4);
  double worst = 0, scale = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    Matrix up = x, down = x;
    up.data()[i] += 1e-2f;
    down.data()[i] -= 1e-2f;
    const double numeric = (lossAt(model, up, t) - lossAt(model, down, t)) / 2e-2;
    worst = std::max(worst, std::abs(numeric - g.data()[i]));
    scale = std::max(scale, std::abs(numeric));
  }
  EXPECT_LT(worst / scale, 1e-2);
}

// The penalised objective J = L + lambda B ||dL/dx||^2: its parameter gradient (one
// Hessian-vector product) against central differences of J computed from first-order passes.
TEST(AdversarialTest, TheInputGradientPenaltysGradientMatchesFiniteDifferences) {
  Model model = smallNet(5);
  const Matrix x = randomMatrix(6, 3, 13, 0.0f, 1.0f);
  const std::vector<int> labels = {1, 0, 2};
  const BatchTargets t{labels, nullptr};
  const double lambda = 0.7;
  const auto objective = [&] {
    Matrix g;
    const double l = lossInputGradient(model, LossKind::CrossEntropy, x, t, g);
    return l + lambda * 3.0 * static_cast<double>(g.cast<double>().squaredNorm());
  };
  const double j = inputGradientPenalty(model, LossKind::CrossEntropy, x, t, lambda);
  EXPECT_NEAR(j, objective(), 1e-5);
  inputGradientPenalty(model, LossKind::CrossEntropy, x, t, lambda);
  const std::vector<float> analytic(model.gradients().begin(), model.gradients().end());
  double worst = 0, scale = 0;
  auto params = model.parameters();
  for (std::size_t k = 0; k < params.size(); ++k) {
    const float keep = params[k];
    params[k] = keep + 1e-2f;
    const double up = objective();
    params[k] = keep - 1e-2f;
    const double down = objective();
    params[k] = keep;
    const double numeric = (up - down) / 2e-2;
    worst = std::max(worst, std::abs(numeric - analytic[k]));
    scale = std::max(scale, std::abs(numeric));
  }
  EXPECT_LT(worst / scale, 2e-2);
  // lambda 0 is the plain gradient.
  inputGradientPenalty(model, LossKind::CrossEntropy, x, t, 0.0);
  const std::vector<float> plain(model.gradients().begin(), model.gradients().end());
  Matrix unused;
  lossInputGradient(model, LossKind::CrossEntropy, x, t, unused);
  for (std::size_t k = 0; k < plain.size(); ++k) EXPECT_FLOAT_EQ(plain[k], model.gradients()[k]);
}

struct AttackCase {
  const char* attack;
  bool l2;
  double epsilon;
};

class AttackBallTest : public ::testing::TestWithParam<AttackCase> {};

TEST_P(AttackBallTest, RaisesTheLossWithinTheBallAndTheRange) {
  const AttackCase c = GetParam();
  Model model = smallNet(7);
  const Matrix x = randomMatrix(6, 64, 17, 0.0f, 1.0f);
  std::vector<int> labels(64);
  for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = static_cast<int>(i % 3);
  const BatchTargets t{labels, nullptr};
  PerturbSettings s;
  s.l2 = c.l2;
  s.epsilon = c.epsilon;
  s.steps = 10;
  s.step = 2.5 * c.epsilon / 10;
  Rng rng(1);
  Matrix adversarial;
  adversarialAttacks().at(c.attack).perturb(model, LossKind::CrossEntropy, x, t, s, rng,
                                            adversarial);
  EXPECT_GT(lossAt(model, adversarial, t), lossAt(model, x, t) + 1e-3);
  const Matrix delta = adversarial - x;
  for (Eigen::Index j = 0; j < delta.cols(); ++j) {
    if (c.l2) {
      EXPECT_LE(delta.col(j).norm(), static_cast<float>(c.epsilon)) << j;
    } else {
      EXPECT_LE(delta.col(j).cwiseAbs().maxCoeff(), static_cast<float>(c.epsilon)) << j;
    }
  }
  EXPECT_GE(adversarial.minCoeff(), 0.0f);
  EXPECT_LE(adversarial.maxCoeff(), 1.0f);
}

INSTANTIATE_TEST_SUITE_P(EveryAttackAndBall, AttackBallTest,
                         ::testing::Values(AttackCase{"fgsm", false, 0.1},
                                           AttackCase{"pgd", false, 0.1},
                                           AttackCase{"fgsm", true, 0.5},
                                           AttackCase{"pgd", true, 0.5},
                                           AttackCase{"pgd", false, 0.3}));

// PGD is at least as strong as FGSM at the same budget (it may take FGSM's step and more).
TEST(AdversarialTest, PgdHurtsAtLeastAsMuchAsFgsm) {
  Model model = smallNet(9);
  const Matrix x = randomMatrix(6, 128, 19, 0.0f, 1.0f);
  std::vector<int> labels(128);
  for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = static_cast<int>((i * 7) % 3);
  const BatchTargets t{labels, nullptr};
  PerturbSettings s;
  s.epsilon = 0.2;
  s.steps = 20;
  s.step = 0.025;
  s.randomStart = false;
  Rng rng(2);
  Matrix fgsm, pgd;
  adversarialAttacks().at("fgsm").perturb(model, LossKind::CrossEntropy, x, t, s, rng, fgsm);
  adversarialAttacks().at("pgd").perturb(model, LossKind::CrossEntropy, x, t, s, rng, pgd);
  EXPECT_GE(lossAt(model, pgd, t), lossAt(model, fgsm, t) - 1e-6);
}

TEST(AdversarialTest, TheTrainingsAreRegisteredAndOnlyNoneIsPlain) {
  EXPECT_EQ(robustTrainings().names(), (std::vector<std::string>{"none", "pgd", "input-gradient"}));
  EXPECT_TRUE(robustTrainings().at("none").plain());
  EXPECT_FALSE(robustTrainings().at("pgd").plain());
  EXPECT_EQ(adversarialAttacks().names(), (std::vector<std::string>{"fgsm", "pgd"}));
}

}  // namespace
}  // namespace distlab::engine
