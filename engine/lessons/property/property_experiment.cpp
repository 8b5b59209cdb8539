// Lesson 8c (experiment "property"): the lecture's privacy attack 1, property inference. A real
// cluster trains while its honest-but-curious server keeps every push of one worker, the victim
// (privacy.capture_worker, privacy.capture_count). Then the server infers from each push whether
// the victim's batch held an example of privacy.property_class, something the task never asked
// for: a meta-classifier trained on shadow gradients of its own data (attacks/property). The
// same run is repeated with the workers' noise defense at each of privacy.sweep_strengths and
// with secure aggregation, and the table shows how far the attack's AUC falls, and what each
// defense costs in accuracy.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "attacks/property/property_inference.h"
#include "attacks/property/roc.h"
#include "core/spec_problems.h"
#include "core/stopwatch.h"
#include "data/load.h"
#include "defenses/defense.h"
#include "encoders/update_encoder.h"
#include "lessons/cluster/cluster_runs.h"
#include "lessons/experiment.h"
#include "lessons/lesson_result.h"
#include "lessons/property/property_rounds.h"
#include "lessons/run_folder.h"
#include "nn/builders.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {
namespace {

/// What the workers do to their pushes in one run of the lesson.
struct Protection {
  std::string defense = "none";
  double strength = 0.0;
  bool secure = false;
  std::string label() const {
    if (secure) return "secure-aggregation";
    if (defense == "none") return "none";
    char text[64];
    std::snprintf(text, sizeof text, "%s-%g", defense.c_str(), strength);
    return text;
  }
  /// The spec fields this run sets, for the window's progress line.
  std::vector<StageSetting> settings() const {
    if (secure) return {{"privacy.secure_aggregation", "true"}};
    if (defense == "none") return {{"privacy.defense", "none"}};
    return {{"privacy.defense", defense}, {"privacy.defense_strength", formatSpecNumber(strength)}};
  }
};

Protection protectionOf(const Spec& s) {
  const bool defends = defenses().at(s.privacy.defense).changesGradient() &&
                       s.privacy.defenseStrength > 0;
  return {defends ? s.privacy.defense : "none", defends ? s.privacy.defenseStrength : 0.0,
          s.privacy.secureAggregation};
}

/// The lesson's runs: the spec's own first, then its defense at each strength, then secure
/// aggregation.
std::vector<Protection> protections(const Spec& spec) {
  std::vector<Protection> out{protectionOf(spec)};
  const auto& p = spec.privacy;
  if (defenses().at(p.defense).changesGradient()) {
    for (const double s : p.sweepStrengths) {
      if (s > 0 && !(out.front().defense == p.defense && out.front().strength == s &&
                     !out.front().secure)) {
        out.push_back({p.defense, s, false});
      }
    }
  }
  if (!p.secureAggregation) out.push_back({"none", 0.0, true});
  return out;
}

class PropertyExperiment final : public Experiment {
 public:
  std::string_view name() const override { return "property"; }
  bool trainsCluster() const override { return true; }
  bool announcesItself() const override { return true; }
  bool masksPushes() const override { return true; }
  bool defendsPushes(const Spec&) const override { return true; }

  void validate(const Spec& s, std::vector<SpecError>& errors) const override {
    if (s.dataset.name == "height-weight") {
      errors.push_back(specProblem(
          "dataset.name", "not_the_lessons_data",
          {s.dataset.name, "property", "fashion-mnist, mnist, cifar10, blobs, spirals"}));
    }
    const auto& p = s.privacy;
    if (p.captureWorker < 0 || p.captureWorker >= s.cluster.workers) {
      errors.push_back(specProblem("privacy.capture_worker", "property_needs_victim",
                                   {std::to_string(s.cluster.workers - 1)}));
    }
    if (p.captureCount < kMinRounds) {
      errors.push_back(specProblem("privacy.capture_count", "property_needs_rounds",
                                   {std::to_string(p.captureCount), std::to_string(kMinRounds)}));
    }
    if (s.cluster.sync != "bsp") {
      errors.push_back(specProblem("cluster.sync", "property_needs_bsp", {s.cluster.sync}));
    }
    if (s.cluster.workers < 2) {
      errors.push_back(specProblem("cluster.workers", "secure_needs_workers"));
    }
    // What the server reads must be what its shadows are: exact float gradients of the plain
    // cross-entropy loss (and the comparison's masked run needs exact words).
    if (updateEncoders().at(s.cluster.encoder).isLossy()) {
      errors.push_back(specProblem("cluster.encoder", "secure_needs_exact_words", {s.cluster.encoder}));
    }
    if (s.training.loss != "cross-entropy") {
      errors.push_back(specProblem("training.loss", "property_needs_plain_training"));
    }
    if (s.adversarial.training != "none") {
      errors.push_back(specProblem("adversarial.training", "property_needs_plain_training"));
    }
    const auto& t = s.training;
    if (t.optimizer != "sgd" || t.momentum != 0 || t.weightDecay != 0) {
      errors.push_back(specProblem(t.optimizer != "sgd" ? "training.optimizer"
                                   : t.momentum != 0    ? "training.momentum"
                                                        : "training.weight_decay",
                                   "property_needs_plain_sgd"));
    }
  }

