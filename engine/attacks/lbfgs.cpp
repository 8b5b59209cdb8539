#include "attacks/lbfgs.h"

#include <cmath>
#include <deque>

namespace distlab::engine {
namespace {

struct Probe {
  double alpha, value, slope;  ///< f(x + alpha d) and its derivative along d
};

// Cubic interpolation of the minimizer between two probes, kept inside the bracket.
double interpolate(const Probe& lo, const Probe& hi) {
  const double d1 = lo.slope + hi.slope - 3 * (lo.value - hi.value) / (lo.alpha - hi.alpha);
  const double squared = d1 * d1 - lo.slope * hi.slope;
  if (squared >= 0) {
    const double d2 = std::copysign(std::sqrt(squared), hi.alpha - lo.alpha);
    const double t = hi.alpha - (hi.alpha - lo.alpha) * (hi.slope + d2 - d1) /
                                    (hi.slope - lo.slope + 2 * d2);
    const double a = std::min(lo.alpha, hi.alpha), b = std::max(lo.alpha, hi.alpha);
    if (t > a + 0.1 * (b - a) && t < b - 0.1 * (b - a)) return t;
  }
  return 0.5 * (lo.alpha + hi.alpha);
}

}  // namespace

LbfgsResult minimizeLbfgs(const Objective& f, Eigen::VectorXd& x, const LbfgsOptions& o) {
  LbfgsResult result;
  Eigen::VectorXd g(x.size());
  double fx = f(x, &g);
  ++result.evaluations;
  std::deque<Eigen::VectorXd> ss, ys;
  std::deque<double> rhos;
  for (int it = 0; it < o.maxIterations; ++it) {
    if (g.norm() <= o.gradientTolerance || !std::isfinite(fx)) {
      result.converged = std::isfinite(fx);
      break;
    }
    // Two-loop recursion: d = -H g.
    Eigen::VectorXd q = g;
    std::vector<double> alphas(ss.size());
    for (std::size_t i = ss.size(); i-- > 0;) {
      alphas[i] = rhos[i] * ss[i].dot(q);
      q -= alphas[i] * ys[i];
    }
    if (!ss.empty()) q *= ss.back().dot(ys.back()) / ys.back().squaredNorm();
    for (std::size_t i = 0; i < ss.size(); ++i) q += ss[i] * (alphas[i] - rhos[i] * ys[i].dot(q));
    Eigen::VectorXd d = -q;
    double slope0 = g.dot(d);
    if (slope0 >= 0) {  // not a descent direction: restart from the gradient
      ss.clear();
      ys.clear();
      rhos.clear();
      d = -g;
      slope0 = -g.squaredNorm();
    }
    // Strong Wolfe line search (bracket, then zoom).
    const Probe start{0.0, fx, slope0};
    Probe previous = start;
    double alpha = ss.empty() ? std::min(1.0, 1.0 / g.lpNorm<1>()) : 1.0;
    Eigen::VectorXd xNew(x.size()), gNew(x.size());
    auto probe = [&](double a) {
      xNew = x + a * d;
      const double v = f(xNew, &gNew);
      ++result.evaluations;
      return Probe{a, v, gNew.dot(d)};
    };
    Probe chosen{0, fx, slope0};
    bool found = false;
    auto zoom = [&](Probe lo, Probe hi) {
      for (int k = 0; k < o.maxLineSearch; ++k) {
        const Probe p = probe(interpolate(lo, hi));
        if (p.value > fx + o.c1 * p.alpha * slope0 || p.value >= lo.value) {
          hi = p;
        } else {
          if (std::abs(p.slope) <= -o.c2 * slope0) return std::make_pair(p, true);
          if (p.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
          lo = p;
        }
        if (std::abs(hi.alpha - lo.alpha) < 1e-12) break;
      }
      // Settle for the best point that decreases f.
      if (lo.alpha > 0) {
        probe(lo.alpha);
        return std::make_pair(lo, true);
      }
      return std::make_pair(lo, false);
    };
    for (int k = 0; k < o.maxLineSearch && !found; ++k) {
      const Probe p = probe(alpha);
      if (!std::isfinite(p.value) || p.value > fx + o.c1 * alpha * slope0 ||
          (k > 0 && p.value >= previous.value)) {
        std::tie(chosen, found) = zoom(previous, p);
        break;
      }
      if (std::abs(p.slope) <= -o.c2 * slope0) {
        chosen = p;
        found = true;
        break;
      }
      if (p.slope >= 0) {
        std::tie(chosen, found) = zoom(p, previous);
        break;
      }
      previous = p;
      alpha *= 2;
    }
    if (!found) {
      // No acceptable step along d. With curvature pairs that no longer describe the function,
      // start afresh from the gradient; if even that fails, this is a minimum to the line
      // search's precision.
      if (ss.empty()) break;
      ss.clear();
      ys.clear();
      rhos.clear();
      continue;
    }
    // xNew/gNew hold the last probe; make sure they are the chosen one's.
    if (xNew != x + chosen.alpha * d) probe(chosen.alpha);
    const Eigen::VectorXd s = xNew - x, yv = gNew - g;
    x = xNew;
    g = gNew;
    fx = chosen.value;
    result.iterations = it + 1;
    if (s.dot(yv) > 1e-12) {
      ss.push_back(s);
      ys.push_back(yv);
      rhos.push_back(1.0 / s.dot(yv));
      if (static_cast<int>(ss.size()) > o.history) {
        ss.pop_front();
        ys.pop_front();
        rhos.pop_front();
      }
    }
    if (o.onIteration && !o.onIteration(it + 1, fx, x)) break;
  }
  result.value = fx;
  return result;
}

}  // namespace distlab::engine
