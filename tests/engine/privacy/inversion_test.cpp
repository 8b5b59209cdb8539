// Gradient inversion on real Fashion-MNIST images: the double backward against finite
// differences, iDLG's label, the analytic first-layer inversion, and DLG with L-BFGS.
#include <cmath>

#include <gtest/gtest.h>

#include "../test_support.h"
#include "dlg_gradient_check.h"

#include "core/spec.h"
#include "data/load.h"
#include "attacks/inversion.h"

namespace distlab::engine {
namespace {

double crossEntropy(const AttackMlp& m, const MatD& x, const MatD& y) {
  MatD a = x;
  for (std::size_t l = 0; l < m.weights.size(); ++l) {
    MatD z = (m.weights[l] * a).colwise() + m.biases[l];
    if (l + 1 == m.weights.size()) {
      const MatD p = softmaxColumnsD(z);
      double sum = 0;  // scalar logs: GCC 12 warns inside Eigen's vectorized double log
      for (Eigen::Index i = 0; i < p.size(); ++i) sum -= y.data()[i] * std::log(p.data()[i]);
      return sum / static_cast<double>(x.cols());
    }
    if (m.activation == "sigmoid") a = (1.0 / (1.0 + (-z.array()).exp())).matrix();
    if (m.activation == "tanh") a = z.array().tanh().matrix();
    if (m.activation == "softplus") a = z.unaryExpr([](double v) { return std::log1p(std::exp(v)); });
  }
  return 0;
}

MatD randomMatrix(int rows, int cols, Rng& rng, double low = -1, double high = 1) {
  MatD m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(low, high);
  return m;
}

TEST(InversionTest, TheParameterGradientMatchesFiniteDifferencesOfTheLoss) {
  Rng rng(1);
  const AttackMlp m = AttackMlp::random({6, 5, 4, 3}, "sigmoid", 0.8, rng);
  const MatD x = randomMatrix(6, 2, rng, 0, 1);
  const MatD y = softmaxColumnsD(randomMatrix(3, 2, rng));
  const MlpGradient g = mlpGradient(m, x, y);
  const double h = 1e-6;
  for (std::size_t l = 0; l < m.weights.size(); ++l) {
    for (Eigen::Index i = 0; i < m.weights[l].size(); ++i) {
      AttackMlp up = m, down = m;
      up.weights[l].data()[i] += h;
      down.weights[l].data()[i] -= h;
      const double numeric = (crossEntropy(up, x, y) - crossEntropy(down, x, y)) / (2 * h);
      EXPECT_NEAR(g.weights[l].data()[i], numeric, 1e-8) << l << " " << i;
    }
  }
}

class DlgObjectiveTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DlgObjectiveTest, ItsInputAndLabelGradientsMatchCentralFiniteDifferences) {
  Rng rng(2);
  const AttackMlp m = AttackMlp::random({7, 6, 5, 4}, GetParam(), 0.9, rng);
  const MlpGradient target =
      mlpGradient(m, randomMatrix(7, 2, rng, 0, 1), softmaxColumnsD(randomMatrix(4, 2, rng)));
  const MatD x = randomMatrix(7, 2, rng, 0, 1), labels = randomMatrix(4, 2, rng);
  const MlpGradient dummy = mlpGradient(m, x, softmaxColumnsD(labels));
  double dot = 0, dd = 0, tt = 0;  // the cosine distance, term by term
  for (std::size_t l = 0; l < dummy.weights.size(); ++l) {
    dot += dummy.weights[l].cwiseProduct(target.weights[l]).sum() + dummy.biases[l].dot(target.biases[l]);
    dd += dummy.weights[l].squaredNorm() + dummy.biases[l].squaredNorm();
    tt += target.weights[l].squaredNorm() + target.biases[l].squaredNorm();
  }
  for (const MatchDistance kind : {MatchDistance::L2, MatchDistance::Cosine}) {
    const DlgValue d = dlgObjective(m, x, labels, target, kind);
    const double expected = kind == MatchDistance::L2 ? dummy.squaredDistance(target)
                                                      : 1.0 - dot / std::sqrt(dd * tt);
    EXPECT_NEAR(d.distance, expected, 1e-15);
    testing::expectDlgGradientsMatchFiniteDifferences(
        [&](const MatD& xi, const MatD& yi) { return dlgObjective(m, xi, yi, target, kind); }, x,
        labels);
  }
}

INSTANTIATE_TEST_SUITE_P(Activations, DlgObjectiveTest,
                         ::testing::Values("sigmoid", "tanh", "softplus"));

// Fashion-MNIST test images as columns of pixels in [0, 1].
MatD images(int count) {
  const Spec spec = loadSpecText(R"({"dataset": {"name": "fashion-mnist", "test_limit": 200}})");
  const TrainTest data = loadDataset(spec.dataset, 1);
  MatD x(784, count);
  for (int c = 0; c < count; ++c) {
    for (int i = 0; i < 784; ++i) x(i, c) = data.test.x(c, i);
  }
  return x;
}

MatD oneHot(int label, int classes = 10) {
  MatD y = MatD::Zero(classes, 1);
  y(label, 0) = 1;
  return y;
}

TEST(InversionTest, IdlgFindsTheLabelOfEveryOneOfAHundredSingleImageGradients) {
  const MatD x = images(100);
  Rng rng(3);
  int right = 0;
  for (int i = 0; i < 100; ++i) {
    const AttackMlp m = AttackMlp::random({784, 64, 10}, "sigmoid", 0.5, rng);
    const int label = static_cast<int>(rng.below(10));
    right += idlgLabel(mlpGradient(m, x.col(i), oneHot(label))) == label;
  }
  EXPECT_EQ(right, 100);
}

TEST(InversionTest, TheFirstLayerWithBiasGivesASingleImageBackExactly) {
  const MatD x = images(1);
  Rng rng(4);
  const AttackMlp m = AttackMlp::random({784, 100, 10}, "sigmoid", 0.5, rng);
  const VecD recovered = analyticFirstLayer(mlpGradient(m, x, oneHot(3)));
  EXPECT_LT((recovered - x.col(0)).cwiseAbs().maxCoeff(), 1e-4);
}

// The reference MLP of torch_dlg.py (784-256-10, sigmoid) with weights from U(-0.05, 0.05): with
// its U(-0.5, 0.5) the 784-input first layer saturates (pre-activations of std ~4), the input's
// gradient vanishes and L-BFGS stops on a plateau (PSNR ~11 dB here), whatever the optimizer.
TEST(InversionTest, DlgRebuildsAnImageFromItsGradientAndNoiseStopsIt) {
  const MatD x = images(2).col(1);
  Rng rng(5);
  const AttackMlp m = AttackMlp::random({784, 256, 10}, "sigmoid", 0.05, rng);
  const MlpGradient observed = mlpGradient(m, x, oneHot(2));
  DlgOptions o;
  o.iterations = 300;
  const DlgResult r = invertGradient(m, observed, 1, o);
  const double quality = psnr(r.images.col(0), x.col(0));
  // iDLG: the label from the gradient, then the image alone.
  const DlgResult known = invertGradient(m, observed, 1, o, {idlgLabel(observed)});
  EXPECT_GE(psnr(known.images.col(0), x.col(0)), 30.0);
  EXPECT_GE(ssim(known.images.col(0), x.col(0), 28, 28), 0.95);
  EXPECT_GE(quality, 30.0) << "after " << r.iterations << " iterations, distance " << r.distance;
  Eigen::Index label = 0;
  r.labelLogits.col(0).maxCoeff(&label);
  EXPECT_EQ(label, 2);  // the label comes back too
  // Gaussian noise of std 0.1 on the shared gradient (a DP-style defense): the attack fails.
  MlpGradient noisy = observed;
  Rng noise(6);
  for (auto& w : noisy.weights) {
    for (Eigen::Index i = 0; i < w.size(); ++i) w.data()[i] += 0.1 * noise.normal();
  }
  for (auto& b : noisy.biases) {
    for (Eigen::Index i = 0; i < b.size(); ++i) b[i] += 0.1 * noise.normal();
  }
  const DlgResult defended = invertGradient(m, noisy, 1, o);
  EXPECT_LT(psnr(defended.images.col(0), x.col(0)), 15.0);
}

TEST(InversionTest, ImageMetricsMatchTheirClosedForms) {
  const MatD x = images(1);
  const VecD original = x.col(0);
  EXPECT_DOUBLE_EQ(psnr(original, original), 100.0);
  const VecD shifted = (original.array() + 0.1).matrix();
  EXPECT_NEAR(psnr(shifted, original), 20.0, 1e-9);  // MSE 0.01
  EXPECT_NEAR(ssim(original, original, 28, 28), 1.0, 1e-12);
  const VecD flat = VecD::Constant(784, original.mean());
  EXPECT_LT(ssim(flat, original, 28, 28), 0.2);  // no structure left
  EXPECT_GT(ssim(shifted, original, 28, 28), 0.5);  // same structure, a brightness shift
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

TEST(LbfgsTest, FindsTheMinimumOfRosenbrocksValley) {
  // f = sum (1 - x_i)^2 + 100 (x_{i+1} - x_i^2)^2: minimum 0 at all ones.
  const Objective rosenbrock = [](const Eigen::VectorXd& x, Eigen::VectorXd* g) {
    double f = 0;
    g->setZero(x.size());
    for (Eigen::Index i = 0; i + 1 < x.size(); ++i) {
      const double a = 1 - x[i], b = x[i + 1] - x[i] * x[i];
      f += a * a + 100 * b * b;
      (*g)[i] += -2 * a - 400 * b * x[i];
      (*g)[i + 1] += 200 * b;
    }
    return f;
  };
  Eigen::VectorXd x = Eigen::VectorXd::Constant(10, -1.2);
  LbfgsOptions o;
  o.maxIterations = 500;
  const LbfgsResult r = minimizeLbfgs(rosenbrock, x, o);
  EXPECT_LT(r.value, 1e-12) << r.iterations << " iterations, " << r.evaluations << " evaluations";
  EXPECT_LT((x - Eigen::VectorXd::Ones(10)).norm(), 1e-5);
}

}  // namespace
}  // namespace distlab::engine

