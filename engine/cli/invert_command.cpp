// `distlab-engine invert SPEC` (and `run` on an "inversion" spec): the privacy lesson's attack.
// The victim computes the gradient of its batch of test images on the spec's MLP, applies its
// defense and shares it; the honest-but-curious server inverts it (DLG, iDLG or the analytic
// first-layer inversion). Writes reconstruction.png (each original beside its reconstruction),
// attack.csv (the gradient distance and mean PSNR per iteration) and results.csv.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "cli/cluster_runs.h"
#include "cli/commands.h"
#include "cluster/push_capture.h"
#include "core/error.h"
#include "data/load.h"
#include "nn/builders.h"
#include "privacy/defenses.h"
#include "privacy/inversion.h"
#include "privacy/model_inversion.h"
#include "privacy/png_writer.h"
#include "privacy/privacy_sweep.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {
namespace {

// Reconstructions matched to originals, greedily by PSNR (a batch comes back in any order).
std::vector<int> matchImages(const MatD& reconstructions, const MatD& originals) {
  const auto n = static_cast<int>(originals.cols());
  std::vector<int> match(static_cast<std::size_t>(n), -1);
  std::vector<bool> used(static_cast<std::size_t>(n), false);
  for (int round = 0; round < n; ++round) {
    double best = -1e300;
    int bestOriginal = -1, bestRecon = -1;
    for (int o = 0; o < n; ++o) {
      if (match[static_cast<std::size_t>(o)] >= 0) continue;
      for (int r = 0; r < n; ++r) {
        if (used[static_cast<std::size_t>(r)]) continue;
        const double q = psnr(reconstructions.col(r), originals.col(o));
        if (q > best) best = q, bestOriginal = o, bestRecon = r;
      }
    }
    match[static_cast<std::size_t>(bestOriginal)] = bestRecon;
    used[static_cast<std::size_t>(bestRecon)] = true;
  }
  return match;
}

std::uint8_t toByte(double v) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0));
}

// Two rows: the originals on top, each reconstruction under its original; 4x, 2-pixel gaps.
// Written to a temporary name and renamed, so a reader never sees half a file.
void writeGrid(const std::string& path, const MatD& originals, const MatD& reconstructions,
               const std::vector<int>& match) {
  constexpr int kScale = 4, kGap = 2, kSide = 28 * kScale;
  const auto batch = static_cast<int>(originals.cols());
  const int width = batch * (kSide + kGap) + kGap, height = 2 * (kSide + kGap) + kGap;
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height, 255);
  for (int b = 0; b < batch; ++b) {
    for (int row = 0; row < 2; ++row) {
      const VecD img = row == 0 ? VecD(originals.col(b))
                                : VecD(reconstructions.col(match[static_cast<std::size_t>(b)]));
      for (int py = 0; py < kSide; ++py) {
        for (int px = 0; px < kSide; ++px) {
          const int gx = kGap + b * (kSide + kGap) + px, gy = kGap + row * (kSide + kGap) + py;
          pixels[static_cast<std::size_t>(gy) * width + gx] =
              toByte(img[(py / kScale) * 28 + px / kScale]);
        }
      }
    }
  }
  writeGrayPng(path + ".part", width, height, pixels);
  std::filesystem::rename(path + ".part", path);
}

}  // namespace

void writeUtilityTable(const Spec& spec, const TrainTest& data, const std::string& outDir);

