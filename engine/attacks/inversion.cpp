#include "attacks/inversion.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/rng.h"
#include "attacks/adam.h"

namespace distlab::engine {

int idlgLabel(const MlpGradient& gradient) {
  const MatD& last = gradient.weights.back();
  Eigen::Index best = 0;
  last.rowwise().sum().minCoeff(&best);
  return static_cast<int>(best);
}

VecD analyticFirstLayer(const MlpGradient& gradient) {
  const VecD& db = gradient.biases.front();
  Eigen::Index row = 0;
  db.cwiseAbs().maxCoeff(&row);
  if (db[row] == 0.0) throw Error("analytic inversion: the first layer's bias gradient is zero");
  return gradient.weights.front().row(row).transpose() / db[row];
}

DlgResult invertGradient(const AttackMlp& model, const MlpGradient& target, int batch,
                         const DlgOptions& o, const std::vector<int>& labels) {
  return invertWith(
      [&](const MatD& x, const MatD& y) { return dlgObjective(model, x, y, target, o.distance); },
      model.inputs(), model.classes(), batch, o, labels);
}

DlgResult invertNetGradient(const AttackNet& net, const MlpGradient& target, int batch,
                            const DlgOptions& o, const std::vector<int>& labels) {
  return invertWith(
      [&](const MatD& x, const MatD& y) { return netDlgObjective(net, x, y, target, o.distance); },
      net.inputs(), net.classes(), batch, o, labels);
}

DlgOptions dlgOptionsFor(const Spec& spec, int imageWidth) {
  const PrivacySpec& p = spec.privacy;
  DlgOptions o;
  o.iterations = p.iterations;
  o.seed = spec.seed;
  o.distance = matchDistanceFromName(p.distance);
  o.optimizer = p.optimizer == "adam" ? DlgOptimizer::Adam : DlgOptimizer::Lbfgs;
  o.learningRate = p.learningRate;
  o.tvWeight = p.tvWeight;
  o.restarts = p.restarts;
  o.imageWidth = imageWidth;
  return o;
}

namespace {

// One start of the attack from `seed`; the unknowns are stacked: the images (n x batch), then
// (DLG only) the label logits (k x batch).
DlgResult attackOnce(const std::function<DlgValue(const MatD&, const MatD&)>& dlg, int n, int k,
                     int batch, const DlgOptions& o, const MatD& knownLogits,
                     std::uint64_t seed, int iterationOffset) {
  const bool fixed = knownLogits.size() > 0;
  Rng rng(seed);
  Eigen::VectorXd z(n * batch + (fixed ? 0 : k * batch));
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    z[i] = i < n * batch ? rng.uniform() : rng.normal();  // images in [0, 1], logits N(0, 1)
  }
  auto unpack = [&](const Eigen::VectorXd& v, MatD& x, MatD& y) {
    x = Eigen::Map<const MatD>(v.data(), n, batch);
    y = fixed ? knownLogits : MatD(Eigen::Map<const MatD>(v.data() + n * batch, k, batch));
  };
  const int width = o.imageWidth > 0 ? o.imageWidth : static_cast<int>(std::lround(std::sqrt(n)));
  auto prior = [&](const MatD& x, MatD* grad) {
    return o.tvWeight > 0 ? o.tvWeight * totalVariation(x, width, grad) : 0.0;
  };
  const Objective objective = [&](const Eigen::VectorXd& v, Eigen::VectorXd* grad) {
    MatD x, y;
    unpack(v, x, y);
    DlgValue d = dlg(x, y);
    if (o.tvWeight > 0) {
      MatD tvGrad = MatD::Zero(n, batch);
      d.distance += prior(x, &tvGrad);
      d.dx += o.tvWeight * tvGrad;
    }
    grad->resize(v.size());
    Eigen::Map<MatD>(grad->data(), n, batch) = d.dx;
    if (!fixed) Eigen::Map<MatD>(grad->data() + n * batch, k, batch) = d.dLabelLogits;
    return d.distance;
  };
  // What the progress reports is the gradient distance alone: the prior is taken out again.
  std::function<bool(int, double, const Eigen::VectorXd&)> progress;
  if (o.onIteration) {
    progress = [&](int it, double f, const Eigen::VectorXd& v) {
      MatD x, y;
      unpack(v, x, y);
      return o.onIteration(iterationOffset + it, f - prior(x, nullptr), x);
    };
  }
  LbfgsResult r;
  if (o.optimizer == DlgOptimizer::Adam) {
    AdamOptions ao;
    ao.maxIterations = o.iterations;
    ao.learningRate = o.learningRate;
    ao.onIteration = progress;
    r = minimizeAdam(objective, z, ao);
  } else {
    LbfgsOptions lo;
    lo.maxIterations = o.iterations;
    lo.onIteration = progress;
    r = minimizeLbfgs(objective, z, lo);
  }
  DlgResult out;
  unpack(z, out.images, out.labelLogits);
  out.distance = r.value - prior(out.images, nullptr);
  out.iterations = r.iterations;
  out.evaluations = r.evaluations;
  return out;
}

}  // namespace

