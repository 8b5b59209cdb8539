#include "attacks/attack_mlp.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"

namespace distlab::engine {
namespace {

// Everything the forward and backward passes keep for the double backward.
struct Pass {
  std::vector<MatD> a;            ///< a[0] = x, a[l] = s(z[l]) (hidden), per layer input
  std::vector<ActivationDerivatives> acts;  ///< per hidden layer
  MatD p;                         ///< softmax of the logits
  std::vector<MatD> delta;        ///< dLoss/dz per layer (already / batch)
};

Pass run(const AttackMlp& m, const MatD& x, const MatD& y) {
  const std::size_t layers = m.weights.size();
  if (x.rows() != m.inputs()) {
    throw Error("attack model: the input has " + std::to_string(x.rows()) + " features, the model " +
                std::to_string(m.inputs()));
  }
  Pass pass;
  pass.a.push_back(x);
  MatD z;
  for (std::size_t l = 0; l < layers; ++l) {
    z = (m.weights[l] * pass.a.back()).colwise() + m.biases[l];
    if (l + 1 < layers) {
      pass.acts.push_back(activationDerivatives(m.activation, z));
      pass.a.push_back(pass.acts.back().value);
    }
  }
  pass.p = softmaxColumnsD(z);
  pass.delta.resize(layers);
  pass.delta[layers - 1] = (pass.p - y) / static_cast<double>(x.cols());
  for (std::size_t l = layers - 1; l > 0; --l) {
    pass.delta[l - 1] =
        ((m.weights[l].transpose() * pass.delta[l]).array() * pass.acts[l - 1].first.array())
            .matrix();
  }
  return pass;
}

}  // namespace

ActivationDerivatives activationDerivatives(const std::string& name, const MatD& z) {
  ActivationDerivatives d;
  if (name == "sigmoid") {
    d.value = (1.0 / (1.0 + (-z.array()).exp())).matrix();
    const auto s = d.value.array();
    d.first = (s * (1 - s)).matrix();
    d.second = (s * (1 - s) * (1 - 2 * s)).matrix();
  } else if (name == "tanh") {
    d.value = z.array().tanh().matrix();
    const auto t = d.value.array();
    d.first = (1 - t * t).matrix();
    d.second = (-2 * t * (1 - t * t)).matrix();
  } else if (name == "softplus") {
    // log(1 + e^z), computed without overflow.
    d.value = z.unaryExpr([](double v) { return std::max(v, 0.0) + std::log1p(std::exp(-std::abs(v))); });
    d.first = (1.0 / (1.0 + (-z.array()).exp())).matrix();
    d.second = (d.first.array() * (1 - d.first.array())).matrix();
  } else if (name == "relu") {
    d.value = z.array().max(0.0).matrix();
    d.first = (z.array() > 0).cast<double>().matrix();
    d.second = MatD::Zero(z.rows(), z.cols());
  } else if (name == "identity") {
    d.value = z;
    d.first = MatD::Ones(z.rows(), z.cols());
    d.second = MatD::Zero(z.rows(), z.cols());
  } else {
    throw Error("attack model: activation \"" + name +
                "\" is unknown; allowed: sigmoid, tanh, softplus, relu");
  }
  return d;
}

AttackMlp AttackMlp::random(const std::vector<int>& sizes, const std::string& activation,
                            double range, Rng& rng) {
  return random(sizes, activation, -range, range, rng);
}

AttackMlp AttackMlp::random(const std::vector<int>& sizes, const std::string& activation,
                            double low, double high, Rng& rng) {
  if (sizes.size() < 2) throw Error("attack model: needs at least inputs and classes");
  AttackMlp m;
  m.activation = activation;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    MatD w(sizes[l + 1], sizes[l]);
    VecD b(sizes[l + 1]);
    for (Eigen::Index i = 0; i < w.size(); ++i) w.data()[i] = rng.uniform(low, high);
    for (Eigen::Index i = 0; i < b.size(); ++i) b[i] = rng.uniform(low, high);
    m.weights.push_back(std::move(w));
    m.biases.push_back(std::move(b));
  }
  activationDerivatives(activation, MatD::Zero(1, 1));  // names the allowed ones if it is unknown
  return m;
}