int runInversion(const Spec& spec, const std::string& outDir) {
  const TrainTest data = loadDataset(spec.dataset, spec.seed);
  const auto& p = spec.privacy;
  const bool captured = !p.captureFrom.empty();
  const PushCapture capture = captured ? readPushCapture(captureFolder(p.captureFrom)) : PushCapture{};
  if (captured && p.attack != "analytic" && capture.rows.size() > 8) {
    throw Error("privacy.capture_from: the captured push holds " +
                std::to_string(capture.rows.size()) +
                " examples; DLG and iDLG rebuild at most 8 (capture a run with "
                "training.batch_size <= 8, or use privacy.attack analytic)");
  }
  // The victims: the spec's test images, or the training rows behind the captured push.
  const Dataset& source = captured ? data.train : data.test;
  std::vector<std::size_t> indices;
  if (captured) {
    indices = capture.rows;
  } else {
    for (const int i : p.images) indices.push_back(static_cast<std::size_t>(i));
  }
  const int batch = static_cast<int>(indices.size());
  const int features = static_cast<int>(source.x.cols());
  MatD originals(features, batch);
  std::vector<int> labels;
  for (int b = 0; b < batch; ++b) {
    const std::size_t index = indices[static_cast<std::size_t>(b)];
    if (index >= source.size()) {
      throw Error("privacy.images: " + std::to_string(index) + " is past the data set's " +
                  std::to_string(source.size()) + " images");
    }
    for (int i = 0; i < features; ++i) originals(i, b) = source.x(static_cast<Eigen::Index>(index), i);
    labels.push_back(source.labels[index]);
  }
  MatD y = MatD::Zero(data.test.numClasses, batch);
  for (int b = 0; b < batch; ++b) y(labels[static_cast<std::size_t>(b)], b) = 1.0;
  Rng rng(spec.seed);
  Rng defenseRng = Rng::stream(spec.seed, RngPurpose::Noise);
  const bool lenet = spec.model.arch == "lenet5";
  // The reference LeNet of torch_dlg.py, or the spec's MLP; weights from model.init_range (or,
  // for a captured push, the parameters the worker computed on).
  AttackMlp model;
  AttackNet net;
  MlpGradient shared;
  // A captured push of a cluster's lenet5 is attacked on that very network (engine/nn, float,
  // through the R-operator), with the parameters the worker computed on.
  std::optional<Model> cnn;
  std::vector<float> observed;
  if (lenet && captured) {
    cnn.emplace(buildModelFor(spec, data.train));
    if (capture.parameters.size() != cnn->parameterCount()) {
      throw Error("privacy.capture_from: the capture holds " +
                  std::to_string(capture.parameters.size()) + " parameters; the spec's model has " +
                  std::to_string(cnn->parameterCount()));
    }
    std::copy(capture.parameters.begin(), capture.parameters.end(), cnn->parameters().begin());
    observed = capture.gradient;
    applyDefenseToBuffer(observed, p.defense, p.defenseStrength, defenseRng);
  } else if (lenet) {
    if (features != 784) throw Error("model.arch: the attack's lenet5 takes 28x28 images");
    net = AttackNet::lenet(data.test.numClasses, spec.model.initHigh, rng);
    if (p.defense == "dp" || p.defense == "local-steps") {
      throw Error("privacy.defense: " + p.defense + " is implemented for the MLP only");
    }
    shared = netGradient(net, originals, y);
    applyDefense(shared, p.defense, p.defenseStrength, defenseRng);
  } else {
    std::vector<int> sizes = {features};
    for (const int h : spec.model.hidden) sizes.push_back(h);
    sizes.push_back(data.test.numClasses);
    model = AttackMlp::random(sizes, spec.model.activation, spec.model.initLow,
                              spec.model.initHigh, rng);
    if (captured) {
      model = mlpFromFlat(sizes, spec.model.activation, capture.parameters);
      shared = mlpGradientFromFlat(model, capture.gradient);
      applyDefense(shared, p.defense, p.defenseStrength, defenseRng);
    } else {
      shared = defendedGradient(model, originals, y, p.defense, p.defenseStrength, p.clipNorm,
                                defenseRng, spec.training.lr);
    }
  }

  Table progress{{"iteration", "elapsed_s", "gradient_distance", "mean_psnr"}, {}};
  const auto started = std::chrono::steady_clock::now();
  MatD reconstructions;
  std::vector<int> recoveredLabels;
  int iterations = 0, evaluations = 0;
  if (p.attack == "analytic") {
    if (lenet) throw Error("privacy.attack: analytic needs a first dense layer; lenet5 starts with a convolution");
    reconstructions = analyticFirstLayer(shared);
    reconstructions.conservativeResize(features, batch);
    for (int b = 1; b < batch; ++b) reconstructions.col(b) = reconstructions.col(0);  // one blend
    recoveredLabels.assign(static_cast<std::size_t>(batch), -1);
  } else {
    DlgOptions o = dlgOptionsFor(spec, source.shape.width);
    o.onIteration = [&](int it, double distance, const MatD& images) {
      double mean = 0;
      const auto match = matchImages(images, originals);
      for (int b = 0; b < batch; ++b) {
        mean += psnr(images.col(match[static_cast<std::size_t>(b)]), originals.col(b)) / batch;
      }
      const double elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      progress.rows.push_back({std::to_string(it), std::to_string(elapsed),
                               std::to_string(distance), std::to_string(mean)});
      if (it % 25 == 0) {
        // The grid so far, for the window to show while the attack goes on.
        if (features == 784) writeGrid(outDir + "/reconstruction.png", originals, images, match);
        std::fprintf(stderr, "iteration %d: gradient distance %.3g, mean PSNR %.1f dB\n", it,
                     distance, mean);
      }
      return true;
    };
    std::vector<int> known;
    if (p.attack == "idlg" || cnn) {
      if (batch != 1) {
        throw Error(cnn ? "privacy.capture_from: a lenet5 push is attacked with its label read "
                          "first (iDLG), so one example; capture a run with training.batch_size 1"
                        : "privacy.attack: idlg reads one label; use a batch of 1 image");
      }
      known = {cnn ? idlgLabelOf(*cnn, observed) : idlgLabel(shared)};
    }
    const DlgResult r = cnn     ? invertModelGradient(*cnn, observed, known, o)
                        : lenet ? invertNetGradient(net, shared, batch, o, known)
                                : invertGradient(model, shared, batch, o, known);
    reconstructions = r.images;
    iterations = r.iterations;
    evaluations = r.evaluations;
    for (int b = 0; b < batch; ++b) {
      Eigen::Index label = 0;
      r.labelLogits.col(b).maxCoeff(&label);
      recoveredLabels.push_back(static_cast<int>(label));
    }
  }
  const auto match = matchImages(reconstructions, originals);
  Table results{{"image", "label", "recovered_label", "mse", "psnr", "ssim"}, {}};
  const bool square = features == 784;
  double meanPsnr = 0;
  int labelsRight = 0;
  for (int b = 0; b < batch; ++b) {
    const int r = match[static_cast<std::size_t>(b)];
    labelsRight += recoveredLabels[static_cast<std::size_t>(r)] == labels[static_cast<std::size_t>(b)];
    const VecD rec = reconstructions.col(r), orig = originals.col(b);
    const double q = psnr(rec, orig);
    meanPsnr += q / batch;
    results.rows.push_back(
        {std::to_string(indices[static_cast<std::size_t>(b)]),
         std::to_string(labels[static_cast<std::size_t>(b)]),
         std::to_string(recoveredLabels[static_cast<std::size_t>(r)]),
         std::to_string(meanSquaredErrorOf(rec, orig)), std::to_string(q),
         square ? std::to_string(ssim(rec, orig, 28, 28)) : std::string("")});
  }
  writeCsvFile(results, outDir + "/results.csv");
  writeCsvFile(progress, outDir + "/attack.csv");
  if (square) writeGrid(outDir + "/reconstruction.png", originals, reconstructions, match);
  std::printf("%s on %d image%s (%s defense, strength %g): mean PSNR %.2f dB, labels right "
              "%d of %d, after %d iterations (%d evaluations)\n",
              p.attack.c_str(), batch, batch == 1 ? "" : "s", p.defense.c_str(),
              p.defenseStrength, meanPsnr, labelsRight, batch, iterations, evaluations);
  std::fprintf(stderr, "wrote %s/reconstruction.png, results.csv and attack.csv\n", outDir.c_str());
  if (!p.sweepStrengths.empty() && p.defense != "none" && !lenet && !captured) {
    std::fprintf(stderr, "privacy-utility: %s at %zu strengths...\n", p.defense.c_str(),
                 p.sweepStrengths.size());
    writeUtilityTable(spec, data, outDir);
  }
  return 0;
}

