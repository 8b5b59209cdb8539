#pragma once
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "attacks/attack_mlp.h"
#include "attacks/attack_net.h"
#include "attacks/inversion.h"
#include "nn/model.h"

namespace distlab::engine {

/// A shared gradient and the network it was computed on, as a gradient-inversion attack sees
/// them: the attacks (attacks/gradient_attack.h) are written against this, whatever the network.
class AttackTarget {
 public:
  virtual ~AttackTarget() = default;
  /// Fits `batch` inputs (and, unless `labels` fixes them, soft labels) whose gradient matches
  /// the shared one (DLG's optimisation).
  virtual DlgResult fit(int batch, const DlgOptions& options,
                        const std::vector<int>& labels) const = 0;
  /// The label of a single example read off the last layer's gradient (iDLG).
  virtual int readLabel() const = 0;
  /// The input a first dense layer with bias gives back exactly (for a batch: their blend);
  /// nothing when the network starts otherwise.
  virtual std::optional<VecD> firstLayerInput() const { return std::nullopt; }
  /// Dummy labels can be fitted with the inputs; false: they must be read first.
  virtual bool fitsLabels() const { return true; }
};

/// The privacy lesson's MLP in double precision.
std::unique_ptr<AttackTarget> mlpTarget(const AttackMlp& model, const MlpGradient& shared);
/// The DLG paper's convolutional network in double precision.
std::unique_ptr<AttackTarget> netTarget(const AttackNet& net, const MlpGradient& shared);
/// Any engine/nn model in float through the R-operator (a captured push of a cluster's
/// network): labels must be read first. The model must outlive the target.
std::unique_ptr<AttackTarget> modelTarget(Model& model, std::span<const float> observed);

}  // namespace distlab::engine