#include "defenses/defense.h"

namespace distlab::engine {
namespace {

TEST(DefensesTest, TopKKeepsTheLargestEntriesOfEachTensor) {
  MlpGradient g;
  g.weights.push_back(MatD(2, 5));
  g.weights[0] << 1, -9, 3, 0.5, -7, 2, 8, -6, 4, 10;
  g.biases.push_back(VecD::Zero(2));
  Rng rng(1);
  applyDefense(g, "topk", 0.7, rng);  // 10 entries: keep 3
  MatD expected(2, 5);
  expected << 0, -9, 0, 0, 0, 0, 0, 0, 0, 10;
  expected(1, 1) = 8;
  EXPECT_EQ(g.weights[0], expected);
  EXPECT_NE(testing::errorOf([&] { applyDefense(g, "topk", 1.0, rng); }), "");
  EXPECT_NE(testing::errorOf([&] { applyDefense(g, "blur", 1.0, rng); })
                .find("allowed values: none, noise, topk, fp16, int8"),
            std::string::npos);
}

TEST(DefensesTest, HalfPrecisionAndEightBitRoundLikeTheirFormats) {
  EXPECT_EQ(roundToHalf(1.0), 1.0);
  EXPECT_EQ(roundToHalf(1.0 + 1.0 / 4096), 1.0);               // below half an ulp (2^-10)
  EXPECT_EQ(roundToHalf(1.0 + 3.0 / 2048), 1.0 + 2.0 / 1024);  // rounds up to 1 + 2^-9
  EXPECT_EQ(roundToHalf(65504.0), 65504.0);                    // the largest half
  EXPECT_TRUE(std::isinf(roundToHalf(70000.0)));
  EXPECT_EQ(roundToHalf(std::ldexp(1.0, -24)), std::ldexp(1.0, -24));  // smallest subnormal
  MlpGradient g;
  g.weights.push_back(MatD(1, 3));
  g.weights[0] << 1.27, -0.5, 0.004;
  g.biases.push_back(VecD::Zero(1));
  Rng rng(1);
  applyDefense(g, "int8", 0, rng);
  EXPECT_NEAR(g.weights[0](0, 0), 1.27, 1e-12);  // the largest maps to 127 steps exactly
  EXPECT_NEAR(g.weights[0](0, 1), -0.5, 0.01 / 2 + 1e-12);
  EXPECT_EQ(g.weights[0](0, 2), 0.0);  // below half a step of 0.01
}

TEST(DefensesTest, PruningNinetyPercentOfTheGradientStopsTheAttack) {
  const MatD x = images(2).col(1);
  Rng rng(5);
  const AttackMlp m = AttackMlp::random({784, 256, 10}, "sigmoid", 0.05, rng);
  MlpGradient observed = mlpGradient(m, x, oneHot(2));
  Rng defense(7);
  applyDefense(observed, "topk", 0.9, defense);
  DlgOptions o;
  o.iterations = 300;
  const DlgResult r = invertGradient(m, observed, 1, o);
  EXPECT_LT(psnr(r.images.col(0), x.col(0)), 15.0);
}

}  // namespace
}  // namespace distlab::engine

