#include "attacks/attack_net.h"

#include <algorithm>
#include <utility>

#include "core/error.h"

namespace distlab::engine {
namespace {

// Average pooling of one example (channel-major), and its adjoint.
void averagePool(const AttackLayer& l, const double* in, double* out) {
  const int oh = l.outH(), ow = l.outW(), k = l.kernel;
  const double share = 1.0 / (k * k);
  for (int c = 0; c < l.inC; ++c) {
    for (int oy = 0; oy < oh; ++oy) {
      for (int ox = 0; ox < ow; ++ox) {
        double sum = 0;
        for (int ky = 0; ky < k; ++ky) {
          for (int kx = 0; kx < k; ++kx) {
            sum += in[(c * l.inH + oy * l.stride + ky) * l.inW + ox * l.stride + kx];
          }
        }
        out[(c * oh + oy) * ow + ox] = sum * share;
      }
    }
  }
}

void averagePoolAdjoint(const AttackLayer& l, const double* d, double* in) {
  const int oh = l.outH(), ow = l.outW(), k = l.kernel;
  const double share = 1.0 / (k * k);
  for (int c = 0; c < l.inC; ++c) {
    for (int oy = 0; oy < oh; ++oy) {
      for (int ox = 0; ox < ow; ++ox) {
        const double g = d[(c * oh + oy) * ow + ox] * share;
        for (int ky = 0; ky < k; ++ky) {
          for (int kx = 0; kx < k; ++kx) {
            in[(c * l.inH + oy * l.stride + ky) * l.inW + ox * l.stride + kx] += g;
          }
        }
      }
    }
  }
}

// The first and one-past-last output column whose input column ox * stride - pad + kx lies
// inside the image.
std::pair<int, int> validColumns(const AttackLayer& l, int kx) {
  const int ow = l.outW();
  const int begin = std::clamp((l.pad - kx + l.stride - 1) / l.stride, 0, ow);
  const int end = std::clamp((l.inW + l.pad - kx + l.stride - 1) / l.stride, begin, ow);
  return {begin, end};
}

// The patches of one example: one row per output position, one column per tap (c, ky, kx),
// so the products below read each tap's column as it lies. kx is the outer loop because the
// range of output columns inside the image depends on it alone.
MatD patches(const AttackLayer& l, const double* a) {
  const int oh = l.outH(), ow = l.outW(), k = l.kernel;
  MatD cols = MatD::Zero(oh * ow, l.inC * k * k);
  for (int kx = 0; kx < k; ++kx) {
    const auto [begin, end] = validColumns(l, kx);
    for (int c = 0; c < l.inC; ++c) {
      for (int ky = 0; ky < k; ++ky) {
        double* column = cols.col((c * k + ky) * k + kx).data();
        for (int oy = 0; oy < oh; ++oy) {
          const int iy = oy * l.stride - l.pad + ky;
          if (iy < 0 || iy >= l.inH) continue;
          const double* row = a + (c * l.inH + iy) * l.inW;
          double* dst = column + oy * ow;
          for (int ox = begin; ox < end; ++ox) dst[ox] = row[ox * l.stride - l.pad + kx];
        }
      }
    }
  }
  return cols;
}

// Adds the patches' values back onto an example's input (the adjoint of patches()). Taps that
// meet on one input pixel are added in (kx, c, ky) order.
void patchesAdjointAdd(const AttackLayer& l, const MatD& cols, double* a) {
  const int oh = l.outH(), ow = l.outW(), k = l.kernel;
  for (int kx = 0; kx < k; ++kx) {
    const auto [begin, end] = validColumns(l, kx);
    for (int c = 0; c < l.inC; ++c) {
      for (int ky = 0; ky < k; ++ky) {
        const double* column = cols.col((c * k + ky) * k + kx).data();
        for (int oy = 0; oy < oh; ++oy) {
          const int iy = oy * l.stride - l.pad + ky;
          if (iy < 0 || iy >= l.inH) continue;
          double* row = a + (c * l.inH + iy) * l.inW;
          const double* src = column + oy * ow;
          for (int ox = begin; ox < end; ++ox) row[ox * l.stride - l.pad + kx] += src[ox];
        }
      }
    }
  }
}

// An example's channel-major values (c, position) seen as a positions x channels matrix.
Eigen::Map<const MatD> byPosition(const AttackLayer& l, const double* d) {
  return {d, l.outH() * l.outW(), l.outC};
}

// A layer's input with, for a convolution, the patches of each example: the forward pass, the
// weight gradient and the double backward all multiply the same patches, so they are cut once.
struct LayerInput {
  MatD a;
  std::vector<MatD> cols;  ///< per example; empty unless the layer is a convolution
};

std::vector<MatD> patchesOf(const AttackLayer& l, const MatD& a) {
  std::vector<MatD> cols;
  if (l.conv) {
    cols.reserve(static_cast<std::size_t>(a.cols()));
    for (Eigen::Index b = 0; b < a.cols(); ++b) cols.push_back(patches(l, a.col(b).data()));
  }
  return cols;
}

LayerInput layerInput(const AttackLayer& l, MatD a) {
  std::vector<MatD> cols = patchesOf(l, a);
  return {std::move(a), std::move(cols)};
}

// A(W) a, without the bias; `cols` holds a's patches when the layer is a convolution.
MatD apply(const AttackLayer& l, const MatD& w, const MatD& a, const std::vector<MatD>& cols) {
  if (l.pool) {
    MatD out(l.outputs(), a.cols());
    for (Eigen::Index b = 0; b < a.cols(); ++b) averagePool(l, a.col(b).data(), out.col(b).data());
    return out;
  }
  if (!l.conv) return w * a;
  const int positions = l.outH() * l.outW();
  MatD out(l.outputs(), a.cols());
  for (Eigen::Index b = 0; b < a.cols(); ++b) {
    // positions x outC, column-major: the channel-major layout of the output.
    Eigen::Map<MatD>(out.col(b).data(), positions, l.outC).noalias() =
        cols[static_cast<std::size_t>(b)] * w.transpose();
  }
  return out;
}

MatD apply(const AttackLayer& l, const MatD& w, const LayerInput& in) {
  return apply(l, w, in.a, in.cols);
}

MatD apply(const AttackLayer& l, const MatD& w, const MatD& a) {
  return apply(l, w, a, patchesOf(l, a));
}

// A(W)^T d, plus A(V)^T e when v is given (then e is too): a convolution cuts the sum back
// into its input once.
MatD applyTransposed(const AttackLayer& l, const MatD& w, const MatD& d, const MatD* v,
                     const MatD* e) {
  if (l.pool) {  // no weights, so never a second term
    MatD out = MatD::Zero(l.inputs(), d.cols());
    for (Eigen::Index b = 0; b < d.cols(); ++b)
      averagePoolAdjoint(l, d.col(b).data(), out.col(b).data());
    return out;
  }
  if (!l.conv) {
    MatD out = w.transpose() * d;
    if (v) out.noalias() += v->transpose() * *e;
    return out;
  }
  MatD out = MatD::Zero(l.inputs(), d.cols());
  MatD cols;
  for (Eigen::Index b = 0; b < d.cols(); ++b) {
    cols.noalias() = byPosition(l, d.col(b).data()) * w;
    if (v) cols.noalias() += byPosition(l, e->col(b).data()) * *v;
    patchesAdjointAdd(l, cols, out.col(b).data());
  }
  return out;
}

MatD applyTransposed(const AttackLayer& l, const MatD& w, const MatD& d) {
  return applyTransposed(l, w, d, nullptr, nullptr);
}

// A(W)^T d + A(V)^T e, for a layer with weights.
MatD applyTransposedSum(const AttackLayer& l, const MatD& w, const MatD& d, const MatD& v,
                        const MatD& e) {
  return applyTransposed(l, w, d, &v, &e);
}

// The weight gradient sum_b d_b (x) a_b, and the bias gradient.
MatD weightGradient(const AttackLayer& l, const MatD& d, const LayerInput& in) {
  if (l.pool) return MatD(0, 0);
  if (!l.conv) return d * in.a.transpose();
  MatD g = MatD::Zero(l.weights.rows(), l.weights.cols());
  for (Eigen::Index b = 0; b < d.cols(); ++b) {
    g.noalias() +=
        byPosition(l, d.col(b).data()).transpose() * in.cols[static_cast<std::size_t>(b)];
  }
  return g;
}

VecD biasGradient(const AttackLayer& l, const MatD& d) {
  if (l.pool) return VecD(0);
  const VecD rows = d.rowwise().sum();
  if (!l.conv) return rows;
  const int positions = l.outH() * l.outW();
  VecD g = VecD::Zero(l.outC);
  for (int c = 0; c < l.outC; ++c) g[c] = rows.segment(c * positions, positions).sum();
  return g;
}

// Adds the bias to every output (and position) of every column of z.
void addBias(const AttackLayer& l, const VecD& bias, MatD& z) {
  if (l.pool) return;
  if (!l.conv) {
    z.colwise() += bias;
    return;
  }
  const Eigen::Index positions = l.outH() * l.outW();
  for (Eigen::Index b = 0; b < z.cols(); ++b) {
    for (int c = 0; c < l.outC; ++c) z.col(b).segment(c * positions, positions).array() += bias[c];
  }
}

struct NetPass {
  std::vector<LayerInput> in;  ///< each layer's input (in[0] holds x)
  std::vector<ActivationDerivatives> acts;
  MatD p;
  std::vector<MatD> delta;
  std::vector<MatD> back;  ///< back[l] = A_l(W)^T delta[l] for l >= 1 (what delta[l - 1] came from)
};

NetPass runNet(const AttackNet& n, const MatD& x, const MatD& y) {
  const std::size_t layers = n.layers.size();
  NetPass pass;
  pass.in.push_back(layerInput(n.layers[0], x));
  MatD z;
  for (std::size_t l = 0; l < layers; ++l) {
    const AttackLayer& L = n.layers[l];
    z = apply(L, L.weights, pass.in.back());
    addBias(L, L.biases, z);
    if (l + 1 < layers) {
      pass.acts.push_back(activationDerivatives(L.pool ? "identity" : n.activation, z));
      pass.in.push_back(layerInput(n.layers[l + 1], pass.acts.back().value));
    }
  }
  pass.p = softmaxColumnsD(z);
  pass.delta.resize(layers);
  pass.back.resize(layers);
  pass.delta[layers - 1] = (pass.p - y) / static_cast<double>(x.cols());
  for (std::size_t l = layers - 1; l > 0; --l) {
    pass.back[l] = applyTransposed(n.layers[l], n.layers[l].weights, pass.delta[l]);
    pass.delta[l - 1] = (pass.back[l].array() * pass.acts[l - 1].first.array()).matrix();
  }
  return pass;
}

}  // namespace

int AttackLayer::inputs() const {
  return conv || pool ? inC * inH * inW : static_cast<int>(weights.cols());
}
int AttackLayer::outputs() const {
  return conv || pool ? outC * outH() * outW() : static_cast<int>(weights.rows());
}

AttackNet AttackNet::lenet(int classes, double range, Rng& rng) {
  AttackNet net;
  auto conv = [&](int inC, int size, int stride) {
    AttackLayer l;
    l.conv = true;
    l.inC = inC;
    l.inH = l.inW = size;
    l.outC = 12;
    l.kernel = 5;
    l.stride = stride;
    l.pad = 2;
    l.weights.resize(12, inC * 25);
    l.biases.resize(12);
    return l;
  };
  net.layers.push_back(conv(1, 28, 2));   // -> 12x14x14
  net.layers.push_back(conv(12, 14, 2));  // -> 12x7x7
  net.layers.push_back(conv(12, 7, 1));   // -> 12x7x7
  AttackLayer fc;
  fc.weights.resize(classes, 588);
  fc.biases.resize(classes);
  net.layers.push_back(fc);
  for (auto& l : net.layers) {
    for (Eigen::Index i = 0; i < l.weights.size(); ++i)
      l.weights.data()[i] = rng.uniform(-range, range);
    for (Eigen::Index i = 0; i < l.biases.size(); ++i) l.biases[i] = rng.uniform(-range, range);
  }
  return net;
}

MatD netLogits(const AttackNet& n, const MatD& x) {
  MatD a = x;
  for (std::size_t l = 0; l < n.layers.size(); ++l) {
    const AttackLayer& L = n.layers[l];
    MatD z = apply(L, L.weights, a);
    addBias(L, L.biases, z);
    if (l + 1 == n.layers.size()) return z;
    a = activationDerivatives(L.pool ? "identity" : n.activation, z).value;
  }
  return a;
}

MlpGradient netGradient(const AttackNet& n, const MatD& x, const MatD& y) {
  const NetPass pass = runNet(n, x, y);
  MlpGradient g;
  for (std::size_t l = 0; l < n.layers.size(); ++l) {
    g.weights.push_back(weightGradient(n.layers[l], pass.delta[l], pass.in[l]));
    g.biases.push_back(biasGradient(n.layers[l], pass.delta[l]));
  }
  return g;
}

// attack_mlp.cpp's double backward with the layers' operators in place of the matrices.
DlgValue netDlgObjective(const AttackNet& n, const MatD& x, const MatD& labelLogits,
                         const MlpGradient& target, MatchDistance kind) {
  const std::size_t layers = n.layers.size();
  const MatD y = softmaxColumnsD(labelLogits);
  const NetPass pass = runNet(n, x, y);
  const double batch = static_cast<double>(x.cols());
  DlgValue out;
  MlpGradient dummy, seed;
  for (std::size_t l = 0; l < layers; ++l) {
    dummy.weights.push_back(weightGradient(n.layers[l], pass.delta[l], pass.in[l]));
    dummy.biases.push_back(biasGradient(n.layers[l], pass.delta[l]));
  }
  out.distance = matchDistance(kind, dummy, target, &seed);
  const std::vector<MatD>& residualW = seed.weights;  // dD/d(dummy gradient)
  const std::vector<VecD>& residualB = seed.biases;
  std::vector<MatD> deltaBar(layers), slopeBar(layers);
  for (std::size_t l = 0; l < layers; ++l) {
    const AttackLayer& L = n.layers[l];
    // A pooling layer has no parameters, so its gradient has no terms in D.
    if (L.pool) {
      deltaBar[l] = MatD::Zero(L.outputs(), x.cols());
    } else {
      deltaBar[l] = apply(L, residualW[l], pass.in[l]);
      addBias(L, residualB[l], deltaBar[l]);
    }
    if (l > 0) {
      deltaBar[l] +=
          apply(L, L.weights, (deltaBar[l - 1].array() * pass.acts[l - 1].first.array()).matrix());
      slopeBar[l - 1] = (deltaBar[l - 1].array() * pass.back[l].array()).matrix();
    }
  }
  const MatD& uL = deltaBar[layers - 1];
  MatD zBar(uL.rows(), uL.cols());
  out.dLabelLogits.resize(uL.rows(), uL.cols());
  for (Eigen::Index c = 0; c < uL.cols(); ++c) {
    const VecD p = pass.p.col(c), q = y.col(c), u = uL.col(c);
    zBar.col(c) = (p.array() * (u.array() - p.dot(u))).matrix() / batch;
    out.dLabelLogits.col(c) = -(q.array() * (u.array() - q.dot(u))).matrix() / batch;
  }
  for (std::size_t l = layers; l-- > 0;) {
    const AttackLayer& L = n.layers[l];
    MatD aBar = L.pool ? applyTransposed(L, L.weights, zBar)
                       : applyTransposedSum(L, L.weights, zBar, residualW[l], pass.delta[l]);
    if (l == 0) {
      out.dx = std::move(aBar);
      break;
    }
    const ActivationDerivatives& d = pass.acts[l - 1];
    zBar = (aBar.array() * d.first.array() + slopeBar[l - 1].array() * d.second.array()).matrix();
  }
  return out;
}

}  // namespace distlab::engine
