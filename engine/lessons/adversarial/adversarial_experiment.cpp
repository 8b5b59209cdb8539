// Lesson 8b: adversarial examples. The live run trains a real cluster with
// adversarial.training; with adversarial.compare the same training runs again with the other
// ways (none, pgd, input-gradient) on the same seed. Then each trained model meets the evasion
// attack at every radius of adversarial.epsilons: clean and robust accuracy side by side, and
// the first test images shown as original, adversarial and magnified perturbation.
#include <cstdio>
#include <numeric>

#include "core/error.h"
#include "core/float_file.h"
#include "core/spec_hash.h"
#include "core/spec_problems.h"
#include "core/stopwatch.h"
#include "data/load.h"
#include "lessons/adversarial/example_grid.h"
#include "lessons/cluster/cluster_runs.h"
#include "lessons/experiment.h"
#include "lessons/lesson_result.h"
#include "lessons/run_folder.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "security/adversarial/adversarial_settings.h"
#include "security/adversarial/robust_accuracy.h"

namespace distlab::engine {
namespace {

struct Trained {
  std::string training, folder;
  double seconds = 0.0;
};

std::vector<std::string> trainingsOf(const Spec& spec) {
  std::vector<std::string> out{spec.adversarial.training};
  if (!spec.adversarial.compare) return out;
  for (const auto& t : robustTrainings().names()) {
    if (t != spec.adversarial.training) out.push_back(t);
  }
  return out;
}

class AdversarialExperiment final : public Experiment {
 public:
  std::string_view name() const override { return "adversarial"; }
  bool trainsCluster() const override { return true; }
  bool announcesItself() const override { return true; }

  void validate(const Spec& s, std::vector<SpecError>& errors) const override {
    if (s.dataset.name == "height-weight") {
      errors.push_back(specProblem(
          "dataset.name", "not_the_lessons_data",
          {s.dataset.name, "adversarial", "fashion-mnist, mnist, cifar10, blobs, spirals"}));
    }
  }

  int run(const Spec& spec, RunContext& context) const override {
    if (!spec.adversarial.attackRun.empty()) return attackTrainedRun(spec, context);
    const auto trainings = trainingsOf(spec);
    const int stages = static_cast<int>(trainings.size()) + 1;
    std::vector<Trained> trained;
    // The spec's own training, live in the window.
    Stopwatch clock;
    int code = 0;
    if (!runLiveClusterFirst(spec, context, code)) return code;  // failed or stopped
    trained.push_back({trainings.front(), context.outDir, clock.seconds()});
    for (std::size_t i = 1; i < trainings.size(); ++i) {
      context.events.record(LessonStage{steadyNowNs(), "adversarial", static_cast<int>(i), stages,
                                        {{"adversarial.training", trainings[i]}},
                                        spec.cluster.workers});
      Spec run = spec;
      run.experiment = "cluster";
      run.adversarial.training = trainings[i];
      const std::string folder = prepareRunFolder(run, context.outDir + "/compare/" + trainings[i]);
      clock.restart();
      runClusterForLesson(run, folder, "training " + trainings[i], context.token);
      trained.push_back({trainings[i], folder, clock.seconds()});
    }
    context.events.record(LessonStage{steadyNowNs(), "adversarial", stages - 1, stages,
                                      {{"adversarial.attack", spec.adversarial.attack}},
                                      spec.cluster.workers});
    finishLesson(attackAll(spec, trained), context);
    context.events.record(RunEnded{steadyNowNs(), EndReason::Completed, 0, kServerLane, 0, ""});
    return 0;
  }

 private:
  // adversarial.attack_run: no training; the model, its data and its way of training are the
  // folder's, the attack is this spec's.
  static int attackTrainedRun(const Spec& spec, RunContext& context) {
    const std::string& folder = spec.adversarial.attackRun;
    Spec trained;
    try {
      trained = loadSpecFile(folder + "/spec.json");
    } catch (const Error& e) {
      throw Error(std::string("adversarial.attack_run: ") + e.what());
    }
    if (trained.dataset.name == "height-weight") {
      throw Error("adversarial.attack_run: " + folder +
                  " trained a regression (height-weight); the attack needs class labels");
    }
    trained.adversarial = spec.adversarial;
    trained.seed = spec.seed;
    context.events.record(
        RunStarted{steadyNowNs(), spec.experiment, 0, 0, 0, specHash(spec), "", "", -1, 0, {}});
    std::fprintf(stderr, "attacking the model of %s\n", folder.c_str());
    finishLesson(attackAll(trained, {{"trained-run", folder, 0.0}}), context);
    context.events.record(RunEnded{steadyNowNs(), EndReason::Completed, 0, kServerLane, 0, ""});
    return 0;
  }

