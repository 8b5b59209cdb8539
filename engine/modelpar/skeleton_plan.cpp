#include "modelpar/skeleton_plan.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.h"
#include "nn/dense.h"

namespace distlab::engine {
namespace {

/// The MLP's Dense layers, in order.
std::vector<const Dense*> denseLayers(const Model& mlp) {
  std::vector<const Dense*> dense;
  for (const auto& layer : mlp.layers()) {
    if (const auto* d = dynamic_cast<const Dense*>(layer.get())) dense.push_back(d);
  }
  if (dense.empty()) throw Error("the skeleton partition needs an mlp");
  return dense;
}

/// Where each Dense layer's parameters start in the whole buffer.
std::vector<std::size_t> denseOffsets(const Model& mlp) {
  std::vector<std::size_t> offsets;
  std::size_t offset = 0;
  for (const auto& layer : mlp.layers()) {
    if (dynamic_cast<const Dense*>(layer.get())) offsets.push_back(offset);
    offset += layer->parameterCount();
  }
  return offsets;
}

/// Neuron indices kept in the layer below Dense layer l (its inputs): all for the first.
std::vector<std::uint32_t> keptInputs(const SubNetwork& sub, std::size_t l, int inputs) {
  if (l == 0) {
    std::vector<std::uint32_t> all(static_cast<std::size_t>(inputs));
    std::iota(all.begin(), all.end(), 0u);
    return all;
  }
  return sub.neurons[l - 1];
}

/// Neurons kept of Dense layer l's outputs: all for the output layer.
std::vector<std::uint32_t> keptOutputs(const SubNetwork& sub, std::size_t l, int outputs) {
  if (l < sub.neurons.size()) return sub.neurons[l];
  std::vector<std::uint32_t> all(static_cast<std::size_t>(outputs));
  std::iota(all.begin(), all.end(), 0u);
  return all;
}

/// Calls f(whole index, sub index) for every parameter of the sub-network, in its order.
template <class F>
void forEachParameter(const Model& mlp, const SubNetwork& sub, F f) {
  const auto dense = denseLayers(mlp);
  const auto offsets = denseOffsets(mlp);
  std::size_t at = 0;
  for (std::size_t l = 0; l < dense.size(); ++l) {
    const int outputs = static_cast<int>(dense[l]->weights().rows());
    const int inputs = static_cast<int>(dense[l]->weights().cols());
    const auto in = keptInputs(sub, l, inputs);
    const auto out = keptOutputs(sub, l, outputs);
    const std::size_t base = offsets[l];
    for (std::uint32_t j : in) {  // W is column-major: a column per input
      for (std::uint32_t i : out) f(base + static_cast<std::size_t>(j) * outputs + i, at++);
    }
    const std::size_t bias = base + static_cast<std::size_t>(outputs) * inputs;
    for (std::uint32_t i : out) f(bias + i, at++);
  }
}

}  // namespace

std::vector<int> SubNetwork::widths() const {
  std::vector<int> w;
  for (const auto& layer : neurons) w.push_back(static_cast<int>(layer.size()));
  return w;
}

std::vector<std::vector<double>> neuronImportance(const Model& mlp) {
  const auto dense = denseLayers(mlp);
  std::vector<std::vector<double>> importance;
  for (std::size_t l = 0; l + 1 < dense.size(); ++l) {
    const auto w = dense[l]->weights();
    const auto b = dense[l]->bias();
    const auto next = dense[l + 1]->weights();
    std::vector<double> score(static_cast<std::size_t>(w.rows()));
    for (Eigen::Index i = 0; i < w.rows(); ++i) {
      const double in = std::sqrt(static_cast<double>(w.row(i).squaredNorm() + b(i) * b(i)));
      const double out = static_cast<double>(next.col(i).norm());
      score[static_cast<std::size_t>(i)] = in * out;
    }
    importance.push_back(std::move(score));
  }
  return importance;
}

std::vector<std::vector<std::uint32_t>> selectSkeleton(const Model& mlp, double fraction) {
  std::vector<std::vector<std::uint32_t>> skeleton;
  for (const auto& score : neuronImportance(mlp)) {
    std::vector<std::uint32_t> order(score.size());
    std::iota(order.begin(), order.end(), 0u);
    // Highest first; ties by index, so every platform picks the same neurons.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return score[a] > score[b]; });
    const auto keep = std::min(order.size(), static_cast<std::size_t>(std::ceil(
                                                 fraction * static_cast<double>(order.size()))));
    order.resize(std::max<std::size_t>(keep, 1));
    std::sort(order.begin(), order.end());
    skeleton.push_back(std::move(order));
  }
  return skeleton;
}

SubNetwork drawSubNetwork(const Model& mlp, const std::vector<std::vector<std::uint32_t>>& skeleton,
                          double extra, Rng& rng) {
  const auto dense = denseLayers(mlp);
  SubNetwork sub;
  for (std::size_t l = 0; l < skeleton.size(); ++l) {
    const auto width = static_cast<std::uint32_t>(dense[l]->weights().rows());
    std::vector<bool> inSkeleton(width, false);
    for (std::uint32_t i : skeleton[l]) inSkeleton[i] = true;
    std::vector<std::uint32_t> others;
    for (std::uint32_t i = 0; i < width; ++i) {
      if (!inSkeleton[i]) others.push_back(i);
    }
    rng.shuffle(std::span<std::uint32_t>(others));
    others.resize(static_cast<std::size_t>(std::lround(extra * static_cast<double>(others.size()))));
    std::vector<std::uint32_t> kept = skeleton[l];
    kept.insert(kept.end(), others.begin(), others.end());
    std::sort(kept.begin(), kept.end());
    sub.neurons.push_back(std::move(kept));
  }
  return sub;
}

std::vector<float> subNetworkParameters(const Model& mlp, const SubNetwork& sub) {
  std::vector<float> out;
  const auto params = mlp.parameters();
  forEachParameter(mlp, sub, [&](std::size_t whole, std::size_t) { out.push_back(params[whole]); });
  return out;
}

void mergeSubNetworks(Model& mlp, std::span<const SubNetwork> subs,
                      std::span<const std::vector<float>> parameters) {
  const auto params = mlp.parameters();
  std::vector<double> sum(params.size(), 0.0);
  std::vector<int> holders(params.size(), 0);
  for (std::size_t k = 0; k < subs.size(); ++k) {
    const auto& values = parameters[k];
    forEachParameter(mlp, subs[k], [&](std::size_t whole, std::size_t at) {
      if (at >= values.size()) throw Error("a worker sent fewer parameters than its sub-network");
      sum[whole] += values[at];
      ++holders[whole];
    });
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (holders[i] > 0) params[i] = static_cast<float>(sum[i] / holders[i]);
  }
}

}  // namespace distlab::engine

#include "core/spec.h"
#include "modelpar/batch_order.h"

namespace distlab::engine {

std::vector<std::size_t> skeletonShare(std::size_t examples, int workers, int rank,
                                       std::uint64_t seed) {
  std::vector<std::size_t> order(examples);
  std::iota(order.begin(), order.end(), std::size_t{0});
  Rng rng = Rng::stream(seed, RngPurpose::Partition);
  rng.shuffle(std::span<std::size_t>(order));
  std::vector<std::size_t> share;
  for (std::size_t i = static_cast<std::size_t>(rank); i < examples;
       i += static_cast<std::size_t>(workers)) {
    share.push_back(order[i]);
  }
  return share;
}

std::uint64_t skeletonRounds(const Spec& spec, std::size_t examples) {
  const auto share = examples / static_cast<std::size_t>(spec.modelParallel.shards);
  const std::uint64_t steps = pipelineSteps(spec, std::max<std::size_t>(share, 1));
  const auto local = static_cast<std::uint64_t>(spec.cluster.localSteps);
  return (steps + local - 1) / local;
}

}  // namespace distlab::engine