std::size_t AttackMlp::parameterCount() const {
  std::size_t n = 0;
  for (std::size_t l = 0; l < weights.size(); ++l) {
    n += static_cast<std::size_t>(weights[l].size() + biases[l].size());
  }
  return n;
}

double MlpGradient::squaredDistance(const MlpGradient& o) const {
  double d = 0.0;
  for (std::size_t l = 0; l < weights.size(); ++l) {
    d += (weights[l] - o.weights[l]).squaredNorm() + (biases[l] - o.biases[l]).squaredNorm();
  }
  return d;
}

MatD softmaxColumnsD(const MatD& logits) {
  MatD p(logits.rows(), logits.cols());
  for (Eigen::Index c = 0; c < logits.cols(); ++c) {
    p.col(c) = (logits.col(c).array() - logits.col(c).maxCoeff()).exp().matrix();
    p.col(c) /= p.col(c).sum();
  }
  return p;
}

AttackMlp mlpFromFlat(const std::vector<int>& sizes, const std::string& activation,
                      std::span<const float> flat) {
  AttackMlp m;
  m.activation = activation;
  std::size_t at = 0;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    const std::size_t need = static_cast<std::size_t>(sizes[l + 1]) * (sizes[l] + 1);
    if (at + need > flat.size()) break;
    m.weights.push_back(Eigen::Map<const Eigen::MatrixXf>(flat.data() + at, sizes[l + 1], sizes[l])
                            .cast<double>());
    at += static_cast<std::size_t>(sizes[l + 1]) * sizes[l];
    m.biases.push_back(Eigen::Map<const Eigen::VectorXf>(flat.data() + at, sizes[l + 1]).cast<double>());
    at += static_cast<std::size_t>(sizes[l + 1]);
  }
  if (at != flat.size() || m.weights.size() + 1 != sizes.size()) {
    throw Error("attack model: " + std::to_string(flat.size()) +
                " parameters do not make the spec's MLP");
  }
  return m;
}

MlpGradient mlpGradientFromFlat(const AttackMlp& model, std::span<const float> flat) {
  std::vector<int> sizes = {model.inputs()};
  for (const auto& w : model.weights) sizes.push_back(static_cast<int>(w.rows()));
  const AttackMlp shape = mlpFromFlat(sizes, model.activation, flat);
  return MlpGradient{shape.weights, shape.biases};
}

MatD mlpLogits(const AttackMlp& m, const MatD& x) {
  MatD a = x;
  for (std::size_t l = 0; l + 1 < m.weights.size(); ++l) {
    a = activationDerivatives(m.activation, (m.weights[l] * a).colwise() + m.biases[l]).value;
  }
  return (m.weights.back() * a).colwise() + m.biases.back();
}

MlpGradient mlpGradient(const AttackMlp& m, const MatD& x, const MatD& y) {
  const Pass pass = run(m, x, y);
  MlpGradient g;
  for (std::size_t l = 0; l < m.weights.size(); ++l) {
    g.weights.push_back(pass.delta[l] * pass.a[l].transpose());
    g.biases.push_back(pass.delta[l].rowwise().sum());
  }
  return g;
}

// D = sum_l ||dW_l - T_l||^2 + ||db_l - t_l||^2 with dW_l = delta_l a_{l-1}^T, db_l = delta_l 1.
// Reverse through the backward pass: u_l is the adjoint of delta_l, which flows from layer 1 up
// (delta_{l-1} = (W_l^T delta_l) * s'(z_{l-1})) into the softmax; then the forward pass is
// reversed from the logits down to x, with the extra terms that the gradient's use of a_{l-1}
// and of s'(z_{l-1}) contributes (the latter through s'').
MatchDistance matchDistanceFromName(const std::string& name) {
  if (name == "l2") return MatchDistance::L2;
  if (name == "cosine") return MatchDistance::Cosine;
  throw Error("unknown gradient distance \"" + name + "\"; allowed: l2, cosine");
}