  static LessonResult attackAll(const Spec& spec, const std::vector<Trained>& trained) {
    const auto& a = spec.adversarial;
    const TrainTest data = loadDataset(spec.dataset, spec.seed);
    const auto range = featureRange(data.train);
    const LossKind loss = lossFromName(spec.training.loss);
    const AdversarialAttack& attack = adversarialAttacks().at(a.attack);
    Model model = buildModelFor(spec, data.train);
    LessonResult result;
    result.lesson = "adversarial";
    ResultTable curve{
        "robustness",
        {texts("training"), numbers("epsilon"), numbers("test_accuracy"), numbers("test_loss")}};
    ResultTable summary{"adversarial_summary",
                        {texts("training"), numbers("clean_accuracy"), numbers("robust_accuracy"),
                         numbers("epsilon"), numbers("train_seconds")}};
    for (const Trained& t : trained) {
      std::vector<float> params;
      try {
        params = readFloatFile(t.folder + "/params.f32", model.parameterCount());
      } catch (const Error& e) {
        if (spec.adversarial.attackRun.empty()) throw;
        throw Error(std::string("adversarial.attack_run: ") + e.what());
      }
      std::copy(params.begin(), params.end(), model.parameters().begin());
      ResultCurve points{t.training, "epsilon", "test_accuracy", {}, {}};
      for (const double epsilon : a.epsilons) {
        Rng rng = Rng::stream(spec.seed, RngPurpose::Attack, 7000);
        const auto score =
            robustAccuracy(model, loss, data.test, static_cast<std::size_t>(a.testImages), attack,
                           attackSettings(a, epsilon, range), rng);
        for (const auto& [c, v] : {std::pair{1, epsilon}, {2, score.accuracy}, {3, score.loss}}) {
          curve.columns[static_cast<std::size_t>(c)].numbers.push_back(v);
        }
        curve.columns[0].texts.push_back(t.training);
        points.x.push_back(epsilon);
        points.y.push_back(score.accuracy);
        std::printf("%-15s %s %s epsilon %.3f: test accuracy %.4f\n", t.training.c_str(),
                    a.attack.c_str(), a.norm.c_str(), epsilon, score.accuracy);
      }
      std::fflush(stdout);
      Rng rng = Rng::stream(spec.seed, RngPurpose::Attack, 7000);
      const auto clean =
          robustAccuracy(model, loss, data.test, static_cast<std::size_t>(a.testImages), attack,
                         attackSettings(a, 0.0, range), rng);
      const auto robust =
          robustAccuracy(model, loss, data.test, static_cast<std::size_t>(a.testImages), attack,
                         attackSettings(a, a.epsilon, range), rng);
      summary.columns[0].texts.push_back(t.training);
      for (const auto& [c, v] :
           {std::pair{1, clean.accuracy}, {2, robust.accuracy}, {3, a.epsilon}, {4, t.seconds}}) {
        summary.columns[static_cast<std::size_t>(c)].numbers.push_back(v);
      }
      result.curves.push_back(std::move(points));
      if (&t == &trained.front()) addExamples(spec, data, model, attack, range, result);
    }
    result.tables.insert(result.tables.begin(), {std::move(summary), std::move(curve)});
    return result;
  }

  // The first test images of the live run's model: original, adversarial, the change.
  static void addExamples(const Spec& spec, const TrainTest& data, Model& model,
                          const AdversarialAttack& attack, std::pair<float, float> range,
                          LessonResult& result) {
    const auto& a = spec.adversarial;
    std::vector<std::size_t> rows(
        std::min<std::size_t>(static_cast<std::size_t>(a.shownImages), data.test.size()));
    std::iota(rows.begin(), rows.end(), 0);
    Matrix x, targets, xAdv;
    std::vector<int> labels;
    gatherBatch(data.test, rows, x, labels, targets);
    const BatchTargets batch{labels, targets.size() > 0 ? &targets : nullptr};
    Rng rng = Rng::stream(spec.seed, RngPurpose::Attack, 7001);
    const PerturbSettings settings = attackSettings(a, a.epsilon, range);
    attack.perturb(model, lossFromName(spec.training.loss), x, batch, settings, rng, xAdv);
    std::vector<int> before, after;
    std::vector<double> beforeConfidence, afterConfidence;
    predictions(model, x, before, beforeConfidence);
    predictions(model, xAdv, after, afterConfidence);
    ResultTable examples{"adversarial_examples",
                         {numbers("test_index"), numbers("label"), numbers("clean_class"),
                          numbers("clean_confidence"), numbers("adversarial_class"),
                          numbers("adversarial_confidence"), numbers("linf"), numbers("l2")}};
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto j = static_cast<Eigen::Index>(i);
      const double row[] = {static_cast<double>(rows[i]),
                            static_cast<double>(labels[i]),
                            static_cast<double>(before[i]),
                            beforeConfidence[i],
                            static_cast<double>(after[i]),
                            afterConfidence[i],
                            (xAdv.col(j) - x.col(j)).cwiseAbs().maxCoeff(),
                            (xAdv.col(j) - x.col(j)).norm()};
      for (std::size_t c = 0; c < std::size(row); ++c)
        examples.columns[c].numbers.push_back(row[c]);
    }
    result.tables.push_back(std::move(examples));
    const int scale = data.test.shape.width <= 32 ? 3 : 1;
    result.images.push_back(
        {"adversarial_examples", adversarialGrid(x, xAdv, data.test.shape, range.first,
                                                 range.second, a.epsilon, scale, 4)});
  }
};

}  // namespace

std::unique_ptr<Experiment> makeAdversarialExperiment() {
  return std::make_unique<AdversarialExperiment>();
}

}  // namespace distlab::engine
