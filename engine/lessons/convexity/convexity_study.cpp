#include "lessons/convexity/convexity_study.h"

#include <algorithm>

#include "aggregate/ensemble.h"
#include "core/error.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/optimizer.h"

namespace distlab::engine {
namespace {

double testLoss(Model& model, const Matrix& x, const std::vector<int>& labels) {
  return probabilityCrossEntropy(softmaxColumns(model.forward(x)), labels);
}

}  // namespace

std::vector<ConvexityPoint> convexityStudy(const Spec& spec, const TrainTest& data,
                                           bool commonStart) {
  if (data.train.numClasses < 2) throw Error("convexity: needs a classification data set");
  const int k = std::max(2, spec.cluster.workers);
  std::vector<Model> members;
  for (int m = 0; m < k; ++m) {
    Spec own = spec;
    if (!commonStart) own.seed = spec.seed + 1000 * static_cast<std::uint64_t>(m + 1);
    members.push_back(buildModelFor(own, data.train));
  }
  std::vector<Model*> pointers;
  for (auto& m : members) pointers.push_back(&m);
  Model averaged = buildModelFor(spec, data.train);
  // Each member's share: a contiguous k-th of the training rows.
  const std::size_t n = data.train.size(), batch = static_cast<std::size_t>(spec.training.batchSize);
  std::vector<std::size_t> all(data.test.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  Matrix testX, testTargets, x, targets, dOut;
  std::vector<int> testLabels, labels;
  gatherBatch(data.test, all, testX, testLabels, testTargets);
  std::vector<std::unique_ptr<Optimizer>> optimizers;
  for (int m = 0; m < k; ++m) optimizers.push_back(makeOptimizer(spec.training));
  std::vector<std::size_t> cursor(static_cast<std::size_t>(k), 0);
  std::vector<ConvexityPoint> points;
  std::vector<std::size_t> rows(batch);
  for (int round = 1; round <= spec.training.epochs; ++round) {
    for (int m = 0; m < k; ++m) {
      const std::size_t begin = n * static_cast<std::size_t>(m) / static_cast<std::size_t>(k);
      const std::size_t size = n / static_cast<std::size_t>(k);
      for (int step = 0; step < spec.cluster.localSteps; ++step) {
        for (std::size_t b = 0; b < batch; ++b) rows[b] = begin + (cursor[m]++ % size);
        gatherBatch(data.train, rows, x, labels, targets);
        Model& model = members[static_cast<std::size_t>(m)];
        computeLoss(LossKind::CrossEntropy, model.forward(x), {labels, nullptr}, &dOut);
        model.backward(dOut);
        optimizers[static_cast<std::size_t>(m)]->step(model.parameters(), model.gradients());
      }
    }
    auto params = averaged.parameters();
    std::fill(params.begin(), params.end(), 0.0f);
    for (Model& m : members) {
      for (std::size_t i = 0; i < params.size(); ++i) params[i] += m.parameters()[i] / k;
    }
    ConvexityPoint p;
    p.round = round;
    p.averagedModelLoss = testLoss(averaged, testX, testLabels);
    for (Model& m : members) p.meanMemberLoss += testLoss(m, testX, testLabels) / k;
    p.ensembleLoss = probabilityCrossEntropy(ensembleProbabilities(pointers, testX), testLabels);
    points.push_back(p);
    if (commonStart) {
      for (Model& m : members) std::copy(params.begin(), params.end(), m.parameters().begin());
    }
  }
  return points;
}

}  // namespace distlab::engine