double matchDistance(MatchDistance kind, const MlpGradient& dummy, const MlpGradient& target,
                     MlpGradient* seed) {
  const std::size_t layers = dummy.weights.size();
  seed->weights.resize(layers);
  seed->biases.resize(layers);
  if (kind == MatchDistance::L2) {
    for (std::size_t l = 0; l < layers; ++l) {
      seed->weights[l] = 2.0 * (dummy.weights[l] - target.weights[l]);
      seed->biases[l] = 2.0 * (dummy.biases[l] - target.biases[l]);
    }
    return dummy.squaredDistance(target);
  }
  // D = 1 - <g, t> / (|g| |t|); dD/dg = -t / (|g| |t|) + <g, t> g / (|g|^3 |t|).
  double dot = 0.0, gg = 0.0, tt = 0.0;
  for (std::size_t l = 0; l < layers; ++l) {
    dot += dummy.weights[l].cwiseProduct(target.weights[l]).sum() +
           dummy.biases[l].dot(target.biases[l]);
    gg += dummy.weights[l].squaredNorm() + dummy.biases[l].squaredNorm();
    tt += target.weights[l].squaredNorm() + target.biases[l].squaredNorm();
  }
  const double norms = std::max(std::sqrt(gg * tt), 1e-300);
  const double a = -1.0 / norms, b = dot / (norms * std::max(gg, 1e-300));
  for (std::size_t l = 0; l < layers; ++l) {
    seed->weights[l] = a * target.weights[l] + b * dummy.weights[l];
    seed->biases[l] = a * target.biases[l] + b * dummy.biases[l];
  }
  return 1.0 - dot / norms;
}

DlgValue dlgObjective(const AttackMlp& m, const MatD& x, const MatD& labelLogits,
                      const MlpGradient& target, MatchDistance kind) {
  const std::size_t layers = m.weights.size();
  const MatD y = softmaxColumnsD(labelLogits);
  const Pass pass = run(m, x, y);
  const double batch = static_cast<double>(x.cols());
  DlgValue out;
  MlpGradient dummy, seed;
  for (std::size_t l = 0; l < layers; ++l) {
    dummy.weights.push_back(pass.delta[l] * pass.a[l].transpose());
    dummy.biases.push_back(pass.delta[l].rowwise().sum());
  }
  out.distance = matchDistance(kind, dummy, target, &seed);
  const std::vector<MatD>& residualW = seed.weights;  // dD/d(dummy gradient)
  const std::vector<VecD>& residualB = seed.biases;
  // Adjoints of delta_l, from layer 1 upwards, and of s'(z_l) along the way.
  std::vector<MatD> deltaBar(layers), slopeBar(layers);
  for (std::size_t l = 0; l < layers; ++l) {
    deltaBar[l] = residualW[l] * pass.a[l] + residualB[l] * MatD::Ones(1, x.cols());
    if (l > 0) {
      const MatD back = m.weights[l].transpose() * pass.delta[l];  // W_l^T delta_l
      deltaBar[l] += m.weights[l] * (deltaBar[l - 1].array() * pass.acts[l - 1].first.array()).matrix();
      slopeBar[l - 1] = (deltaBar[l - 1].array() * back.array()).matrix();
    }
  }
  // delta_L = (softmax(z_L) - softmax(yLogits)) / B.
  const MatD& uL = deltaBar[layers - 1];
  MatD zBar(uL.rows(), uL.cols());
  out.dLabelLogits.resize(uL.rows(), uL.cols());
  for (Eigen::Index c = 0; c < uL.cols(); ++c) {
    const VecD p = pass.p.col(c), q = y.col(c), u = uL.col(c);
    zBar.col(c) = (p.array() * (u.array() - p.dot(u))).matrix() / batch;
    out.dLabelLogits.col(c) = -(q.array() * (u.array() - q.dot(u))).matrix() / batch;
  }
  // The forward pass in reverse: a_{l-1} feeds z_l and the gradient dW_l.
  for (std::size_t l = layers; l-- > 0;) {
    const MatD aBar = m.weights[l].transpose() * zBar + residualW[l].transpose() * pass.delta[l];
    if (l == 0) {
      out.dx = aBar;
      break;
    }
    const ActivationDerivatives& d = pass.acts[l - 1];
    zBar = (aBar.array() * d.first.array() + slopeBar[l - 1].array() * d.second.array()).matrix();
  }
  return out;
}

}  // namespace distlab::engine
