// Lesson 8a: poisoning against robust aggregation. The live run trains a real cluster in which
// security.attackers attack and the server judges every round with security.aggregator (the
// detection dashboard follows it); then, on the same seed, every rule meets the attack (and a
// clean run sets the bar), or every rule meets every attack: the lecture's "poisoning hurts,
// robust rules resist, not all of them against every attack", measured.
#include <cstdio>

#include "aggregate/robust/robust_aggregator.h"
#include "core/error.h"
#include "core/spec_problems.h"
#include "core/stopwatch.h"
#include "lessons/cluster/cluster_runs.h"
#include "lessons/experiment.h"
#include "lessons/lesson_result.h"
#include "lessons/run_folder.h"
#include "lessons/security/security_outcome.h"
#include "security/poison_attack.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {
namespace {

struct Matchup {
  std::string attack, rule;
};

/// The comparison's runs: the clean mean first, then each rule the worker count allows against
/// each compared attack.
/// The comparison's run of one attack against one rule: the spec with those two.
Spec matchupSpec(const Spec& spec, const Matchup& m) {
  Spec run = spec;
  run.experiment = "cluster";
  // security.attack_strength is the spec's attack's knob; the others meet theirs at default.
  if (m.attack != spec.security.attack) run.security.attackStrength = 0.0;
  run.security.attack = m.attack;
  run.security.aggregator = m.rule;
  return run;
}

std::vector<Matchup> matchups(const Spec& spec) {
  std::vector<std::string> attacks;
  if (spec.security.compare == "grid") {
    for (const auto& a : poisonAttacks().names()) {
      if (!poisonAttacks().at(a).harmless()) attacks.push_back(a);
    }
  } else if (!poisonAttacks().at(spec.security.attack).harmless()) {
    attacks.push_back(spec.security.attack);
  }
  std::vector<Matchup> out{{"none", "mean"}};
  for (const auto& attack : attacks) {
    for (const auto& rule : robustAggregators().names()) {
      // A pair this cluster cannot run (Bulyan with too few workers, ALIE under local SGD...)
      // is left out with the reason, never run as something else.
      if (comparisonRunnable(matchupSpec(spec, {attack, rule}), attack + " against " + rule)) {
        out.push_back({attack, rule});
      }
    }
  }
  return out;
}

void addOutcome(ResultTable& table, const Matchup& m, const SecurityOutcome& o, double seconds) {
  table.columns[0].texts.push_back(m.attack);
  table.columns[1].texts.push_back(m.rule);
  const double row[] = {o.testAccuracy,  o.backdoorSuccess, o.precision, o.recall,
                        o.attackerScore, o.honestScore,     seconds};
  for (std::size_t c = 0; c < std::size(row); ++c) table.columns[c + 2].numbers.push_back(row[c]);
}

class SecurityExperiment final : public Experiment {
 public:
  std::string_view name() const override { return "security"; }
  bool trainsCluster() const override { return true; }
  bool announcesItself() const override { return true; }

  void validate(const Spec& s, std::vector<SpecError>& errors) const override {
    if (s.dataset.name == "height-weight") {
      errors.push_back(specProblem(
          "dataset.name", "not_the_lessons_data",
          {s.dataset.name, "security", "fashion-mnist, mnist, cifar10, blobs, spirals"}));
    }
  }

  int run(const Spec& spec, RunContext& context) const override {
    const Stopwatch clock;
    int code = 0;
    if (!runLiveClusterFirst(spec, context, code)) return code;  // failed or stopped

    LessonResult result;
    result.lesson = "security";
    const auto events = readEventsFile(context.outDir + "/events.jsonl");
    result.tables.push_back(detectionTable(events, spec.cluster.workers));
    ResultTable table{
        "security_comparison",
        {texts("attack"), texts("rule"), numbers("test_accuracy"), numbers("backdoor_success"),
         numbers("flag_precision"), numbers("flag_recall"), numbers("attacker_score"),
         numbers("honest_score"), numbers("wall_s")}};
    addOutcome(table, {spec.security.attack, spec.security.aggregator}, securityOutcome(events),
               clock.seconds());
    if (spec.security.compare != "none") compare(spec, context, table);
    result.tables.push_back(std::move(table));
    finishLesson(std::move(result), context);
    context.events.record(RunEnded{steadyNowNs(), EndReason::Completed, 0, kServerLane, 0, ""});
    return 0;
  }

 private:
  static void compare(const Spec& spec, RunContext& context, ResultTable& table) {
    const auto runs = matchups(spec);
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const Matchup& m = runs[i];
      if (m.attack == spec.security.attack && m.rule == spec.security.aggregator) continue;
      const std::string label = m.attack + " / " + m.rule;
      context.events.record(LessonStage{steadyNowNs(), "security", static_cast<int>(i),
                                        static_cast<int>(runs.size()),
                                        {{"security.attack", m.attack},
                                         {"security.aggregator", m.rule}},
                                        spec.cluster.workers});
      const Spec run = matchupSpec(spec, m);
      const std::string folder =
          prepareRunFolder(run, context.outDir + "/compare/" + m.attack + "-" + m.rule);
      const Stopwatch clock;
      runClusterForLesson(run, folder, label, context.token);
      const auto outcome = securityOutcome(readEventsFile(folder + "/events.jsonl"));
      addOutcome(table, m, outcome, clock.seconds());
      std::printf(
          "%-18s %-14s test accuracy %.4f, backdoor %.3f, flags: precision %.2f, "
          "recall %.2f\n",
          m.attack.c_str(), m.rule.c_str(), outcome.testAccuracy, outcome.backdoorSuccess,
          outcome.precision, outcome.recall);
      std::fflush(stdout);
    }
  }
};

}  // namespace

std::unique_ptr<Experiment> makeSecurityExperiment() {
  return std::make_unique<SecurityExperiment>();
}

}  // namespace distlab::engine
