#include "core/spec_problems.h"
#include "lessons/inversion/privacy_utility.h"

#include <cstdio>

#include "core/error.h"
#include "core/stopwatch.h"
#include "data/load.h"
#include "defenses/defense.h"
#include "lessons/cluster/cluster_runs.h"
#include "lessons/inversion/privacy_sweep.h"
#include "lessons/lesson_result.h"
#include "lessons/run_folder.h"

namespace distlab::engine {
namespace {

// The price of a defense measured on the real cluster: this spec run as a cluster with every
// worker defending its PUSH, one run per strength in OUT/utility/<defense>-<strength>.
DefendedTraining clusterTraining(const Spec& spec, RunContext& context) {
  return [&spec, &context, stage = 0](const std::string& defense, double strength) mutable {
    Spec run = spec;
    run.experiment = "cluster";
    run.privacy.defense = defense;
    run.privacy.defenseStrength = strength;
    run.privacy.captureWorker = -1;
    char label[96];
    std::snprintf(label, sizeof label, "%s-%g", defense.c_str(), strength);
    run.name = spec.name + " " + label;
    const int stages = 1 + static_cast<int>(spec.privacy.sweepStrengths.size());
    context.events.record(LessonStage{steadyNowNs(), "inversion", stage++, stages,
                                      {{"privacy.defense", defense},
                                       {"privacy.defense_strength", formatSpecNumber(strength)}},
                                      run.cluster.workers});
    std::fprintf(stderr, "privacy-utility: training on a cluster of %d with %s\n",
                 run.cluster.workers, label);
    const std::string folder = prepareRunFolder(run, context.outDir + "/utility/" + label);
    const auto rows = runClusterForLesson(run, folder, std::string("the cluster run ") + label,
                                          context.token);
    return rows.back().testAccuracy;
  };
}

}  // namespace

ResultTable privacyUtilityTable(const Spec& spec, const TrainTest& data, RunContext& context) {
  ResultTable table{"privacy_utility",
                    {texts("defense"), numbers("strength"), numbers("attack_psnr"),
                     numbers("attack_ssim"), numbers("test_accuracy"), texts("training")}};
  std::printf("%-8s %9s %12s %12s %14s\n", "defense", "strength", "attack PSNR", "attack SSIM",
              "test accuracy");
  const DefendedTraining train = spec.privacy.utilityTraining == "cluster"
                                     ? clusterTraining(spec, context)
                                     : DefendedTraining{};
  for (const auto& point : privacyUtility(spec, data, spec.privacy.sweepStrengths, train)) {
    std::printf("%-8s %9g %9.2f dB %12.3f %13.2f%% (%s)\n", point.defense.c_str(),
                point.strength, point.attackPsnr, point.attackSsim, point.testAccuracy * 100,
                point.training.c_str());
    std::fflush(stdout);
    table.columns[0].texts.push_back(point.defense);
    table.columns[1].numbers.push_back(point.strength);
    table.columns[2].numbers.push_back(point.attackPsnr);
    table.columns[3].numbers.push_back(point.attackSsim);
    table.columns[4].numbers.push_back(point.testAccuracy);
    table.columns[5].texts.push_back(point.training);
  }
  return table;
}

int runPrivacyUtility(const Spec& spec, RunContext& context) {
  if (!defenses().at(spec.privacy.defense).changesGradient() ||
      spec.privacy.sweepStrengths.empty()) {
    throw SpecProblemError(specProblem("privacy.sweep_strengths", "sweep_needs_strengths"));
  }
  LessonResult result;
  result.lesson = "inversion";
  result.tables.push_back(
      privacyUtilityTable(spec, loadLessonData(spec, context), context));
  finishLesson(std::move(result), context);
  return 0;
}

}  // namespace distlab::engine
