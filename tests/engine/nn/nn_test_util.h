#pragma once
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/cpu_isa.h"
#include "core/rng.h"
#include "nn/gradient_check.h"
#include "nn/model.h"

namespace distlab::engine::testing {

inline Matrix randomMatrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed,
                           float low = -1.0f, float high = 1.0f) {
  Rng rng(seed);
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) {
    m.data()[i] = static_cast<float>(rng.uniform(low, high));
  }
  return m;
}

/// A one-layer model so the layer gets its slice of a flat buffer, initialised from `seed`.
inline Model singleLayerModel(std::unique_ptr<Layer> layer, Shape input, std::uint64_t seed = 7) {
  Model model(input);
  model.add(std::move(layer));
  model.finalize();
  Rng rng(seed);
  model.initialize(Initializer{InitKind::Uniform, -0.5, 0.5}, rng);
  return model;
}

/// Checks a model's analytic input and parameter gradients of L = sum(R .* f(x)), R random,
/// against central finite differences. Returns {input error, parameter error}.
inline std::pair<double, double> gradientErrors(Model& model, Matrix x, float step = 1e-2f) {
  const Matrix& y0 = model.forward(x);
  const Matrix r = randomMatrix(y0.rows(), y0.cols(), 99);
  auto lossOf = [&]() {
    const Matrix& y = model.forward(x);
    return (y.cast<double>().array() * r.cast<double>().array()).sum();
  };
  model.forward(x);
  model.zeroGradients();
  Matrix dx;
  model.backward(r, &dx);
  const std::vector<float> analyticParams(model.gradients().begin(), model.gradients().end());

  std::vector<double> numericInput(static_cast<std::size_t>(x.size()));
  numericalGradient({x.data(), static_cast<std::size_t>(x.size())}, lossOf, step, numericInput);
  const double inputError =
      relativeError({dx.data(), static_cast<std::size_t>(dx.size())}, numericInput);

  double paramError = 0.0;
  if (model.parameterCount() > 0) {
    std::vector<double> numericParams(model.parameterCount());
    numericalGradient(model.parameters(), lossOf, step, numericParams);
    paramError = relativeError(analyticParams, numericParams);
  }
  return {inputError, paramError};
}

/// Test names for suites run on every kernel variant: "avx2", "avx512".
inline std::string isaTestName(const ::testing::TestParamInfo<Isa>& variant) {
  return std::string(isaName(variant.param));
}

/// Suites run on every kernel variant: each test runs with its parameter's kernels active
/// (skipped where the CPU lacks them) and puts the previous choice back after.
class ActiveIsaTest : public ::testing::TestWithParam<Isa> {
 protected:
  void SetUp() override {
    if (!cpuHas(GetParam())) GTEST_SKIP() << "this CPU cannot run " << isaName(GetParam());
    m_before = activeIsa();
    useIsa(GetParam());
  }
  void TearDown() override {
    if (cpuHas(GetParam())) useIsa(m_before);
  }

 private:
  Isa m_before = Isa::Avx2;
};

}  // namespace distlab::engine::testing