int runPrivacyUtility(const std::string& specPath, const std::string& outDirOption) {
  const Spec spec = loadSpecFile(specPath);
  if (spec.privacy.defense == "none" || spec.privacy.sweepStrengths.empty()) {
    throw Error("privacy: name a defense (privacy.defense) and the strengths to try "
                "(privacy.sweep_strengths, e.g. [0.001, 0.01, 0.1])");
  }
  const std::string outDir = prepareRunFolder(spec, outDirOption);
  writeUtilityTable(spec, loadDataset(spec.dataset, spec.seed), outDir);
  return 0;
}

namespace {

// The price of a defense measured on the real cluster: this spec run as a cluster with every
// worker defending its PUSH, one run per strength in OUT/utility/<defense>-<strength>.
DefendedTraining clusterTraining(const Spec& spec, const std::string& outDir) {
  return [&spec, outDir](const std::string& defense, double strength) {
    Spec run = spec;
    run.experiment = "cluster";
    run.privacy.defense = defense;
    run.privacy.defenseStrength = strength;
    run.privacy.captureWorker = -1;
    char label[96];
    std::snprintf(label, sizeof label, "%s-%g", defense.c_str(), strength);
    run.name = spec.name + " " + label;
    std::fprintf(stderr, "privacy-utility: training on a cluster of %d with %s\n",
                 run.cluster.workers, label);
    const std::string folder = prepareRunFolder(run, outDir + "/utility/" + label);
    const auto rows = runClusterForLesson(run, folder, std::string("the cluster run ") + label);
    return std::stod(rows.back()[kTestAccuracy]);
  };
}

}  // namespace

void writeUtilityTable(const Spec& spec, const TrainTest& data, const std::string& outDir) {
  Table table{{"defense", "strength", "attack_psnr", "attack_ssim", "test_accuracy", "training"},
              {}};
  std::printf("%-8s %9s %12s %12s %14s\n", "defense", "strength", "attack PSNR", "attack SSIM",
              "test accuracy");
  const DefendedTraining train = spec.privacy.utilityTraining == "cluster"
                                     ? clusterTraining(spec, outDir)
                                     : DefendedTraining{};
  for (const auto& point : privacyUtility(spec, data, spec.privacy.sweepStrengths, train)) {
    std::printf("%-8s %9g %9.2f dB %12.3f %13.2f%% (%s)\n", point.defense.c_str(),
                point.strength, point.attackPsnr, point.attackSsim, point.testAccuracy * 100,
                point.training.c_str());
    std::fflush(stdout);
    table.rows.push_back({point.defense, std::to_string(point.strength),
                          std::to_string(point.attackPsnr), std::to_string(point.attackSsim),
                          std::to_string(point.testAccuracy), point.training});
  }
  writeCsvFile(table, outDir + "/privacy_utility.csv");
  std::fprintf(stderr, "wrote %s/privacy_utility.csv\n", outDir.c_str());
}

int runInvert(const std::string& specPath, const std::string& outDirOption) {
  Spec spec = loadSpecFile(specPath);
  return runInversion(spec, prepareRunFolder(spec, outDirOption));
}

}  // namespace distlab::engine