DlgResult invertWith(const std::function<DlgValue(const MatD&, const MatD&)>& dlg, int n, int k,
                     int batch, const DlgOptions& o, const std::vector<int>& labels) {
  const bool fixed = o.knownLabels || !labels.empty();
  if (fixed && static_cast<int>(labels.size()) != batch) {
    throw Error("iDLG: " + std::to_string(labels.size()) + " labels for a batch of " +
                std::to_string(batch));
  }
  if (o.restarts < 1) throw Error("DLG: restarts must be at least 1");
  MatD knownLogits;
  if (fixed) {
    knownLogits = MatD::Constant(k, batch, -30.0);  // softmax of it is one-hot to 1e-13
    for (int b = 0; b < batch; ++b) knownLogits(labels[static_cast<std::size_t>(b)], b) = 30.0;
  }
  DlgResult best;
  int iterations = 0, evaluations = 0;
  for (int r = 0; r < o.restarts; ++r) {
    DlgResult one = attackOnce(dlg, n, k, batch, o, knownLogits, o.seed + static_cast<std::uint64_t>(r),
                               iterations);
    iterations += one.iterations;
    evaluations += one.evaluations;
    if (r == 0 || one.distance < best.distance) {
      best = std::move(one);
      best.restart = r;
    }
  }
  best.iterations = iterations;
  best.evaluations = evaluations;
  return best;
}

double totalVariation(const MatD& images, int width, MatD* grad) {
  const Eigen::Index n = images.rows();
  if (width < 1 || n % width != 0) {
    throw Error("total variation: " + std::to_string(n) + " pixels are not rows of " +
                std::to_string(width));
  }
  const Eigen::Index height = n / width;
  constexpr double kSmooth = 1e-6;  // sqrt(d^2 + eps) is |d| made differentiable at 0
  const double pairs = static_cast<double>(images.cols()) *
                       static_cast<double>((width - 1) * height + width * (height - 1));
  if (pairs <= 0) return 0.0;
  double total = 0.0;
  auto term = [&](Eigen::Index col, Eigen::Index a, Eigen::Index b) {
    const double d = images(a, col) - images(b, col);
    const double root = std::sqrt(d * d + kSmooth);
    total += root;
    if (grad) {
      (*grad)(a, col) += d / root / pairs;
      (*grad)(b, col) -= d / root / pairs;
    }
  };
  for (Eigen::Index c = 0; c < images.cols(); ++c) {
    for (Eigen::Index y = 0; y < height; ++y) {
      for (Eigen::Index x = 0; x < width; ++x) {
        const Eigen::Index i = y * width + x;
        if (x + 1 < width) term(c, i + 1, i);
        if (y + 1 < height) term(c, i + width, i);
      }
    }
  }
  return total / pairs;
}

double meanSquaredErrorOf(const VecD& a, const VecD& b) {
  if (a.size() != b.size()) throw Error("image metrics: the images differ in size");
  return (a - b).squaredNorm() / static_cast<double>(std::max<Eigen::Index>(1, a.size()));
}

double psnr(const VecD& reconstruction, const VecD& original) {
  const double mse = meanSquaredErrorOf(reconstruction, original);
  return mse <= 1e-10 ? 100.0 : 10.0 * std::log10(1.0 / mse);
}

double ssim(const VecD& x, const VecD& y, int width, int height) {
  if (x.size() != width * height || y.size() != width * height) {
    throw Error("ssim: the images are not " + std::to_string(width) + "x" + std::to_string(height));
  }
  constexpr int kRadius = 5;
  double window[2 * kRadius + 1], total = 0;
  for (int i = -kRadius; i <= kRadius; ++i) {
    window[i + kRadius] = std::exp(-(i * i) / (2 * 1.5 * 1.5));
    total += window[i + kRadius];
  }
  for (double& w : window) w /= total;
  const double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
  double sum = 0;
  int count = 0;
  // Valid windows only (as skimage with gaussian_weights and no padding of the mean map).
  for (int r = kRadius; r < height - kRadius; ++r) {
    for (int c = kRadius; c < width - kRadius; ++c) {
      double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
      for (int i = -kRadius; i <= kRadius; ++i) {
        for (int j = -kRadius; j <= kRadius; ++j) {
          const double w = window[i + kRadius] * window[j + kRadius];
          const double a = x[(r + i) * width + c + j], b = y[(r + i) * width + c + j];
          mx += w * a;
          my += w * b;
          sxx += w * a * a;
          syy += w * b * b;
          sxy += w * a * b;
        }
      }
      const double vx = sxx - mx * mx, vy = syy - my * my, cxy = sxy - mx * my;
      sum += ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
      ++count;
    }
  }
  return count ? sum / count : 0.0;
}

}  // namespace distlab::engine
