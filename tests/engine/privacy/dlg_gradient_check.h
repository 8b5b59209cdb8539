#pragma once
#include <cmath>
#include <functional>

#include <gtest/gtest.h>

#include "attacks/attack_mlp.h"

namespace distlab::engine::testing {

/// Checks a DLG objective's gradients with respect to the dummy input and the dummy label
/// logits against central finite differences of its distance (step 1e-5).
inline void expectDlgGradientsMatchFiniteDifferences(
    const std::function<DlgValue(const MatD&, const MatD&)>& dlg, const MatD& x,
    const MatD& labels) {
  const DlgValue d = dlg(x, labels);
  const double h = 1e-5;
  auto check = [&](const MatD& at, const MatD& analytic, bool input) {
    for (Eigen::Index i = 0; i < at.size(); ++i) {
      MatD up = at, down = at;
      up.data()[i] += h;
      down.data()[i] -= h;
      const double numeric = input ? (dlg(up, labels).distance - dlg(down, labels).distance) / (2 * h)
                                   : (dlg(x, up).distance - dlg(x, down).distance) / (2 * h);
      EXPECT_NEAR(analytic.data()[i], numeric, 1e-8 + 1e-6 * std::abs(numeric))
          << (input ? "input " : "label ") << i;
    }
  };
  check(x, d.dx, true);
  check(labels, d.dLabelLogits, false);
}

}  // namespace distlab::engine::testing
