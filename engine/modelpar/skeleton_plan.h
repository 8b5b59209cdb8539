#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/rng.h"
#include "nn/model.h"

namespace distlab::engine {

/// The random skeleton partition of an MLP (the lecture's 随机划分 / 骨架网络, for a network too
/// large for one worker): every worker trains a sub-network made of the same skeleton of
/// important neurons in each hidden layer plus a random share of the other neurons of its own.
/// Inputs and outputs belong to every sub-network. A weight W_l(i, j) belongs to a worker's
/// sub-network when it keeps neuron i of layer l and neuron j of the layer below.
struct SubNetwork {
  /// Per hidden layer (Dense layers but the last): the neurons kept, rising.
  std::vector<std::vector<std::uint32_t>> neurons;
  /// The sub-network's hidden widths (for building it as an MLP).
  std::vector<int> widths() const;
};

/// Neuron importance in hidden layer l: the L2 norm of its incoming weights and bias (|W_l(i,:)|,
/// b_l(i)) times that of its outgoing weights (|W_{l+1}(:,i)|): a neuron that neither listens
/// nor is listened to can go. Per hidden layer, highest first.
std::vector<std::vector<double>> neuronImportance(const Model& mlp);

/// The skeleton: per hidden layer the ceil(fraction x width) most important neurons.
std::vector<std::vector<std::uint32_t>> selectSkeleton(const Model& mlp, double fraction);

/// A worker's sub-network: the skeleton plus round(extra x the others) of the other neurons of
/// each hidden layer, drawn without replacement.
SubNetwork drawSubNetwork(const Model& mlp, const std::vector<std::vector<std::uint32_t>>& skeleton,
                          double extra, Rng& rng);

/// The sub-network's parameters cut from the whole MLP's, in the layout of an MLP with the
/// sub-network's widths (nn/builders.h).
std::vector<float> subNetworkParameters(const Model& mlp, const SubNetwork& sub);

/// The merge: every parameter of the whole MLP becomes the mean of the workers' values for it,
/// over the workers whose sub-network holds it; parameters no worker holds keep their value.
void mergeSubNetworks(Model& mlp, std::span<const SubNetwork> subs,
                      std::span<const std::vector<float>> parameters);

}  // namespace distlab::engine

namespace distlab::engine {

/// The training examples worker `rank` of `workers` owns in a skeleton run: a seeded shuffle of
/// all of them, every workers-th from position rank.
std::vector<std::size_t> skeletonShare(std::size_t examples, int workers, int rank,
                                       std::uint64_t seed);

/// Rounds of a skeleton run: model_parallel.steps (or training.epochs over a worker's share)
/// local steps in all, cluster.local_steps of them a round.
std::uint64_t skeletonRounds(const struct Spec& spec, std::size_t examples);

}  // namespace distlab::engine
