// Gradient inversion of engine/nn models through the R-operator: the captured push of a cluster
// run's own network (convolution, max pooling) is attacked in float.
#include <cstdio>

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/spec.h"
#include "data/load.h"
#include "nn/activations.h"
#include "nn/conv2d.h"
#include "nn/dense.h"
#include "nn/loss.h"
#include "nn/pooling.h"
#include "attacks/model_inversion.h"

namespace distlab::engine {
namespace {

Model convNet(const std::string& activation, std::uint64_t seed) {
  Model model(Shape{1, 28, 28});
  auto act = [&]() -> std::unique_ptr<Layer> {
    if (activation == "relu") return std::make_unique<ReLU>();
    return std::make_unique<Sigmoid>();
  };
  model.add(std::make_unique<Conv2D>(12, 5, 2, 2));
  model.add(act());
  model.add(std::make_unique<Conv2D>(12, 5, 2, 2));
  model.add(act());
  model.add(std::make_unique<Conv2D>(12, 5, 1, 2));
  model.add(act());
  model.add(std::make_unique<Flatten>());
  model.add(std::make_unique<Dense>(10));
  model.finalize();
  Rng rng(seed);
  model.initialize(Initializer{InitKind::Uniform, -0.5, 0.5}, rng);
  return model;
}

struct Victim {
  Matrix image;
  std::vector<float> gradient;
};

Victim victimOf(Model& model, int label) {
  const Spec spec = loadSpecText(R"({"dataset": {"name": "fashion-mnist", "test_limit": 3}})");
  const TrainTest data = loadDataset(spec.dataset, 1);
  Victim v;
  v.image.resize(784, 1);
  for (int i = 0; i < 784; ++i) v.image(i, 0) = data.test.x(1, i);
  Matrix dOut;
  const std::vector<int> labels = {label};
  computeLoss(LossKind::CrossEntropy, model.forward(v.image), {labels, nullptr}, &dOut);
  model.backward(dOut);
  v.gradient.assign(model.gradients().begin(), model.gradients().end());
  return v;
}

double psnrOf(const MatD& a, const Matrix& b) {
  return psnr(a.col(0), b.cast<double>().col(0));
}

// The DLG paper's sigmoid LeNet built from engine/nn layers, attacked in float through the
// R-operator; and the same network with ReLU, whose second derivative is zero almost everywhere.
TEST(ModelInversionTest, ASigmoidLenetsGradientGivesItsImageAndLabelBackAndReluLeaksMuchLess) {
  Model sigmoid = convNet("sigmoid", 3), relu = convNet("relu", 3);
  const Victim a = victimOf(sigmoid, 2), b = victimOf(relu, 2);
  EXPECT_EQ(idlgLabelOf(sigmoid, a.gradient), 2);
  EXPECT_EQ(idlgLabelOf(relu, b.gradient), 2);
  DlgOptions o;
  o.iterations = 150;
  const double withSigmoid = psnrOf(invertModelGradient(sigmoid, a.gradient, {2}, o).images, a.image);
  const double withRelu = psnrOf(invertModelGradient(relu, b.gradient, {2}, o).images, b.image);
  std::fprintf(stderr, "150 iterations: sigmoid %.1f dB, relu %.1f dB\n", withSigmoid, withRelu);
  EXPECT_GE(withSigmoid, 30.0);
  EXPECT_LT(withRelu, 15.0);
}

TEST(ModelInversionTest, RefusesAModelThatDoesNotEndDense) {
  Model model(Shape{4, 1, 1});
  model.add(std::make_unique<Sigmoid>());
  model.finalize();
  EXPECT_THROW(idlgLabelOf(model, {}), Error);
}

}  // namespace
}  // namespace distlab::engine
