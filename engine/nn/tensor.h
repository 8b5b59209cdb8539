#pragma once
#include <Eigen/Core>

namespace distlab::engine {

/// Activations and their gradients: one column per example (features x batch), column-major, so
/// a column is one example's C x H x W values in that order.
using Matrix = Eigen::MatrixXf;
using Vector = Eigen::VectorXf;
using MatrixMap = Eigen::Map<Eigen::MatrixXf>;
using VectorMap = Eigen::Map<Eigen::VectorXf>;

}  // namespace distlab::engine
