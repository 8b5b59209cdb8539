// The gradient attacks through their registry, on the targets they accept and refuse.
#include <gtest/gtest.h>

#include "../test_support.h"
#include "attacks/gradient_attack.h"
#include "core/strategy_names.h"

namespace distlab::engine {
namespace {

struct Victim {
  AttackMlp model;
  MatD x;
  MlpGradient shared;
};

Victim victim(int batch) {
  Rng rng(5);
  Victim v{AttackMlp::random({16, 12, 4}, "sigmoid", 0.5, rng), MatD(16, batch), {}};
  v.x.setRandom();
  v.x = (v.x.array() + 1.0) / 2.0;
  MatD y = MatD::Zero(4, batch);
  for (int b = 0; b < batch; ++b) y(b % 4, b) = 1.0;
  v.shared = mlpGradient(v.model, v.x, y);
  return v;
}

TEST(AttacksTest, TheAnalyticInversionGivesASingleImageBackExactly) {
  EXPECT_EQ(attackNames(), (std::vector<std::string>{"dlg", "idlg", "analytic"}));
  const Victim v = victim(1);
  const AttackOutcome out =
      gradientAttacks().at("analytic").run(*mlpTarget(v.model, v.shared), 1, DlgOptions{});
  ASSERT_EQ(out.images.cols(), 1);
  EXPECT_LT((out.images.col(0) - v.x.col(0)).norm(), 1e-9);
  EXPECT_EQ(out.labels, (std::vector<int>{-1}));  // it recovers no label
}

TEST(AttacksTest, IdlgReadsTheLabelFirstAndDlgLearnsItWithTheImage) {
  const Victim v = victim(1);
  DlgOptions o;
  o.iterations = 200;
  const auto target = mlpTarget(v.model, v.shared);
  const AttackOutcome idlg = gradientAttacks().at("idlg").run(*target, 1, o);
  EXPECT_EQ(idlg.labels, (std::vector<int>{0}));
  EXPECT_LT((idlg.images.col(0) - v.x.col(0)).norm(), 1e-3);
  const AttackOutcome dlg = gradientAttacks().at("dlg").run(*target, 1, o);
  EXPECT_EQ(dlg.labels, (std::vector<int>{0}));
  EXPECT_GT(dlg.evaluations, 0);
}

TEST(AttacksTest, AnAttackRefusesWhatItCannotDoNamingTheField) {
  const Victim two = victim(2);
  const auto target = mlpTarget(two.model, two.shared);
  EXPECT_NE(testing::errorOf([&] { gradientAttacks().at("idlg").run(*target, 2, DlgOptions{}); })
                .find("privacy.attack: idlg reads one label"),
            std::string::npos);
  Rng rng(1);
  const AttackNet net = AttackNet::lenet(10, 0.5, rng);
  MatD x = MatD::Constant(784, 1, 0.5), y = MatD::Zero(10, 1);
  y(3, 0) = 1;
  const auto convolutional = netTarget(net, netGradient(net, x, y));
  EXPECT_NE(testing::errorOf([&] {
              gradientAttacks().at("analytic").run(*convolutional, 1, DlgOptions{});
            }).find("analytic needs a first dense layer"),
            std::string::npos);
  EXPECT_EQ(gradientAttacks().at("analytic").maxBatch(), std::numeric_limits<int>::max());
  EXPECT_EQ(gradientAttacks().at("dlg").maxBatch(), 8);
}

}  // namespace
}  // namespace distlab::engine
