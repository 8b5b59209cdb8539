#include "nn/builders.h"

#include "core/error.h"
#include "nn/activations.h"
#include "nn/conv2d.h"
#include "nn/dense.h"
#include "nn/pooling.h"

namespace distlab::engine {
namespace {

std::unique_ptr<Layer> makeActivation(const std::string& name) {
  if (name == "relu") return std::make_unique<ReLU>();
  if (name == "sigmoid") return std::make_unique<Sigmoid>();
  if (name == "tanh") return std::make_unique<Tanh>();
  if (name == "softplus") return std::make_unique<Softplus>();
  throw Error("unknown activation \"" + name + "\"; allowed: relu, sigmoid, tanh, softplus");
}

int outputsFor(const Dataset& train) {
  return train.isRegression() ? static_cast<int>(train.targets.cols()) : train.numClasses;
}

}  // namespace

Model buildModelLayout(const ModelSpec& spec, Shape input, int outputs) {
  Model model(input);
  if (spec.arch == "mlp") {
    for (int width : spec.hidden) {
      model.add(std::make_unique<Dense>(width));
      model.add(makeActivation(spec.activation));
    }
    model.add(std::make_unique<Dense>(outputs));
  } else if (spec.arch == "lenet5") {
    // Pooling before the activation: max commutes with any non-decreasing function, so outputs
    // and gradients equal those of conv-act-pool, and the activation touches a quarter of the
    // values.
    model.add(std::make_unique<Conv2D>(6, 5, 1, 2));
    model.add(std::make_unique<MaxPool2D>(2));
    model.add(makeActivation(spec.activation));
    model.add(std::make_unique<Conv2D>(16, 5));
    model.add(std::make_unique<MaxPool2D>(2));
    model.add(makeActivation(spec.activation));
    model.add(std::make_unique<Flatten>());
    model.add(std::make_unique<Dense>(120));
    model.add(makeActivation(spec.activation));
    model.add(std::make_unique<Dense>(84));
    model.add(makeActivation(spec.activation));
    model.add(std::make_unique<Dense>(outputs));
  } else if (spec.arch == "linear") {
    model.add(std::make_unique<Dense>(outputs));
  } else {
    throw Error("unknown model.arch \"" + spec.arch + "\"; allowed: mlp, lenet5, linear");
  }
  model.finalize();
  return model;
}

Model buildModel(const ModelSpec& spec, Shape input, int outputs, std::uint64_t seed) {
  Model model = buildModelLayout(spec, input, outputs);
  Rng rng = Rng::stream(seed, RngPurpose::Init);
  model.initialize(Initializer::fromName(spec.init, spec.initLow, spec.initHigh), rng);
  return model;
}

int layerCount(const ModelSpec& spec) {
  if (spec.arch == "mlp") return 2 * static_cast<int>(spec.hidden.size()) + 1;
  if (spec.arch == "lenet5") return 12;
  return 1;
}

Model buildModelFor(const Spec& spec, const Dataset& train) {
  return buildModel(spec.model, train.shape, outputsFor(train), spec.seed);
}

Model buildModelLayoutFor(const Spec& spec, const Dataset& train) {
  return buildModelLayout(spec.model, train.shape, outputsFor(train));
}

}  // namespace distlab::engine