#include "crypto/secure_aggregation.h"

namespace distlab::engine {
namespace {

// Flat view of a gradient, and back (the layout a PUSH would carry).
std::vector<double> flatten(const MlpGradient& g) {
  std::vector<double> out;
  for (std::size_t l = 0; l < g.weights.size(); ++l) {
    out.insert(out.end(), g.weights[l].data(), g.weights[l].data() + g.weights[l].size());
    out.insert(out.end(), g.biases[l].data(), g.biases[l].data() + g.biases[l].size());
  }
  return out;
}

MlpGradient unflatten(const std::vector<double>& flat, const MlpGradient& shape) {
  MlpGradient g = shape;
  std::size_t at = 0;
  for (std::size_t l = 0; l < g.weights.size(); ++l) {
    for (Eigen::Index i = 0; i < g.weights[l].size(); ++i) g.weights[l].data()[i] = flat[at++];
    for (Eigen::Index i = 0; i < g.biases[l].size(); ++i) g.biases[l][i] = flat[at++];
  }
  return g;
}

TEST(SecureAggregationTest, BothSidesOfAnX25519ExchangeShareTheSameSecret) {
  const KeyPair alice = generateKeyPair(), bob = generateKeyPair();
  EXPECT_NE(alice.publicKey, bob.publicKey);
  EXPECT_EQ(sharedSecret(alice, bob.publicKey), sharedSecret(bob, alice.publicKey));
  const KeyPair eve = generateKeyPair();
  EXPECT_NE(sharedSecret(alice, bob.publicKey), sharedSecret(eve, bob.publicKey));
}

TEST(SecureAggregationTest, TheMasksCancelInTheSumButHideEachUpdate) {
  // Three clients' gradients of three images on the same model.
  const MatD x = images(3);
  Rng rng(5);
  const AttackMlp m = AttackMlp::random({784, 256, 10}, "sigmoid", 0.05, rng);
  std::vector<std::vector<double>> updates;
  for (int k = 0; k < 3; ++k) updates.push_back(flatten(mlpGradient(m, x.col(k), oneHot(k))));
  std::vector<KeyPair> keys;
  for (int k = 0; k < 3; ++k) keys.push_back(generateKeyPair());
  constexpr int kFraction = 20;
  std::vector<std::vector<std::uint32_t>> masked;
  for (int k = 0; k < 3; ++k) {
    std::vector<Key32> secrets(3);
    for (int j = 0; j < 3; ++j) {
      if (j != k) secrets[static_cast<std::size_t>(j)] = sharedSecret(keys[k], keys[j].publicKey);
    }
    masked.push_back(maskUpdate(updates[static_cast<std::size_t>(k)], k, secrets, kFraction));
  }
  // The sum: exactly the sum of the fixed-point encodings, so within 3 half-steps of the real sum.
  const auto sum = decodeFixedPoint(sumMasked(masked), kFraction);
  std::vector<std::vector<std::uint32_t>> plain;
  for (const auto& u : updates) plain.push_back(encodeFixedPoint(u, kFraction));
  EXPECT_EQ(sumMasked(masked), sumMasked(plain));
  double worst = 0;
  for (std::size_t i = 0; i < sum.size(); ++i) {
    worst = std::max(worst, std::abs(sum[i] - (updates[0][i] + updates[1][i] + updates[2][i])));
  }
  EXPECT_LE(worst, 1.5 * std::ldexp(1.0, -kFraction));
  // One masked update alone, decoded as a gradient: the attack gets nothing (noise).
  const MlpGradient shape = mlpGradient(m, x.col(0), oneHot(0));
  const MlpGradient alone = unflatten(decodeFixedPoint(masked[0], kFraction), shape);
  DlgOptions o;
  o.iterations = 300;
  const DlgResult attacked = invertGradient(m, alone, 1, o);
  EXPECT_LT(psnr(attacked.images.col(0), x.col(0)), 10.0);
  EXPECT_LT(psnr(analyticFirstLayer(alone), x.col(0)), 10.0);
  // While the same attack on the unmasked update succeeds.
  EXPECT_GT(psnr(analyticFirstLayer(shape), x.col(0)), 60.0);
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

double norm(const MlpGradient& g) {
  double s = 0;
  for (std::size_t l = 0; l < g.weights.size(); ++l) {
    s += g.weights[l].squaredNorm() + g.biases[l].squaredNorm();
  }
  return std::sqrt(s);
}

TEST(DefensesTest, DpSgdClipsEachExampleThenAddsNoise) {
  const MatD x = images(4);
  MatD y = MatD::Zero(10, 4);
  for (int c = 0; c < 4; ++c) y(c, c) = 1;
  Rng rng(5);
  const AttackMlp m = AttackMlp::random({784, 64, 10}, "sigmoid", 0.05, rng);
  Rng noise(1);
  // No clipping in effect and no noise: the mean of the per-example gradients is the batch's.
  const MlpGradient loose = dpGradient(m, x, y, 1e9, 0.0, noise);
  EXPECT_LT(std::sqrt(loose.squaredDistance(mlpGradient(m, x, y))), 1e-12 * norm(loose));
  // Clipped to 0.01 each: the mean of four vectors of norm <= 0.01 has norm <= 0.01.
  const MlpGradient clipped = dpGradient(m, x, y, 0.01, 0.0, noise);
  EXPECT_LE(norm(clipped), 0.01 + 1e-15);
  EXPECT_GT(norm(mlpGradient(m, x, y)), 0.05);  // so the clipping did bite
  // Noise multiplier 1 on one image: the attack gets nothing.
  const MlpGradient shared = defendedGradient(m, x.col(0), y.col(0), "dp", 1.0, 1.0, noise);
  DlgOptions o;
  o.iterations = 200;
  EXPECT_LT(psnr(invertGradient(m, shared, 1, o).images.col(0), x.col(0)), 15.0);
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

TEST(DefensesTest, LocalStepsOnOneImageStillLeakItButALargerBatchBlendsTheImages) {
  const MatD x = images(4);
  Rng rng(5);
  const AttackMlp m = AttackMlp::random({784, 256, 10}, "sigmoid", 0.05, rng);
  // One local step is the plain gradient.
  const MlpGradient one = localStepsUpdate(m, x.col(1), oneHot(2), 1, 0.5);
  EXPECT_LT(std::sqrt(one.squaredDistance(mlpGradient(m, x.col(1), oneHot(2)))), 1e-12);
  // Twenty steps: the first layer's update is still (sum of deltas) x^T, rank one in the image,
  // so the analytic inversion still gives the image back exactly.
  const MlpGradient many = localStepsUpdate(m, x.col(1), oneHot(2), 20, 0.5);
  EXPECT_GT(std::sqrt(many.squaredDistance(one)), 1e-3);  // a different update
  EXPECT_GT(psnr(analyticFirstLayer(many), x.col(1)), 60.0);
  // A batch of four: the same quotient blends the images, and none comes back.
  MatD y = MatD::Zero(10, 4);
  for (int c = 0; c < 4; ++c) y(c, c) = 1;
  const VecD blend = analyticFirstLayer(mlpGradient(m, x, y));
  for (int c = 0; c < 4; ++c) EXPECT_LT(psnr(blend, x.col(c)), 20.0) << c;
}

}  // namespace
}  // namespace distlab::engine
