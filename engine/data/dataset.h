#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "data/feature_rows.h"

namespace distlab::engine {

/// Per-example tensor shape, channels x height x width (a flat vector is c x 1 x 1).
struct Shape {
  int channels = 1;
  int height = 1;
  int width = 1;
  int size() const { return channels * height * width; }
  bool operator==(const Shape&) const = default;
};

/// A labelled data set held in memory (its features possibly in a mapping shared with others).
struct Dataset {
  FeatureRows x;                        ///< one example per row, x.cols() == shape.size()
  std::vector<int> labels;              ///< class of each row (classification sets)
  FeatureMatrix targets;                ///< regression targets, one row per example (else empty)
  Shape shape;                          ///< per-example shape
  int numClasses = 0;                   ///< 0 for regression sets
  std::vector<std::string> classNames;  ///< English class names, numClasses of them (may be empty)

  std::size_t size() const { return static_cast<std::size_t>(x.rows()); }
  bool isRegression() const { return numClasses == 0; }
  /// The rows at the given indices, in that order (indices may repeat).
  Dataset select(std::span<const std::size_t> rows) const;
  /// The first n rows (all when n == 0 or n >= size()).
  Dataset head(std::size_t n) const;
};

struct TrainTest {
  Dataset train;
  Dataset test;
};

}  // namespace distlab::engine
