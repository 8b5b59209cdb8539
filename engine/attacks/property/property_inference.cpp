#include "attacks/property/property_inference.h"

#include <algorithm>
#include <cmath>

#include "attacks/property/meta_classifier.h"
#include "attacks/property/roc.h"
#include "core/error.h"
#include "core/rng.h"
#include "defenses/defense.h"
#include "nn/evaluate.h"
#include "nn/loss.h"

namespace distlab::engine {
namespace {

// The coordinates the meta-classifier reads: the last layer that has parameters (its weights
// and biases), the layer whose gradient carries the batch's classes.
std::pair<std::size_t, std::size_t> lastLayerSlice(const Model& model) {
  for (auto it = model.layers().rbegin(); it != model.layers().rend(); ++it) {
    if (const std::size_t count = (*it)->parameterCount(); count > 0) {
      return {model.parameterCount() - count, count};
    }
  }
  throw Error("property attack: the network has no parameters");
}

/// Draws shadow batches from the server's own data: with the property (at least one example of
/// class k, the rest at random) or without it (no example of class k).
class ShadowSampler {
 public:
  ShadowSampler(const Dataset& data, int k) {
    for (std::size_t i = 0; i < data.size(); ++i) (data.labels[i] == k ? m_with : m_without).push_back(i);
    if (m_with.empty()) {
      throw Error("privacy.property_class: the server's data has no example of class " +
                  std::to_string(k));
    }
    m_all.resize(data.size());
    for (std::size_t i = 0; i < m_all.size(); ++i) m_all[i] = i;
  }
  enum class Kind { With, Without, AsItComes };
  std::vector<std::size_t> batch(Kind kind, int size, Rng& rng, const Dataset& data, int k) const {
    std::vector<std::size_t> rows(static_cast<std::size_t>(size));
    const auto& pool = kind == Kind::Without ? m_without : m_all;
    for (auto& r : rows) r = pool[rng.below(pool.size())];
    if (kind == Kind::With && !batchHasClass(data, rows, k)) {
      rows[rng.below(rows.size())] = m_with[rng.below(m_with.size())];
    }
    return rows;
  }

 private:
  std::vector<std::size_t> m_with, m_without, m_all;
};

// The mean gradient of the batch on `model`, with the workers' defense applied, added into sum.
void addDefendedGradient(Model& model, const Dataset& data, const std::vector<std::size_t>& rows,
                         const PropertyAttackOptions& o, Rng& noise, std::vector<float>& sum) {
  Matrix x, targets, dOut;
  std::vector<int> labels;
  gatherBatch(data, rows, x, labels, targets);
  model.zeroGradients();
  computeLoss(LossKind::CrossEntropy, model.forward(x), {labels, nullptr}, &dOut);
  model.backward(dOut);
  std::vector<float> g(model.gradients().begin(), model.gradients().end());
  applyDefenseToBuffer(g, o.defense, o.defenseStrength, noise);
  for (std::size_t i = 0; i < g.size(); ++i) sum[i] += g[i];
}

Eigen::VectorXd featuresOf(std::span<const float> values, std::pair<std::size_t, std::size_t> slice) {
  Eigen::VectorXd f(static_cast<Eigen::Index>(slice.second));
  for (std::size_t i = 0; i < slice.second; ++i) f(static_cast<Eigen::Index>(i)) = values[slice.first + i];
  return f;
}

}  // namespace

bool batchHasClass(const Dataset& data, const std::vector<std::size_t>& rows, int k) {
  return std::any_of(rows.begin(), rows.end(), [&](std::size_t r) { return data.labels[r] == k; });
}

PropertyAttackResult inferProperty(Model& model, const Dataset& auxiliary,
                                   const std::vector<PropertyRound>& rounds,
                                   const PropertyAttackOptions& o) {
  const auto slice = lastLayerSlice(model);
  const ShadowSampler sampler(auxiliary, o.propertyClass);
  Rng rng = Rng::stream(o.seed, RngPurpose::Attack);
  Rng noise = Rng::stream(o.seed + 1, RngPurpose::Noise);  // not the workers' own noise
  const int perRound = std::max(2, o.shadowBatches / 2 * 2);
  Eigen::MatrixXd shadows(static_cast<Eigen::Index>(rounds.size()) * perRound,
                          static_cast<Eigen::Index>(slice.second));
  std::vector<int> shadowLabels;
  std::vector<float> sum(model.parameterCount());
  Eigen::Index row = 0;
  for (const PropertyRound& round : rounds) {
    if (round.parameters.size() != model.parameterCount()) {
      throw Error("property attack: a round holds " + std::to_string(round.parameters.size()) +
                  " parameters; the network has " + std::to_string(model.parameterCount()));
    }
    std::copy(round.parameters.begin(), round.parameters.end(), model.parameters().begin());
    for (int s = 0; s < perRound; ++s) {
      // What the server would read if the victim's batch had (or had not) the property: its
      // gradient alone, or the round's mean with the other workers' batches at random.
      using Kind = ShadowSampler::Kind;
      const bool with = s % 2 == 0;
      std::fill(sum.begin(), sum.end(), 0.0f);
      addDefendedGradient(model, auxiliary,
                          sampler.batch(with ? Kind::With : Kind::Without, o.batchSize, rng,
                                        auxiliary, o.propertyClass),
                          o, noise, sum);
      for (int w = 1; w < o.workers; ++w) {  // the others' batches, whatever they hold
        addDefendedGradient(
            model, auxiliary,
            sampler.batch(Kind::AsItComes, o.batchSize, rng, auxiliary, o.propertyClass), o,
            noise, sum);
      }
      for (auto& v : sum) v /= static_cast<float>(o.workers);
      shadows.row(row++) = featuresOf(sum, slice).transpose();
      shadowLabels.push_back(with ? 1 : 0);
    }
  }
  MetaClassifier meta;
  meta.fit(shadows, shadowLabels);
  PropertyAttackResult result;
  result.shadowExamples = static_cast<int>(shadowLabels.size());
  result.features = static_cast<int>(slice.second);
  int right = 0;
  for (const PropertyRound& round : rounds) {
    const double score = meta.score(featuresOf(round.observed, slice));
    result.scores.push_back(score);
    result.truth.push_back(round.hasProperty ? 1 : 0);
    right += (score >= 0.5) == round.hasProperty;
  }
  result.auc = areaUnderRoc(result.scores, result.truth);
  result.accuracy = rounds.empty() ? NAN : static_cast<double>(right) / static_cast<double>(rounds.size());
  return result;
}

}  // namespace distlab::engine
