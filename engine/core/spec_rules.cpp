// The rules between fields that are each valid alone. What a strategy allows is asked of the
// strategy (its registry's object), never decided by comparing its name.
#include <arpa/inet.h>

#include <algorithm>

#include "core/spec_problems.h"
#include "aggregate/models/model_aggregator.h"
#include "aggregate/robust/robust_aggregator.h"
#include "cluster/sync/sync_policy.h"
#include "cluster/sync_rule.h"
#include "core/spec.h"
#include "data/partitioners/partitioner.h"
#include "defenses/defense.h"
#include "encoders/update_encoder.h"
#include "lessons/experiment.h"
#include "security/poison_attack.h"

namespace distlab::engine {
namespace {

// Beyond these bounds a uniform first draw overflows the first forward pass (every loss NaN).
constexpr double kInitBound = 100.0;

bool isIpAddress(const std::string& text) {
  unsigned char bytes[sizeof(in6_addr)];
  return inet_pton(AF_INET, text.c_str(), bytes) == 1 ||
         inet_pton(AF_INET6, text.c_str(), bytes) == 1;
}

bool isImageDataset(const std::string& name) {
  return name == "fashion-mnist" || name == "mnist" || name == "cifar10";
}

void checkPerWorkerList(const std::vector<double>& list, int workers, const char* path,
                        std::vector<SpecError>& errors) {
  if (list.empty() || static_cast<int>(list.size()) == workers) return;
  errors.push_back(specProblem(path, "per_worker_count",
                               {std::to_string(list.size()), std::to_string(workers)}));
}

void checkModelAndData(const Spec& s, std::vector<SpecError>& errors) {
  const auto& d = s.dataset;
  const auto& m = s.model;
  if (m.arch == "lenet5" && !isImageDataset(d.name)) {
    errors.push_back(specProblem("model.arch", "lenet5_needs_images", {d.name}));
  }
  if (d.name == "height-weight" && s.training.loss != "mse") {
    errors.push_back(specProblem("training.loss", "loss_needs_labels", {s.training.loss}));
  }
  if (m.init == "uniform" && !(m.initLow < m.initHigh)) {
    errors.push_back(specProblem("model.init_range", "init_range_order",
                                 {std::to_string(m.initLow), std::to_string(m.initHigh)}));
  } else if (m.init == "uniform" && (m.initLow < -kInitBound || m.initHigh > kInitBound)) {
    // Far beyond this the first forward pass overflows and every loss is NaN.
    errors.push_back(specProblem("model.init_range", "init_range_too_wide",
                                 {formatSpecNumber(m.initLow), formatSpecNumber(m.initHigh),
                                  formatSpecNumber(kInitBound)}));
  }
  if (d.name == "blobs" && d.samples != 0 && d.samples < d.classes * 2) {
    errors.push_back(specProblem("dataset.samples", "too_few_samples",
                                 {std::to_string(d.samples), std::to_string(d.classes * 2)}));
  }
}

void checkPrivacy(const Spec& s, const Experiment& experiment, const SyncRule& rule,
                  std::vector<SpecError>& errors) {
  const Defense& defense = defenses().at(s.privacy.defense);
  if (s.privacy.defenseStrength >= defense.strengthLimit()) {
    errors.push_back(specProblem("privacy.defense_strength", "defense_too_strong",
                                 {std::to_string(s.privacy.defenseStrength), s.privacy.defense,
                                  std::to_string(defense.strengthLimit())}));
  }
  if (experiment.defendsPushes(s) && defense.changesGradient()) {
    if (defense.needsExamples()) {
      errors.push_back(specProblem("privacy.defense", "defense_needs_examples", {s.privacy.defense}));
    }
    if (rule.pushKind != PushKind::Gradient) {
      errors.push_back(specProblem("privacy.defense", "defense_needs_gradients", {s.cluster.sync}));
    }
  }
  // A federated run (its own process mode) checks its secure rounds itself.
  if (s.privacy.secureAggregation && experiment.processMode(s) == nullptr) {
    if (!rule.gathersRounds) {
      errors.push_back(
          specProblem("privacy.secure_aggregation", "secure_needs_rounds", {s.cluster.sync}));
    }
    if (rule.keepsMembers()) {
      errors.push_back(specProblem("privacy.secure_aggregation", "secure_needs_sum",
                                   {s.cluster.modelAggregation}));
    }
    if (s.cluster.workers < 2) {
      errors.push_back(specProblem("privacy.secure_aggregation", "secure_needs_workers"));
    }
    if (updateEncoders().at(s.cluster.encoder).isLossy()) {
      errors.push_back(
          specProblem("cluster.encoder", "secure_needs_exact_words", {s.cluster.encoder}));
    }
  }
  if (s.privacy.homomorphic && experiment.processMode(s) == nullptr) {
    const auto* he = "privacy.homomorphic";
    if (!rule.gathersRounds) errors.push_back(specProblem(he, "he_needs_rounds", {s.cluster.sync}));
    if (rule.keepsMembers()) {
      errors.push_back(specProblem(he, "secure_needs_sum", {s.cluster.modelAggregation}));
    }
    if (s.cluster.workers < 2) errors.push_back(specProblem(he, "secure_needs_workers"));
    if (s.privacy.secureAggregation) errors.push_back(specProblem(he, "one_protection_of_the_sum"));
    if (updateEncoders().at(s.cluster.encoder).wireId() != 0) {
      errors.push_back(specProblem("cluster.encoder", "he_is_the_encoding", {s.cluster.encoder}));
    }
    if (s.privacy.captureWorker >= 0) {
      errors.push_back(specProblem("privacy.capture_worker", "he_hides_pushes"));
    }
    if (s.privacy.paillierBits % 2 != 0) {
      errors.push_back(specProblem("privacy.paillier_bits", "he_needs_even_bits",
                                   {std::to_string(s.privacy.paillierBits)}));
    }
    if (!experiment.masksPushes()) {
      errors.push_back(specProblem(he, "secure_needs_cluster", {s.experiment}));
    }
  }
  if (s.privacy.dp != "none" && experiment.processMode(s) == nullptr) {
    if (rule.pushKind != PushKind::Gradient) {
      errors.push_back(specProblem("privacy.dp", "dp_needs_gradients", {s.cluster.sync}));
    } else if (s.privacy.dp == "central" && !rule.gathersRounds) {
      errors.push_back(specProblem("privacy.dp", "dp_central_needs_rounds", {s.cluster.sync}));
    }
    if (rule.robust) {
      errors.push_back(
          specProblem("security.aggregator", "dp_needs_mean", {s.security.aggregator}));
    }
  }
  if (s.privacy.secureAggregation && !experiment.masksPushes()) {
    errors.push_back(
        specProblem("privacy.secure_aggregation", "secure_needs_cluster", {s.experiment}));
  }
  if (s.cluster.errorFeedback && !updateEncoders().at(s.cluster.encoder).isLossy()) {
    errors.push_back(
        specProblem("cluster.error_feedback", "feedback_needs_lossy", {s.cluster.encoder}));
  }
  if (s.cluster.errorFeedback && rule.pushKind != PushKind::Gradient) {
    errors.push_back(specProblem("cluster.error_feedback", "feedback_needs_gradients", {s.cluster.sync}));
  }
  if (s.privacy.captureWorker >= 0 && rule.pushKind != PushKind::Gradient) {
    errors.push_back(specProblem("privacy.capture_worker", "capture_needs_gradients"));
  }
}

void checkCluster(const Spec& s, const Experiment& experiment, std::vector<SpecError>& errors) {
  const auto& c = s.cluster;
  const bool regression = s.dataset.name == "height-weight";
  const ModelAggregator& models = modelAggregators().at(c.modelAggregation);
  if (models.keepsMembers() && syncRuleFor(c).pushKind != PushKind::Model) {
    errors.push_back(specProblem("cluster.model_aggregation", "members_need_local_sgd",
                                 {c.modelAggregation, c.sync}));
  }
  if (models.keepsMembers() && regression) {
    errors.push_back(specProblem("cluster.model_aggregation", "ensemble_needs_classes"));
  }
  checkPerWorkerList(c.capacities, c.workers, "cluster.capacities", errors);
  // Unless the experiment's own rules (which run first) said it more precisely.
  const bool captureRefused = std::any_of(errors.begin(), errors.end(), [](const SpecError& e) {
    return e.path == "privacy.capture_worker";
  });
  if (const int pool = experiment.attackerPool(s);
      s.privacy.captureWorker >= pool && !captureRefused) {
    errors.push_back(specProblem("privacy.capture_worker", "capture_worker_out_of_range",
                                 {std::to_string(s.privacy.captureWorker),
                                  std::to_string(pool - 1)}));
  }
  if (!isIpAddress(c.bind)) {
    errors.push_back(specProblem("cluster.bind", "bind_not_an_address", {c.bind}));
  }
  checkPerWorkerList(c.slowdown, c.workers, "cluster.slowdown", errors);
  checkPerWorkerList(c.bandwidthMbps, c.workers, "cluster.bandwidth_mbps", errors);
  if (c.peerTimeoutMs <= c.heartbeatMs) {
    errors.push_back(specProblem("cluster.peer_timeout_ms", "timeout_too_short",
                                 {std::to_string(c.peerTimeoutMs), std::to_string(c.heartbeatMs)}));
  }
  if (c.restarts > 0 && !c.launchWorkers) {
    errors.push_back(specProblem("cluster.restarts", "restarts_need_launch"));
  }
  if (c.restarts > 0 && s.privacy.secureAggregation) {
    errors.push_back(specProblem("cluster.restarts", "restarts_not_secure"));
  }
  if (c.checkpointEvery > 0 && s.experiment != "cluster") {
    errors.push_back(specProblem("cluster.checkpoint_every", "checkpoint_needs_cluster", {s.experiment}));
  }
  if (c.checkpointEvery > 0 && (s.privacy.secureAggregation || s.privacy.homomorphic)) {
    errors.push_back(specProblem("cluster.checkpoint_every", "checkpoint_not_secure"));
  }
  if (partitioners().at(c.partition).needsLabels() && regression &&
      experiment.usesPartitioner()) {
    errors.push_back(specProblem("cluster.partition", "partition_needs_labels", {c.partition}));
  }
}

// cluster.sync allreduce: the workers sum their gradients among themselves and there is no
// server to compress for, defend, mask, judge, checkpoint or restart a worker at.
void checkServerless(const Spec& s, const Experiment& experiment, std::vector<SpecError>& errors) {
  if (syncPolicies().at(s.cluster.sync).hasServer()) return;
  if (!experiment.trainsWithoutServer()) {
    errors.push_back(specProblem("cluster.sync", "allreduce_needs_cluster", {s.experiment}));
    return;
  }
  const auto refuse = [&](const char* path, bool wrong, const char* allowed) {
    if (wrong) errors.push_back(specProblem(path, "needs_parameter_server", {allowed}));
  };
  const auto& c = s.cluster;
  refuse("cluster.encoder", c.encoder != "float32", "float32");
  refuse("cluster.error_feedback", c.errorFeedback, "false");
  refuse("cluster.model_aggregation", c.modelAggregation != "average", "average");
  refuse("cluster.bandwidth_mbps", !c.bandwidthMbps.empty(), "[]");
  refuse("cluster.restarts", c.restarts != 0, "0");
  refuse("cluster.checkpoint_every", c.checkpointEvery != 0, "0");
  const auto& p = s.privacy;
  refuse("privacy.defense", defenses().at(p.defense).changesGradient(), "none");
  refuse("privacy.dp", p.dp != "none", "none");
  refuse("privacy.secure_aggregation", p.secureAggregation, "false");
  refuse("privacy.homomorphic", p.homomorphic, "false");
  refuse("privacy.capture_worker", p.captureWorker >= 0, "-1");
  refuse("security.attack", !poisonAttacks().at(s.security.attack).harmless(), "none");
  refuse("security.aggregator", s.security.aggregator != "mean", "mean");
  refuse("adversarial.training", s.adversarial.training != "none", "none");
}

int classesOf(const DatasetSpec& d) {
  if (isImageDataset(d.name)) return 10;
  if (d.name == "blobs") return d.classes;
  if (d.name == "spirals") return 2;
  return 0;
}

void checkSecurity(const Spec& s, const Experiment& experiment, const SyncRule& rule,
                   std::vector<SpecError>& errors) {
  const auto& sec = s.security;
  const int workers = experiment.attackerPool(s);  // ranks, or a federated run's clients
  const PoisonAttack& attack = poisonAttacks().at(sec.attack);
  const RobustAggregator& aggregator = robustAggregators().at(sec.aggregator);
  const bool attacking = !attack.harmless();
  if (attacking && sec.attackers.empty()) {
    errors.push_back(specProblem("security.attackers", "attack_needs_attackers", {sec.attack}));
  }
  std::vector<int> seen;
  for (const int rank : sec.attackers) {
    if (rank >= workers) {
      errors.push_back(specProblem("security.attackers", "attacker_rank_out_of_range",
                                   {std::to_string(rank), std::to_string(workers - 1)}));
    } else if (std::find(seen.begin(), seen.end(), rank) != seen.end()) {
      errors.push_back(
          specProblem("security.attackers", "attacker_repeated", {std::to_string(rank)}));
    }
    seen.push_back(rank);
  }
  if (2 * static_cast<int>(sec.attackers.size()) >= workers && !sec.attackers.empty()) {
    errors.push_back(specProblem("security.attackers", "attackers_not_minority",
                                 {std::to_string(sec.attackers.size()), std::to_string(workers)}));
  }
  if (attack.needsLabels() && s.dataset.name == "height-weight") {
    errors.push_back(specProblem("security.attack", "attack_needs_labels", {sec.attack}));
  }
  if (attack.honestBatches() > 0 &&
      (rule.pushKind != PushKind::Gradient || !experiment.pushesGradients(s))) {
    errors.push_back(
        specProblem("security.attack", "attack_needs_gradients", {sec.attack, s.cluster.sync}));
  }
  if (const int classes = classesOf(s.dataset); classes > 0 && sec.backdoorTarget >= classes) {
    errors.push_back(specProblem("security.backdoor_target", "backdoor_target_out_of_range",
                                 {std::to_string(sec.backdoorTarget), std::to_string(classes - 1)}));
  }
  if (aggregator.trustsEveryPush()) return;
  if (!rule.gathersRounds && experiment.pushesGradients(s)) {
    errors.push_back(
        specProblem("security.aggregator", "robust_needs_rounds", {sec.aggregator, s.cluster.sync}));
  }
  if (s.privacy.secureAggregation) {
    errors.push_back(specProblem("security.aggregator", "robust_needs_each_push", {sec.aggregator}));
  }
  if (rule.keepsMembers()) {
    errors.push_back(specProblem("security.aggregator", "robust_needs_average",
                                 {sec.aggregator, s.cluster.modelAggregation}));
  }
  if (aggregator.picksBestPushes() && sec.krumSelect > experiment.pushesPerRound(s) - sec.f()) {
    errors.push_back(specProblem(
        "security.krum_select", "krum_select_too_many",
        {std::to_string(sec.krumSelect),
         std::to_string(std::max(1, experiment.pushesPerRound(s) - sec.f()))}));
  }
  if (const int fewest = aggregator.fewestPushes(sec.f());
      fewest > experiment.pushesPerRound(s)) {
    errors.push_back(specProblem("security.aggregator", "robust_needs_workers",
                                 {sec.aggregator, std::to_string(sec.f()), std::to_string(fewest),
                                  std::to_string(experiment.pushesPerRound(s))}));
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
  checkServerless(s, experiment, errors);
  checkSecurity(s, experiment, syncRuleFor(s), errors);
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