  int run(const Spec& spec, RunContext& context) const override {
    const Stopwatch clock;
    // The server's own data (the test set) and the class it looks for, checked before any run.
    const TrainTest data = loadDataset(spec.dataset, spec.seed);
    if (spec.privacy.propertyClass >= data.train.numClasses) {
      throw SpecProblemError(specProblem(
          "privacy.property_class", "backdoor_target_out_of_range",
          {std::to_string(spec.privacy.propertyClass), std::to_string(data.train.numClasses - 1)}));
    }
    int code = 0;
    if (!runLiveClusterFirst(spec, context, code)) return code;  // failed or stopped
    Model model = buildModelFor(spec, data.train);
    const auto runs = protections(spec);
    ResultTable table{"property_inference",
                      {texts("setting"), texts("defense"), numbers("strength"),
                       numbers("secure_aggregation"), numbers("rounds"),
                       numbers("property_share"), numbers("auc"), numbers("attack_accuracy"),
                       numbers("shadow_examples"), numbers("test_accuracy"), numbers("wall_s")}};
    LessonResult result;
    result.lesson = "property";
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const Protection& protection = runs[i];
      std::string folder = context.outDir;
      const Stopwatch runClock;
      if (i > 0) {
        context.events.record(LessonStage{steadyNowNs(), "property", static_cast<int>(i),
                                          static_cast<int>(runs.size()), protection.settings(),
                                          spec.cluster.workers});
        Spec run = spec;
        run.experiment = "cluster";
        run.privacy.defense = protection.defense;
        run.privacy.defenseStrength = protection.strength;
        run.privacy.secureAggregation = protection.secure;
        folder = prepareRunFolder(run, context.outDir + "/compare/" + protection.label());
        runClusterForLesson(run, folder, protection.label(), context.token);
      }
      const auto rounds = readPropertyRounds(folder, data.train, spec.privacy.propertyClass,
                                             spec.training.lr);
      PropertyAttackOptions o;
      o.propertyClass = spec.privacy.propertyClass;
      o.shadowBatches = spec.privacy.shadowBatches;
      o.batchSize = spec.training.batchSize;
      o.workers = protection.secure ? spec.cluster.workers : 1;
      o.defense = protection.defense;
      o.defenseStrength = protection.strength;
      o.seed = spec.seed;
      const PropertyAttackResult attack = inferProperty(model, data.test, rounds, o);
      const double final = summarizeRun(readEventsFile(folder + "/events.jsonl")).finalAccuracy;
      const double accuracy = final < 0 ? NAN : final;  // -1: nothing was evaluated
      const double share = static_cast<double>(std::count(attack.truth.begin(), attack.truth.end(), 1)) /
                           static_cast<double>(std::max<std::size_t>(1, attack.truth.size()));
      table.columns[0].texts.push_back(protection.label());
      table.columns[1].texts.push_back(protection.defense);
      const double row[] = {protection.strength, protection.secure ? 1.0 : 0.0,
                            double(rounds.size()), share, attack.auc, attack.accuracy,
                            double(attack.shadowExamples), accuracy,
                            i == 0 ? clock.seconds() : runClock.seconds()};
      for (std::size_t c = 0; c < std::size(row); ++c) table.columns[c + 2].numbers.push_back(row[c]);
      addRoc(result, protection.label(), attack);
      if (i == 0) result.tables.push_back(roundsTable(attack));
      std::printf("%-20s AUC %.3f, attack accuracy %.3f over %zu rounds (%.0f%% with class %d); "
                  "test accuracy %.4f\n",
                  protection.label().c_str(), attack.auc, attack.accuracy, rounds.size(),
                  share * 100, spec.privacy.propertyClass, accuracy);
      std::fflush(stdout);
      // A comparison run's pushes were read: its series is not kept (tens of megabytes).
      if (i > 0) {
        std::error_code ec;
        std::filesystem::remove_all(folder + "/capture-series", ec);
      }
    }
    result.tables.insert(result.tables.begin(), std::move(table));
    finishLesson(std::move(result), context);
    context.events.record(RunEnded{steadyNowNs(), EndReason::Completed, 0, kServerLane, 0, ""});
    return 0;
  }

 private:
  static constexpr int kMinRounds = 10;

  static void addRoc(LessonResult& result, const std::string& label,
                     const PropertyAttackResult& attack) {
    std::vector<double> x, y;
    for (const auto& p : rocCurve(attack.scores, attack.truth)) {
      x.push_back(p.falsePositiveRate);
      y.push_back(p.truePositiveRate);
    }
    result.curves.push_back({"roc " + label, "false_positive_rate", "true_positive_rate",
                             std::move(x), std::move(y)});
  }

  // The spec's own run, round by round: what the victim's batch held and what the server said.
  static ResultTable roundsTable(const PropertyAttackResult& attack) {
    ResultTable t{"property_rounds", {numbers("round"), numbers("has_property"), numbers("score")}};
    for (std::size_t r = 0; r < attack.scores.size(); ++r) {
      t.columns[0].numbers.push_back(double(r));
      t.columns[1].numbers.push_back(attack.truth[r]);
      t.columns[2].numbers.push_back(attack.scores[r]);
    }
    return t;
  }
};

}  // namespace

std::unique_ptr<Experiment> makePropertyExperiment() {
  return std::make_unique<PropertyExperiment>();
}

}  // namespace distlab::engine
