// Hessian-vector products (the R-operator pass of every layer) against central finite
// differences of first-order gradients, and the gradient-matching objective against finite
// differences and against the attack's independent double-precision network.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "core/error.h"
#include "nn/activations.h"
#include "nn/conv2d.h"
#include "nn/dense.h"
#include "nn/pooling.h"
#include "nn/second_order.h"
#include "nn_test_util.h"
#include "attacks/attack_net.h"

namespace distlab::engine {
namespace {

using testing::randomMatrix;

struct Case {
  const char* name;
  Shape input;
  std::function<void(Model&)> layers;
  LossKind loss = LossKind::CrossEntropy;
  /// Max pooling's winners must not change within the step, so its step is smaller.
  float step = 1e-2f;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

Model buildCase(const Case& c, std::uint64_t seed) {
  Model model(c.input);
  c.layers(model);
  model.add(std::make_unique<Dense>(3));
  model.finalize();
  Rng rng(seed);
  model.initialize(Initializer{InitKind::Uniform, -0.6, 0.6}, rng);
  return model;
}

/// dL/dparams and dL/dinput at the model's current parameters.
std::pair<std::vector<double>, Matrix> gradients(Model& model, const Matrix& x,
                                                 const BatchTargets& targets, LossKind loss) {
  Matrix dOutput, dInput;
  computeLoss(loss, model.forward(x), targets, &dOutput);
  model.backward(dOutput, &dInput);
  return {std::vector<double>(model.gradients().begin(), model.gradients().end()), dInput};
}

/// max |a - b| / max |b|: both blocks must be matched to a fraction of their own size.
double relativeGap(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0.0, scale = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    worst = std::max(worst, std::abs(a[i] - b[i]));
    scale = std::max(scale, std::abs(b[i]));
  }
  return worst / scale;
}

std::vector<double> toDoubles(const Matrix& m) {
  return std::vector<double>(m.data(), m.data() + m.size());
}

class HessianVectorTest : public ::testing::TestWithParam<Case> {};

// (grad(theta + h v, x + h u) - grad(theta - h v, x - h u)) / 2h -> H (v, u) as h -> 0.
TEST_P(HessianVectorTest, MatchesFiniteDifferencesOfTheGradient) {
  const Case& c = GetParam();
  Model model = buildCase(c, 11);
  const int batch = 3;
  const Matrix x = randomMatrix(c.input.size(), batch, 21);
  const std::vector<int> labels = {0, 2, 1};
  const Matrix targets = randomMatrix(3, batch, 22);
  const BatchTargets t{labels, c.loss == LossKind::MeanSquaredError ? &targets : nullptr};

  const Matrix dirInput = randomMatrix(x.rows(), x.cols(), 31);
  const Matrix dirParamsM = randomMatrix(static_cast<Eigen::Index>(model.parameterCount()), 1, 32);
  const std::vector<float> dirParams(dirParamsM.data(), dirParamsM.data() + dirParamsM.size());

  const HessianVectorProduct hv = hessianVectorProduct(model, x, t, c.loss, dirParams, &dirInput);

  const float h = c.step;
  const std::vector<float> saved(model.parameters().begin(), model.parameters().end());
  auto gradientsAt = [&](float sign) {
    for (std::size_t i = 0; i < saved.size(); ++i) {
      model.parameters()[i] = saved[i] + sign * h * dirParams[i];
    }
    return gradients(model, x + sign * h * dirInput, t, c.loss);
  };
  const auto [paramsUp, inputUp] = gradientsAt(+1.0f);
  const auto [paramsDown, inputDown] = gradientsAt(-1.0f);
  std::copy(saved.begin(), saved.end(), model.parameters().begin());
  std::vector<double> numericParams(saved.size());
  for (std::size_t i = 0; i < saved.size(); ++i) {
    numericParams[i] = (paramsUp[i] - paramsDown[i]) / (2.0 * h);
  }
  const std::vector<double> numericInput =
      toDoubles(((inputUp - inputDown) / (2.0f * h)).eval());

  const std::vector<double> analyticParams(hv.params.begin(), hv.params.end());
  EXPECT_LT(relativeGap(analyticParams, numericParams), 2e-3) << model.summary();
  EXPECT_LT(relativeGap(toDoubles(hv.input), numericInput), 2e-3) << model.summary();
  // The gradient that comes with it is the first-order one.
  const auto [gradient, unused] = gradients(model, x, t, c.loss);
  EXPECT_LT(relativeGap(std::vector<double>(hv.gradient.begin(), hv.gradient.end()), gradient),
            1e-6);
}

// The Hessian is symmetric: w . (H v) = v . (H w), a check independent of finite differences.
TEST_P(HessianVectorTest, IsSymmetric) {
  const Case& c = GetParam();
  Model model = buildCase(c, 12);
  const Matrix x = randomMatrix(c.input.size(), 2, 41);
  const std::vector<int> labels = {1, 0};
  const Matrix targets = randomMatrix(3, 2, 42);
  const BatchTargets t{labels, c.loss == LossKind::MeanSquaredError ? &targets : nullptr};
  auto direction = [&](std::uint64_t seed) {
    const Matrix m = randomMatrix(static_cast<Eigen::Index>(model.parameterCount()), 1, seed);
    return std::pair{std::vector<float>(m.data(), m.data() + m.size()),
                     randomMatrix(x.rows(), x.cols(), seed + 1)};
  };
  const auto [vParams, vInput] = direction(51);
  const auto [wParams, wInput] = direction(61);
  const auto hv = hessianVectorProduct(model, x, t, c.loss, vParams, &vInput);
  const auto hw = hessianVectorProduct(model, x, t, c.loss, wParams, &wInput);
  double wHv = (wInput.cast<double>().array() * hv.input.cast<double>().array()).sum();
  double vHw = (vInput.cast<double>().array() * hw.input.cast<double>().array()).sum();
  for (std::size_t i = 0; i < vParams.size(); ++i) {
    wHv += static_cast<double>(wParams[i]) * hv.params[i];
    vHw += static_cast<double>(vParams[i]) * hw.params[i];
  }
  EXPECT_NEAR(wHv, vHw, 1e-4 * std::max(1.0, std::abs(wHv))) << model.summary();
}

const Case kCases[] = {
    {"DenseSigmoid", Shape{5, 1, 1},
     [](Model& m) {
       m.add(std::make_unique<Dense>(4));
       m.add(std::make_unique<Sigmoid>());
     }},
    {"DenseTanhMse", Shape{5, 1, 1},
     [](Model& m) {
       m.add(std::make_unique<Dense>(4));
       m.add(std::make_unique<Tanh>());
     },
     LossKind::MeanSquaredError},
    {"DenseSoftplus", Shape{5, 1, 1},
     [](Model& m) {
       m.add(std::make_unique<Dense>(4));
       m.add(std::make_unique<Softplus>());
     }},
    {"DenseRelu", Shape{5, 1, 1},
     [](Model& m) {
       m.add(std::make_unique<Dense>(6));
       m.add(std::make_unique<ReLU>());
     }},
    {"ConvDirectSigmoid", Shape{1, 6, 6},
     [](Model& m) {
       m.add(std::make_unique<Conv2D>(3, 3, 1, 1));
       m.add(std::make_unique<Sigmoid>());
       m.add(std::make_unique<Flatten>());
     }},
    {"ConvStridedTanh", Shape{2, 7, 7},
     [](Model& m) {
       m.add(std::make_unique<Conv2D>(4, 3, 2, 1));
       m.add(std::make_unique<Tanh>());
       m.add(std::make_unique<Flatten>());
     }},
    {"ConvMaxPoolSigmoid", Shape{2, 6, 6},
     [](Model& m) {
       m.add(std::make_unique<Conv2D>(3, 3, 1, 1));
       m.add(std::make_unique<MaxPool2D>(2));
       m.add(std::make_unique<Sigmoid>());
     },
     LossKind::CrossEntropy, 1e-3f},
    {"ConvOverlappingMaxPoolTanh", Shape{1, 7, 7},
     [](Model& m) {
       m.add(std::make_unique<Conv2D>(2, 3, 1, 1));
       m.add(std::make_unique<MaxPool2D>(3, 2));  // the generic (not 2x2) path
       m.add(std::make_unique<Tanh>());
     },
     LossKind::MeanSquaredError, 1e-3f},
    {"ConvAvgPoolSoftplus", Shape{1, 6, 6},
     [](Model& m) {
       m.add(std::make_unique<Conv2D>(2, 3, 1, 0));
       m.add(std::make_unique<AvgPool2D>(2));
       m.add(std::make_unique<Softplus>());
     }},
    {"PaperLeNetShape", Shape{1, 8, 8},
     [](Model& m) {
       m.add(std::make_unique<Conv2D>(4, 5, 2, 2));
       m.add(std::make_unique<Sigmoid>());
       m.add(std::make_unique<Conv2D>(4, 5, 2, 2));
       m.add(std::make_unique<Sigmoid>());
       m.add(std::make_unique<Conv2D>(4, 5, 1, 2));
       m.add(std::make_unique<Sigmoid>());
     }},
};

INSTANTIATE_TEST_SUITE_P(Layers, HessianVectorTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& p) { return std::string(p.param.name); });

// The R pass belongs to one point: a new forward() needs a new forwardR() before backwardR().
TEST(SecondOrderPassTest, BackwardRNeedsTheRPassOfTheSamePoint) {
  Model model = buildCase(kCases[0], 3);
  const Matrix x = randomMatrix(5, 2, 91), rx = randomMatrix(5, 2, 92);
  const std::vector<float> rParams(model.parameterCount(), 0.1f);
  std::vector<float> rGrads(model.parameterCount());
  const Matrix dOut = randomMatrix(3, 2, 93);
  model.forward(x);
  EXPECT_THROW(model.backwardR(dOut, dOut, rParams, rGrads), Error);  // no forwardR yet
  model.forwardR(rx, rParams);
  EXPECT_NO_THROW(model.backwardR(dOut, dOut, rParams, rGrads));
  model.forward(x);
  EXPECT_THROW(model.backwardR(dOut, dOut, rParams, rGrads), Error);  // stale R pass
  const std::vector<float> wrong(model.parameterCount() + 1, 0.0f);
  EXPECT_THROW(model.forwardR(rx, wrong), Error);
}

// The paper's sigmoid LeNet on a 1x12x12 input, built twice: in engine/nn (float, R-operator)
// and as the attack's double-precision network (reverse over reverse).
struct TwinLeNet {
  Model model{Shape{1, 12, 12}};
  AttackNet net;
};

TwinLeNet twinLeNet(std::uint64_t seed) {
  TwinLeNet twin;
  twin.model.add(std::make_unique<Conv2D>(4, 5, 2, 2));
  twin.model.add(std::make_unique<Sigmoid>());
  twin.model.add(std::make_unique<Conv2D>(4, 5, 1, 2));
  twin.model.add(std::make_unique<Sigmoid>());
  twin.model.add(std::make_unique<Flatten>());
  twin.model.add(std::make_unique<Dense>(10));
  twin.model.finalize();
  Rng rng(seed);
  twin.model.initialize(Initializer{InitKind::Uniform, -0.5, 0.5}, rng);
  const float* p = twin.model.parameters().data();
  auto layer = [&](bool conv, int inC, int inH, int outC, int kernel, int stride) {
    AttackLayer l;
    l.conv = conv;
    l.inC = inC;
    l.inH = l.inW = inH;
    l.outC = outC;
    l.kernel = kernel;
    l.stride = stride;
    l.pad = conv ? 2 : 0;
    const int cols = conv ? inC * kernel * kernel : inC * inH * inH;
    l.weights = Eigen::Map<const Eigen::MatrixXf>(p, outC, cols).cast<double>();
    p += static_cast<std::size_t>(outC) * cols;
    l.biases = Eigen::Map<const Eigen::VectorXf>(p, outC).cast<double>();
    p += outC;
    twin.net.layers.push_back(l);
  };
  layer(true, 1, 12, 4, 5, 2);
  layer(true, 4, 6, 4, 5, 1);
  layer(false, 4 * 6 * 6, 1, 10, 1, 1);
  twin.net.layers.back().inH = twin.net.layers.back().inW = 1;
  return twin;
}

TEST(GradientMatchingTest, InputGradientMatchesFiniteDifferencesAndTheDoublePrecisionAttack) {
  TwinLeNet twin = twinLeNet(5);
  Model& model = twin.model;
  const std::vector<int> labels = {3, 7};
  const BatchTargets t{labels, nullptr};
  // The observed gradient is that of a private batch; the guess is another batch.
  const Matrix secret = randomMatrix(144, 2, 71, 0.0f, 1.0f);
  Matrix dOutput;
  computeLoss(LossKind::CrossEntropy, model.forward(secret), t, &dOutput);
  model.backward(dOutput);
  const std::vector<float> observed(model.gradients().begin(), model.gradients().end());
  Matrix guess = randomMatrix(144, 2, 72, 0.0f, 1.0f);

  const GradientMatch match =
      gradientMatching(model, guess, t, LossKind::CrossEntropy, observed);
  ASSERT_GT(match.distance, 0.0);

  // Finite differences of D over every input value.
  auto distance = [&]() {
    return gradientMatching(model, guess, t, LossKind::CrossEntropy, observed).distance;
  };
  std::vector<double> numeric(static_cast<std::size_t>(guess.size()));
  numericalGradient({guess.data(), numeric.size()}, distance, 1e-2f, numeric);
  EXPECT_LT(relativeGap(toDoubles(match.inputGradient), numeric), 5e-3);

  // The attack's double network with one-hot labels (softmax of logits 40 apart).
  MatD labelLogits = MatD::Zero(10, 2);
  labelLogits(3, 0) = labelLogits(7, 1) = 40.0;
  MlpGradient target;
  const float* g = observed.data();
  for (const AttackLayer& l : twin.net.layers) {
    target.weights.push_back(
        Eigen::Map<const Eigen::MatrixXf>(g, l.weights.rows(), l.weights.cols()).cast<double>());
    g += l.weights.size();
    target.biases.push_back(Eigen::Map<const Eigen::VectorXf>(g, l.biases.size()).cast<double>());
    g += l.biases.size();
  }
  const DlgValue reference =
      netDlgObjective(twin.net, guess.cast<double>(), labelLogits, target);
  EXPECT_NEAR(match.distance, reference.distance, 1e-4 * reference.distance);
  const std::vector<double> referenceDx(reference.dx.data(),
                                        reference.dx.data() + reference.dx.size());
  EXPECT_LT(relativeGap(toDoubles(match.inputGradient), referenceDx), 1e-3);
}

TEST(GradientMatchingTest, VanishesAtTheSecretAndRejectsAWrongSize) {
  TwinLeNet twin = twinLeNet(6);
  const std::vector<int> labels = {4};
  const BatchTargets t{labels, nullptr};
  const Matrix secret = randomMatrix(144, 1, 81, 0.0f, 1.0f);
  Matrix dOutput;
  computeLoss(LossKind::CrossEntropy, twin.model.forward(secret), t, &dOutput);
  twin.model.backward(dOutput);
  const std::vector<float> observed(twin.model.gradients().begin(), twin.model.gradients().end());
  const GradientMatch atSecret =
      gradientMatching(twin.model, secret, t, LossKind::CrossEntropy, observed);
  EXPECT_EQ(atSecret.distance, 0.0);
  EXPECT_EQ(atSecret.inputGradient.norm(), 0.0f);
  const std::vector<float> tooShort(observed.begin(), observed.end() - 1);
  EXPECT_THROW(gradientMatching(twin.model, secret, t, LossKind::CrossEntropy, tooShort), Error);
}

}  // namespace
}  // namespace distlab::engine
