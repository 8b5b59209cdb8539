#include "core/spec_problems.h"
#include "lessons/inversion/victim.h"

#include <algorithm>

#include "attacks/gradient_attack.h"
#include "core/error.h"
#include "defenses/defense.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

std::vector<int> mlpSizes(const Spec& spec, int features, int classes) {
  std::vector<int> sizes = {features};
  for (const int h : spec.model.hidden) sizes.push_back(h);
  sizes.push_back(classes);
  return sizes;
}

}  // namespace

Victim makeVictim(const Spec& spec, const TrainTest& data) {
  const auto& p = spec.privacy;
  const bool captured = !p.captureFrom.empty();
  const PushCapture capture =
      captured ? readPushCapture(captureFolder(p.captureFrom)) : PushCapture{};
  const GradientAttack& attack = gradientAttacks().at(p.attack);
  if (captured && static_cast<int>(capture.rows.size()) > attack.maxBatch()) {
    throw SpecProblemError(specProblem(
        "privacy.capture_from", "capture_batch_too_large",
        {std::to_string(capture.rows.size()), p.attack, std::to_string(attack.maxBatch())}));
  }
  Victim v;
  // The victims: the spec's test images, or the training rows behind the captured push.
  const Dataset& source = captured ? data.train : data.test;
  if (captured) {
    v.rows = capture.rows;
  } else {
    for (const int i : p.images) v.rows.push_back(static_cast<std::size_t>(i));
  }
  const int batch = static_cast<int>(v.rows.size());
  const int features = static_cast<int>(source.x.cols());
  v.originals = MatD(features, batch);
  for (int b = 0; b < batch; ++b) {
    const std::size_t index = v.rows[static_cast<std::size_t>(b)];
    if (index >= source.size()) {
      throw SpecProblemError(specProblem("privacy.images", "image_past_data",
                                         {std::to_string(index), std::to_string(source.size())}));
    }
    for (int i = 0; i < features; ++i) {
      v.originals(i, b) = source.x(static_cast<Eigen::Index>(index), i);
    }
    v.labels.push_back(source.labels[index]);
  }
  MatD y = MatD::Zero(data.test.numClasses, batch);
  for (int b = 0; b < batch; ++b) y(v.labels[static_cast<std::size_t>(b)], b) = 1.0;
  Rng rng(spec.seed);
  Rng defenseRng = Rng::stream(spec.seed, RngPurpose::Noise);
  const Defense& defense = defenses().at(p.defense);
  const bool lenet = spec.model.arch == "lenet5";
  if (lenet && captured) {
    // A captured push of a cluster's lenet5 is attacked on that very network (engine/nn, float,
    // through the R-operator), with the parameters the worker computed on.
    v.network = std::make_unique<Model>(buildModelFor(spec, data.train));
    if (capture.parameters.size() != v.network->parameterCount()) {
      throw SpecProblemError(specProblem("privacy.capture_from", "capture_model_mismatch",
                                         {std::to_string(capture.parameters.size()),
                                          std::to_string(v.network->parameterCount())}));
    }
    std::copy(capture.parameters.begin(), capture.parameters.end(),
              v.network->parameters().begin());
    std::vector<float> observed = capture.gradient;
    applyDefenseToBuffer(observed, p.defense, p.defenseStrength, defenseRng);
    v.target = modelTarget(*v.network, observed);
  } else if (lenet) {
    // The reference LeNet of torch_dlg.py, weights from model.init_range.
    if (features != 784) throw SpecProblemError(specProblem("model.arch", "lenet5_needs_28x28"));
    const AttackNet net = AttackNet::lenet(data.test.numClasses, spec.model.initHigh, rng);
    if (defense.needsExamples()) {
      throw SpecProblemError(specProblem("privacy.defense", "defense_mlp_only", {p.defense}));
    }
    MlpGradient shared = netGradient(net, v.originals, y);
    applyDefense(shared, p.defense, p.defenseStrength, defenseRng);
    v.target = netTarget(net, shared);
  } else {
    const auto sizes = mlpSizes(spec, features, data.test.numClasses);
    AttackMlp model = AttackMlp::random(sizes, spec.model.activation, spec.model.initLow,
                                        spec.model.initHigh, rng);
    MlpGradient shared;
    if (captured) {
      model = mlpFromFlat(sizes, spec.model.activation, capture.parameters);
      shared = mlpGradientFromFlat(model, capture.gradient);
      applyDefense(shared, p.defense, p.defenseStrength, defenseRng);
    } else {
      shared = defendedGradient(model, v.originals, y, p.defense, p.defenseStrength, p.clipNorm,
                                defenseRng, spec.training.lr);
    }
    v.target = mlpTarget(model, shared);
  }
  return v;
}

}  // namespace distlab::engine
