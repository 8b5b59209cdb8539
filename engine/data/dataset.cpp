#include "data/dataset.h"

#include <string>

#include "core/error.h"
#include "core/huge_pages.h"

namespace distlab::engine {

Dataset Dataset::select(std::span<const std::size_t> rows) const {
  Dataset out;
  out.shape = shape;
  out.numClasses = numClasses;
  out.classNames = classNames;
  FeatureMatrix features(static_cast<Eigen::Index>(rows.size()), x.cols());
  preferHugePages(features.data(), static_cast<std::size_t>(features.size()) * sizeof(float));
  if (!labels.empty()) out.labels.reserve(rows.size());
  const bool hasTargets = targets.rows() > 0;
  if (hasTargets) out.targets.resize(static_cast<Eigen::Index>(rows.size()), targets.cols());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::size_t r = rows[i];
    if (r >= size()) {
      throw Error("Dataset::select: row " + std::to_string(r) + " is out of range (" +
                  std::to_string(size()) + " rows)");
    }
    const auto to = static_cast<Eigen::Index>(i);
    const auto from = static_cast<Eigen::Index>(r);
    features.row(to) = x.row(from);
    if (!labels.empty()) out.labels.push_back(labels[r]);
    if (hasTargets) out.targets.row(to) = targets.row(from);
  }
  out.x = std::move(features);
  return out;
}

Dataset Dataset::head(std::size_t n) const {
  if (n == 0 || n >= size()) return *this;
  Dataset out;
  out.shape = shape;
  out.numClasses = numClasses;
  out.classNames = classNames;
  const auto rows = static_cast<Eigen::Index>(n);
  out.x = x.topRows(rows);
  if (!labels.empty()) out.labels.assign(labels.begin(), labels.begin() + rows);
  if (targets.rows() > 0) out.targets = targets.topRows(rows);
  return out;
}

}  // namespace distlab::engine
