// The rules between fields that are each valid alone. What a strategy allows is asked of the
// strategy (its registry's object), never decided by comparing its name.
#include <algorithm>

#include "aggregate/models/model_aggregator.h"
#include "cluster/sync_rule.h"
#include "core/spec.h"
#include "data/partitioners/partitioner.h"
#include "defenses/defense.h"
#include "lessons/experiment.h"

namespace distlab::engine {
namespace {

bool isImageDataset(const std::string& name) {
  return name == "fashion-mnist" || name == "mnist" || name == "cifar10";
}

void checkPerWorkerList(const std::vector<double>& list, int workers, const char* path,
                        std::vector<SpecError>& errors) {
  if (list.empty() || static_cast<int>(list.size()) == workers) return;
  errors.push_back({path,
                    "has " + std::to_string(list.size()) +
                        " entries; allowed: none (all workers alike) or one per worker (" +
                        std::to_string(workers) + ")",
                    "per_worker_count",
                    {std::to_string(list.size()), std::to_string(workers)}});
}

void checkModelAndData(const Spec& s, std::vector<SpecError>& errors) {
  const auto& d = s.dataset;
  const auto& m = s.model;
  if (m.arch == "lenet5" && !isImageDataset(d.name)) {
    errors.push_back({"model.arch",
                      "\"lenet5\" needs an image data set (fashion-mnist, mnist or cifar10); "
                      "dataset.name is \"" + d.name + "\"",
                      "lenet5_needs_images",
                      {d.name}});
  }
  if (d.name == "height-weight" && s.training.loss != "mse") {
    errors.push_back({"training.loss",
                      "\"" + s.training.loss +
                          "\" needs class labels; the height-weight data set is a regression, "
                          "allowed: mse",
                      "loss_needs_labels",
                      {s.training.loss}});
  }
  if (m.init == "uniform" && !(m.initLow < m.initHigh)) {
    errors.push_back({"model.init_range", "low must be below high; got [" +
                                              std::to_string(m.initLow) + ", " +
                                              std::to_string(m.initHigh) + "]"});
  }
  if (d.name == "blobs" && d.samples != 0 && d.samples < d.classes * 2) {
    errors.push_back({"dataset.samples", std::to_string(d.samples) +
                                             " is too few; allowed: 0 (default) or at least 2 "
                                             "per class (" +
                                             std::to_string(d.classes * 2) + ")"});
  }
}

void checkPrivacy(const Spec& s, const Experiment& experiment, const SyncRule& rule,
                  std::vector<SpecError>& errors) {
  const Defense& defense = defenses().at(s.privacy.defense);
  if (s.privacy.defenseStrength >= defense.strengthLimit()) {
    errors.push_back({"privacy.defense_strength",
                      std::to_string(s.privacy.defenseStrength) + " is too strong for " +
                          s.privacy.defense + "; allowed: 0 to below " +
                          std::to_string(defense.strengthLimit()) + " (topk would prune everything)"});
  }
  if (experiment.defendsPushes(s) && defense.changesGradient()) {
    if (defense.needsExamples()) {
      errors.push_back({"privacy.defense",
                        "\"" + s.privacy.defense +
                            "\" needs each example's gradient; in a cluster run allowed: none, "
                            "noise, topk, fp16, int8"});
    }
    if (rule.pushKind != PushKind::Gradient) {
      errors.push_back({"privacy.defense", "defends gradient pushes; cluster.sync \"" +
                                               s.cluster.sync + "\" pushes models"});
    }
  }
  if (s.privacy.secureAggregation) {
    if (!rule.gathersRounds) {
      errors.push_back({"privacy.secure_aggregation",
                        "masks cancel only in the sum of a whole round; allowed with a "
                        "cluster.sync that gathers rounds: bsp or local-sgd (is \"" +
                            s.cluster.sync + "\")"});
    }
    if (rule.keepsMembers()) {
      errors.push_back({"privacy.secure_aggregation",
                        "the server sees only the round's sum; cluster.model_aggregation \"" +
                            s.cluster.modelAggregation + "\" needs each model (allowed: average)"});
    }
    if (s.cluster.workers < 2) {
      errors.push_back({"privacy.secure_aggregation", "needs at least 2 cluster.workers"});
    }
    if (!experiment.masksPushes()) {
      errors.push_back({"privacy.secure_aggregation",
                        "masks a cluster run's pushes; allowed with experiment cluster (or "
                        "inversion, for its cluster-trained privacy-utility runs), not \"" +
                            s.experiment + "\""});
    }
  }
  if (s.privacy.captureWorker >= 0 && rule.pushKind != PushKind::Gradient) {
    errors.push_back({"privacy.capture_worker",
                      "local SGD pushes models, not gradients; the attack needs a cluster.sync "
                      "that pushes gradients: bsp, asp or ssp"});
  }
}

void checkCluster(const Spec& s, const Experiment& experiment, std::vector<SpecError>& errors) {
  const auto& c = s.cluster;
  const bool regression = s.dataset.name == "height-weight";
  const ModelAggregator& models = modelAggregators().at(c.modelAggregation);
  if (models.keepsMembers() && syncRuleFor(c).pushKind != PushKind::Model) {
    errors.push_back({"cluster.model_aggregation",
                      "\"" + c.modelAggregation +
                          "\" combines whole models; it needs cluster.sync \"local-sgd\" (is \"" +
                          c.sync + "\")"});
  }
  if (models.keepsMembers() && regression) {
    errors.push_back({"cluster.model_aggregation",
                      "ensembles average class probabilities; the height-weight data set is a "
                      "regression, allowed: average"});
  }
  checkPerWorkerList(c.capacities, c.workers, "cluster.capacities", errors);
  checkPerWorkerList(c.slowdown, c.workers, "cluster.slowdown", errors);
  checkPerWorkerList(c.bandwidthMbps, c.workers, "cluster.bandwidth_mbps", errors);
  if (c.peerTimeoutMs <= c.heartbeatMs) {
    errors.push_back({"cluster.peer_timeout_ms",
                      std::to_string(c.peerTimeoutMs) +
                          " would declare live workers dead; allowed: more than "
                          "cluster.heartbeat_ms (" +
                          std::to_string(c.heartbeatMs) + ")"});
  }
  if (partitioners().at(c.partition).needsLabels() && regression &&
      experiment.usesPartitioner()) {
    errors.push_back({"cluster.partition",
                      "\"" + c.partition +
                          "\" splits by class label; the height-weight data set has none, "
                          "allowed: shuffle-split, with-replacement",
                      "partition_needs_labels",
                      {c.partition}});
  }
}

}  // namespace

std::vector<SpecError> validateSpec(const Spec& s) {
  std::vector<SpecError> errors;
  const Experiment& experiment = experiments().at(s.experiment);
  checkModelAndData(s, errors);
  experiment.validate(s, errors);
  checkPrivacy(s, experiment, syncRuleFor(s), errors);
  checkCluster(s, experiment, errors);
  // Two rules may say the same thing about one field: once is enough.
  std::vector<SpecError> unique;
  for (auto& e : errors) {
    const bool seen = std::any_of(unique.begin(), unique.end(), [&](const SpecError& u) {
      return u.path == e.path && u.message == e.message;
    });
    if (!seen) unique.push_back(std::move(e));
  }
  return unique;
}

}  // namespace distlab::engine
