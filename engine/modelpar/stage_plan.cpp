#include "modelpar/stage_plan.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "nn/dense.h"

namespace distlab::engine {

std::vector<double> layerCosts(const Model& model) {
  std::vector<double> costs;
  const auto& shapes = model.layerShapes();
  bool first = true;
  for (std::size_t i = 0; i < model.layers().size(); ++i) {
    const Shape& out = shapes[i];
    const double params = static_cast<double>(model.layers()[i]->parameterCount());
    const double pixels = static_cast<double>(out.height) * out.width;
    if (params == 0) {
      costs.push_back(static_cast<double>(out.size()));
      continue;
    }
    costs.push_back(params * pixels * (first ? 2.0 / 3.0 : 1.0));
    first = false;
  }
  return costs;
}

StagePlan balanceStages(std::span<const double> costs, int stages) {
  const std::size_t n = costs.size();
  const auto p = static_cast<std::size_t>(stages);
  if (stages < 1 || n < p) throw Error("cannot split " + std::to_string(n) + " layers into " +
                                       std::to_string(stages) + " stages");
  std::vector<double> prefix(n + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + costs[i];
  // best[k][i]: the first i layers as k stages, with the smallest largest part, and among
  // splits as good the smallest sum of squares (no stage left with next to nothing when one
  // layer outweighs the rest).
  struct Score {
    double worst = std::numeric_limits<double>::infinity();
    double squares = 0.0;
    bool operator<(const Score& o) const {
      return worst < o.worst || (worst == o.worst && squares < o.squares);
    }
  };
  std::vector<std::vector<Score>> best(p + 1, std::vector<Score>(n + 1));
  std::vector<std::vector<std::size_t>> cut(p + 1, std::vector<std::size_t>(n + 1, 0));
  best[0][0] = {0.0, 0.0};
  for (std::size_t k = 1; k <= p; ++k) {
    for (std::size_t i = k; i <= n; ++i) {
      for (std::size_t j = k - 1; j < i; ++j) {
        const double part = prefix[i] - prefix[j];
        const Score s{std::max(best[k - 1][j].worst, part), best[k - 1][j].squares + part * part};
        if (s < best[k][i]) {
          best[k][i] = s;
          cut[k][i] = j;
        }
      }
    }
  }
  StagePlan plan;
  plan.layers = n;
  plan.first.assign(p, 0);
  std::size_t i = n;
  for (std::size_t k = p; k >= 1; --k) {
    plan.first[k - 1] = cut[k][i];
    i = cut[k][i];
  }
  return plan;
}

namespace {

/// The largest stage's estimated work under `plan`, a cut layer's shared by its neurons.
double largestStage(const Model& model, std::span<const double> costs, const StagePlan& plan) {
  const auto share = [&](std::size_t layer, int rows) {
    return costs[layer] * rows / static_cast<double>(model.layerShapes()[layer].size());
  };
  double largest = 0.0;
  for (int k = 0; k < plan.stages(); ++k) {
    double sum = 0.0;
    for (std::size_t i = plan.begin(k); i < plan.end(k); ++i) sum += costs[i];
    if (plan.beginsCut(k)) sum -= share(plan.begin(k), plan.headRows(k - 1));
    if (plan.headRows(k) > 0) sum += share(plan.end(k), plan.headRows(k));
    largest = std::max(largest, sum);
  }
  return largest;
}

}  // namespace

StagePlan balanceNeurons(const Model& model, int stages) {
  const std::vector<double> costs = layerCosts(model);
  const StagePlan fallback = balanceStages(costs, stages);
  double total = 0.0;
  for (double c : costs) total += c;
  StagePlan plan;
  plan.layers = costs.size();
  plan.first.push_back(0);
  std::size_t layer = 0;
  double before = 0.0;  // the cost of the layers before `layer`
  for (int k = 1; k < stages; ++k) {
    const double target = total * k / stages;
    while (layer + 1 < costs.size() && before + costs[layer] < target) before += costs[layer++];
    const double share = costs[layer] > 0 ? (target - before) / costs[layer] : 0.0;
    const auto* dense = dynamic_cast<const Dense*>(model.layers()[layer].get());
    int rows = 0;
    std::size_t boundary = share < 0.5 ? layer : layer + 1;
    if (dense && layer > 0) {
      rows = static_cast<int>(std::lround(share * dense->outputs()));
      boundary = layer;
      if (rows <= 0) rows = 0;
      if (rows >= dense->outputs()) {
        rows = 0;
        boundary = layer + 1;
      }
    }
    // Rising boundaries: every stage keeps (a piece of) a layer, and no layer is cut twice. A
    // second target inside the layer the last boundary cut moves to that layer's end.
    if (boundary <= plan.first.back()) {
      boundary = plan.first.back() + 1;
      rows = 0;
    }
    if (boundary >= costs.size()) return fallback;
    plan.first.push_back(boundary);
    plan.cuts.push_back(rows);
  }
  bool anyCut = false;
  for (int r : plan.cuts) anyCut = anyCut || r > 0;
  if (!anyCut) plan.cuts.clear();
  // A cut costs traffic (the layer's input goes beside its outputs) and a copy: only worth it
  // when the slowest stage gets lighter, not when a layer no cut can touch sets the pace.
  return largestStage(model, costs, plan) < largestStage(model, costs, fallback) ? plan : fallback;
}

StagePlan planStages(const Model& model, const ModelParallelSpec& spec) {
  const std::size_t layers = model.layers().size();
  if (static_cast<std::size_t>(spec.stages) > layers) {
    throw Error("model_parallel.stages: " + std::to_string(spec.stages) + " stages need at least " +
                std::to_string(spec.stages) + " layers; the network has " +
                std::to_string(layers));
  }
  if (spec.balance == "neurons") {
    if (!spec.boundaries.empty()) {
      throw Error("model_parallel.balance: neurons balances by cost; leave "
                  "model_parallel.boundaries empty");
    }
    return balanceNeurons(model, spec.stages);
  }
  if (spec.boundaries.empty()) return balanceStages(layerCosts(model), spec.stages);
  StagePlan plan;
  plan.layers = layers;
  plan.first.push_back(0);
  for (int b : spec.boundaries) {
    if (b <= static_cast<int>(plan.first.back()) || b >= static_cast<int>(layers)) {
      throw Error("model_parallel.boundaries: must rise and stay below " +
                  std::to_string(layers) + ", the network's layer count");
    }
    plan.first.push_back(static_cast<std::size_t>(b));
  }
  if (plan.stages() != spec.stages) {
    throw Error("model_parallel.boundaries: " + std::to_string(spec.stages - 1) +
                " numbers needed for " + std::to_string(spec.stages) + " stages");
  }
  return plan;
}

}  // namespace distlab::engine
