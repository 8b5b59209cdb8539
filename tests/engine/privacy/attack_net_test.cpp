// The convolutional attack network: its gradients and the DLG objective's double backward
// against central finite differences, and DLG on the reference LeNet.
#include <cmath>

#include <gtest/gtest.h>

#include "dlg_gradient_check.h"

#include "core/spec.h"
#include "data/load.h"
#include "attacks/attack_net.h"
#include "attacks/inversion.h"
#include "attacks/lbfgs.h"

namespace distlab::engine {
namespace {

// Every weight and bias of n from U(-1, 1), layer by layer.
void fillUniform(AttackNet& n, Rng& rng) {
  for (auto& l : n.layers) {
    for (Eigen::Index i = 0; i < l.weights.size(); ++i) l.weights.data()[i] = rng.uniform(-1, 1);
    for (Eigen::Index i = 0; i < l.biases.size(); ++i) l.biases[i] = rng.uniform(-1, 1);
  }
}

// 1x6x6 -> conv3x3 stride 2 pad 1 -> 2x3x3 -> sigmoid -> conv3x3 stride 1 pad 1 -> 2x3x3 ->
// sigmoid -> fc 18 -> 3.
AttackNet smallNet(Rng& rng) {
  AttackNet n;
  AttackLayer a;
  a.conv = true;
  a.inC = 1, a.inH = a.inW = 6, a.outC = 2, a.kernel = 3, a.stride = 2, a.pad = 1;
  a.weights.resize(2, 9);
  a.biases.resize(2);
  AttackLayer b = a;
  b.inC = 2, b.inH = b.inW = 3, b.stride = 1;
  b.weights.resize(2, 18);
  AttackLayer fc;
  fc.weights.resize(3, 18);
  fc.biases.resize(3);
  n.layers = {a, b, fc};
  fillUniform(n, rng);
  return n;
}

MatD random(int rows, int cols, Rng& rng, double low = -1, double high = 1) {
  MatD m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(low, high);
  return m;
}

double loss(const AttackNet& n, const MatD& x, const MatD& y) {
  const MatD p = softmaxColumnsD(netLogits(n, x));
  double s = 0;
  for (Eigen::Index i = 0; i < p.size(); ++i) s -= y.data()[i] * std::log(p.data()[i]);
  return s / static_cast<double>(x.cols());
}

TEST(AttackNetTest, ConvolutionGradientsMatchFiniteDifferencesOfTheLoss) {
  Rng rng(1);
  const AttackNet n = smallNet(rng);
  const MatD x = random(36, 2, rng, 0, 1), y = softmaxColumnsD(random(3, 2, rng));
  const MlpGradient g = netGradient(n, x, y);
  const double h = 1e-6;
  for (std::size_t l = 0; l < n.layers.size(); ++l) {
    for (Eigen::Index i = 0; i < n.layers[l].weights.size(); ++i) {
      AttackNet up = n, down = n;
      up.layers[l].weights.data()[i] += h;
      down.layers[l].weights.data()[i] -= h;
      EXPECT_NEAR(g.weights[l].data()[i], (loss(up, x, y) - loss(down, x, y)) / (2 * h), 1e-8)
          << l << " " << i;
    }
    for (Eigen::Index i = 0; i < n.layers[l].biases.size(); ++i) {
      AttackNet up = n, down = n;
      up.layers[l].biases[i] += h;
      down.layers[l].biases[i] -= h;
      EXPECT_NEAR(g.biases[l][i], (loss(up, x, y) - loss(down, x, y)) / (2 * h), 1e-8) << l;
    }
  }
}

TEST(AttackNetTest, TheDlgObjectivesGradientsMatchCentralFiniteDifferences) {
  Rng rng(2);
  const AttackNet n = smallNet(rng);
  const MlpGradient target = netGradient(n, random(36, 2, rng, 0, 1), softmaxColumnsD(random(3, 2, rng)));
  const MatD x = random(36, 2, rng, 0, 1), labels = random(3, 2, rng);
  const DlgValue d = netDlgObjective(n, x, labels, target);
  EXPECT_NEAR(d.distance, netGradient(n, x, softmaxColumnsD(labels)).squaredDistance(target), 1e-14);
  for (const MatchDistance kind : {MatchDistance::L2, MatchDistance::Cosine}) {
    testing::expectDlgGradientsMatchFiniteDifferences(
        [&](const MatD& xi, const MatD& yi) { return netDlgObjective(n, xi, yi, target, kind); },
        x, labels);
  }
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

TEST(AttackNetTest, DlgRebuildsAtLeastFourOfFiveImagesThroughTheReferenceLenet) {
  const Spec spec = loadSpecText(R"({"dataset": {"name": "fashion-mnist", "test_limit": 5}})");
  const TrainTest data = loadDataset(spec.dataset, 1);
  int rebuilt = 0;
  for (int image = 0; image < 5; ++image) {
    MatD x(784, 1);
    for (int i = 0; i < 784; ++i) x(i, 0) = data.test.x(image, i);
    MatD y = MatD::Zero(10, 1);
    y(data.test.labels[static_cast<std::size_t>(image)], 0) = 1;
    Rng rng(static_cast<std::uint64_t>(image));  // torch_dlg.py: seed i for init and dummies
    const AttackNet net = AttackNet::lenet(10, 0.5, rng);
    DlgOptions o;
    o.iterations = 300;
    o.seed = static_cast<std::uint64_t>(image);
    const DlgResult r = invertNetGradient(net, netGradient(net, x, y), 1, o);
    const double quality = psnr(r.images.col(0), x.col(0));
    std::fprintf(stderr, "image %d: %.1f dB after %d iterations (%d evaluations)\n", image,
                 quality, r.iterations, r.evaluations);
    rebuilt += quality >= 30.0;
  }
  EXPECT_GE(rebuilt, 4);
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

TEST(AttackNetTest, IdlgFindsTheLabelOfAHundredSingleImageGradientsThroughTheLenet) {
  const Spec spec = loadSpecText(R"({"dataset": {"name": "fashion-mnist", "test_limit": 100}})");
  const TrainTest data = loadDataset(spec.dataset, 1);
  Rng rng(9);
  int right = 0;
  for (int image = 0; image < 100; ++image) {
    MatD x(784, 1);
    for (int i = 0; i < 784; ++i) x(i, 0) = data.test.x(image, i);
    const int label = static_cast<int>(rng.below(10));
    MatD y = MatD::Zero(10, 1);
    y(label, 0) = 1;
    const AttackNet net = AttackNet::lenet(10, 0.5, rng);
    right += idlgLabel(netGradient(net, x, y)) == label;
  }
  EXPECT_EQ(right, 100);
}

}  // namespace
}  // namespace distlab::engine

namespace distlab::engine {
namespace {

// 1x8x8 -> conv3x3 pad 1 -> 2x8x8 -> softplus -> average pooling 2x2 -> 2x4x4 -> fc 32 -> 3.
AttackNet pooledNet(Rng& rng) {
  AttackNet n;
  n.activation = "softplus";
  AttackLayer conv;
  conv.conv = true;
  conv.inC = 1, conv.inH = conv.inW = 8, conv.outC = 2, conv.kernel = 3, conv.stride = 1, conv.pad = 1;
  conv.weights.resize(2, 9);
  conv.biases.resize(2);
  AttackLayer pool;
  pool.pool = true;
  pool.inC = pool.outC = 2, pool.inH = pool.inW = 8, pool.kernel = 2, pool.stride = 2;
  AttackLayer fc;
  fc.weights.resize(3, 32);
  fc.biases.resize(3);
  n.layers = {conv, pool, fc};
  fillUniform(n, rng);
  return n;
}

TEST(AttackNetTest, PoolingAndSoftplusGradientsAndTheDlgObjectiveMatchFiniteDifferences) {
  Rng rng(3);
  const AttackNet n = pooledNet(rng);
  const MatD x = random(64, 2, rng, 0, 1), y = softmaxColumnsD(random(3, 2, rng));
  // The parameter gradient against the loss's finite differences.
  const MlpGradient g = netGradient(n, x, y);
  ASSERT_EQ(g.weights[1].size(), 0);  // the pooling layer has no parameters
  const double h = 1e-6;
  for (std::size_t l : {std::size_t{0}, std::size_t{2}}) {
    for (Eigen::Index i = 0; i < n.layers[l].weights.size(); ++i) {
      AttackNet up = n, down = n;
      up.layers[l].weights.data()[i] += h;
      down.layers[l].weights.data()[i] -= h;
      EXPECT_NEAR(g.weights[l].data()[i], (loss(up, x, y) - loss(down, x, y)) / (2 * h), 1e-8);
    }
  }
  // The DLG objective's input gradient against its finite differences.
  const MlpGradient target = netGradient(n, random(64, 2, rng, 0, 1), softmaxColumnsD(random(3, 2, rng)));
  const MatD labels = random(3, 2, rng);
  const DlgValue d = netDlgObjective(n, x, labels, target);
  const double step = 1e-5;
  for (Eigen::Index i = 0; i < x.size(); i += 3) {
    MatD up = x, down = x;
    up.data()[i] += step;
    down.data()[i] -= step;
    const double numeric = (netDlgObjective(n, up, labels, target).distance -
                            netDlgObjective(n, down, labels, target).distance) /
                           (2 * step);
    EXPECT_NEAR(d.dx.data()[i], numeric, 1e-8 + 1e-6 * std::abs(numeric)) << i;
  }
}

// Shapes the reference LeNet never has: a 1x6x9 input pooled first, a convolution without
// padding at stride 2 (kernel 3 wider than stride + pad) on a pooled map, a second pooling, a
// convolution on that with a kernel taller than its 1-pixel input, then fc 4 -> 3.
AttackNet oddNet(Rng& rng) {
  AttackNet n;
  AttackLayer pool1;
  pool1.pool = true;
  pool1.inC = pool1.outC = 1, pool1.inH = 6, pool1.inW = 9, pool1.kernel = 2, pool1.stride = 1;
  AttackLayer conv1;  // 1x5x8 -> 2x2x3
  conv1.conv = true;
  conv1.inC = 1, conv1.inH = 5, conv1.inW = 8, conv1.outC = 2, conv1.kernel = 3, conv1.stride = 2;
  conv1.weights.resize(2, 9);
  conv1.biases.resize(2);
  AttackLayer pool2;  // 2x2x3 -> 2x1x2
  pool2.pool = true;
  pool2.inC = pool2.outC = 2, pool2.inH = 2, pool2.inW = 3, pool2.kernel = 2, pool2.stride = 1;
  AttackLayer conv2;  // 2x1x2 -> 2x1x2
  conv2.conv = true;
  conv2.inC = 2, conv2.inH = 1, conv2.inW = 2, conv2.outC = 2, conv2.kernel = 3, conv2.pad = 1;
  conv2.weights.resize(2, 18);
  conv2.biases.resize(2);
  AttackLayer fc;
  fc.weights.resize(3, 4);
  fc.biases.resize(3);
  n.layers = {pool1, conv1, pool2, conv2, fc};
  fillUniform(n, rng);
  return n;
}

TEST(AttackNetTest, TheDlgObjectiveMatchesFiniteDifferencesOnPooledAndUnpaddedOddShapes) {
  Rng rng(4);
  for (const bool odd : {false, true}) {
    const AttackNet n = odd ? oddNet(rng) : pooledNet(rng);
    const int inputs = n.inputs();
    ASSERT_EQ(inputs, odd ? 54 : 64);
    ASSERT_EQ(netLogits(n, random(inputs, 1, rng)).rows(), 3);
    const MlpGradient target =
        netGradient(n, random(inputs, 3, rng, 0, 1), softmaxColumnsD(random(3, 3, rng)));
    const MatD x = random(inputs, 3, rng, 0, 1), labels = random(3, 3, rng);
    for (const MatchDistance kind : {MatchDistance::L2, MatchDistance::Cosine}) {
      SCOPED_TRACE(odd ? "odd shapes" : "pooled net");
      testing::expectDlgGradientsMatchFiniteDifferences(
          [&](const MatD& xi, const MatD& yi) { return netDlgObjective(n, xi, yi, target, kind); },
          x, labels);
    }
  }
}

}  // namespace
}  // namespace distlab::engine
