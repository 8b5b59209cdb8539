// Lesson 7 (`run` on "experiment": "inversion", or `distlab-engine invert`): gradients leak the
// training data. The victim computes the gradient of its private batch, applies its defense and
// shares it; the honest-but-curious server inverts it with privacy.attack. Its progress goes out
// as AttackProgress events (the images so far); the result holds each image's scores (results),
// the attack's curve (attack), the grid of originals over reconstructions (reconstruction) and,
// with privacy.sweep_strengths, the privacy-utility table.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

#include "attacks/gradient_attack.h"
#include "core/keep_freed_memory.h"
#include "core/spec_problems.h"
#include "core/stopwatch.h"
#include "data/load.h"
#include "defenses/defense.h"
#include "lessons/experiment.h"
#include "lessons/inversion/privacy_utility.h"
#include "lessons/inversion/reconstruction_grid.h"
#include "lessons/inversion/victim.h"
#include "lessons/lesson_result.h"

namespace distlab::engine {
namespace {

constexpr int kProgressEvery = 25;  // iterations between two progress pictures

bool isClassification(const std::string& dataset) { return dataset != "height-weight"; }

class InversionExperiment final : public Experiment {
 public:
  std::string_view name() const override { return "inversion"; }
  bool masksPushes() const override { return true; }
  bool defendsPushes(const Spec& s) const override {
    return s.privacy.utilityTraining == "cluster" && !s.privacy.sweepStrengths.empty();
  }

  void validate(const Spec& s, std::vector<SpecError>& errors) const override {
    if (s.model.arch != "mlp" && s.model.arch != "lenet5") {
      errors.push_back(specProblem("model.arch", "not_attacked_yet", {s.model.arch}));
    }
    if (!isClassification(s.dataset.name)) {
      errors.push_back(specProblem("dataset.name", "attack_needs_classes"));
    }
    if (s.privacy.images.empty()) {
      errors.push_back(specProblem("privacy.images", "no_image"));
    }
  }

  int run(const Spec& spec, RunContext& context) const override {
    keepFreedMemory();  // the attack builds and frees the same matrices every evaluation
    const TrainTest data = loadLessonData(spec, context);
    const auto& p = spec.privacy;
    Victim victim = makeVictim(spec, data);
    const int batch = static_cast<int>(victim.rows.size());
    const bool square = victim.originals.rows() == 784;
    ResultTable curve{"attack",
                      {numbers("iteration"), numbers("elapsed_s"), numbers("gradient_distance"),
                       numbers("mean_psnr")}};
    const auto started = std::chrono::steady_clock::now();
    DlgOptions o =
        dlgOptionsFor(spec, (p.captureFrom.empty() ? data.test : data.train).shape.width);
    o.onIteration = [&](int it, double distance, const MatD& images) {
      const auto match = matchImages(images, victim.originals);
      double mean = 0;
      for (int b = 0; b < batch; ++b) {
        mean +=
            psnr(images.col(match[static_cast<std::size_t>(b)]), victim.originals.col(b)) / batch;
      }
      const double elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      for (const auto& [column, value] :
           {std::pair{0, double(it)}, {1, elapsed}, {2, distance}, {3, mean}}) {
        curve.columns[static_cast<std::size_t>(column)].numbers.push_back(value);
      }
      if (it % kProgressEvery == 0) {
        // The images so far, for the window to show while the attack goes on (at half the
        // final grid's scale: the window enlarges them).
        const Image grid =
            square ? reconstructionGrid(victim.originals, images, match, 2, 1) : Image{};
        context.events.record(AttackProgress{steadyNowNs(), it, distance, mean, grid});
        std::fprintf(stderr, "iteration %d: gradient distance %.3g, mean PSNR %.1f dB\n", it,
                     distance, mean);
      }
      return true;
    };
    const AttackOutcome out = gradientAttacks().at(p.attack).run(*victim.target, batch, o);
    LessonResult result;
    result.lesson = "inversion";
    result.tables.push_back(scores(victim, out, square));
    result.tables.push_back(std::move(curve));
    result.curves.push_back({"mean_psnr", "iteration", "mean_psnr",
                             result.tables.back().columns[0].numbers,
                             result.tables.back().columns[3].numbers});
    const auto match = matchImages(out.images, victim.originals);
    if (square) {
      result.images.push_back(
          {"reconstruction", reconstructionGrid(victim.originals, out.images, match, 4, 2)});
    }
    const auto& s = result.tables.front();
    double meanPsnr = 0;
    int right = 0;
    for (int b = 0; b < batch; ++b) {
      meanPsnr += s.columns[4].numbers[static_cast<std::size_t>(b)] / batch;
      right += s.columns[1].numbers[static_cast<std::size_t>(b)] ==
               s.columns[2].numbers[static_cast<std::size_t>(b)];
    }
    std::printf(
        "%s on %d image%s (%s defense, strength %g): mean PSNR %.2f dB, labels right "
        "%d of %d, after %d iterations (%d evaluations)\n",
        p.attack.c_str(), batch, batch == 1 ? "" : "s", p.defense.c_str(), p.defenseStrength,
        meanPsnr, right, batch, out.iterations, out.evaluations);
    const bool sweeps = !p.sweepStrengths.empty() && defenses().at(p.defense).changesGradient() &&
                        spec.model.arch != "lenet5" && p.captureFrom.empty();
    if (sweeps) {
      std::fprintf(stderr, "privacy-utility: %s at %zu strengths...\n", p.defense.c_str(),
                   p.sweepStrengths.size());
      result.tables.push_back(privacyUtilityTable(spec, data, context));
    }
    finishLesson(std::move(result), context);
    return 0;
  }

 private:
  // Per original: its index and label, the label recovered, and the reconstruction's scores.
  static ResultTable scores(const Victim& victim, const AttackOutcome& out, bool square) {
    ResultTable t{"results",
                  {numbers("image"), numbers("label"), numbers("recovered_label"), numbers("mse"),
                   numbers("psnr"), numbers("ssim")}};
    const auto match = matchImages(out.images, victim.originals);
    for (int b = 0; b < static_cast<int>(match.size()); ++b) {
      const int r = match[static_cast<std::size_t>(b)];
      const VecD rec = out.images.col(r), orig = victim.originals.col(b);
      const double row[] = {double(victim.rows[static_cast<std::size_t>(b)]),
                            double(victim.labels[static_cast<std::size_t>(b)]),
                            double(out.labels[static_cast<std::size_t>(r)]),
                            meanSquaredErrorOf(rec, orig),
                            psnr(rec, orig),
                            square ? ssim(rec, orig, 28, 28) : NAN};
      for (std::size_t c = 0; c < std::size(row); ++c) t.columns[c].numbers.push_back(row[c]);
    }
    return t;
  }
};

}  // namespace

std::unique_ptr<Experiment> makeInversionExperiment() {
  return std::make_unique<InversionExperiment>();
}

}  // namespace distlab::engine
