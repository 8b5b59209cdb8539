#pragma once
#include <memory>

#include <Eigen/Core>

namespace distlab::engine {

/// Row-major so that one example is one contiguous row; a batch of rows copied next to each other
/// is, in memory, the column-major (features x batch) matrix the layers consume.
using FeatureMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// A data set's feature rows: a matrix of its own, or a read-only view of memory that others own
/// too (the shared mapping every process of a run reads). Copies share the floats; the first
/// write through `mutableView` gives the writer a private copy, so a copy never changes another.
class FeatureRows {
 public:
  using ConstView = Eigen::Map<const FeatureMatrix>;
  using View = Eigen::Map<FeatureMatrix>;

  FeatureRows() = default;
  FeatureRows(FeatureMatrix owned);  // NOLINT(google-explicit-constructor): a matrix is rows
  /// `rows` x `cols` floats at `data`, kept alive (and never written) through `owner`.
  FeatureRows(std::shared_ptr<const void> owner, const float* data, Eigen::Index rows,
              Eigen::Index cols);

  Eigen::Index rows() const { return m_rows; }
  Eigen::Index cols() const { return m_cols; }
  Eigen::Index size() const { return m_rows * m_cols; }
  const float* data() const { return m_data; }
  ConstView view() const { return {m_data, m_rows, m_cols}; }
  auto row(Eigen::Index r) const { return view().row(r); }
  float operator()(Eigen::Index r, Eigen::Index c) const { return m_data[r * m_cols + c]; }
  /// The first n rows, sharing these floats.
  FeatureRows topRows(Eigen::Index n) const;
  /// Writable rows: copies the floats first unless this object is their only user.
  View mutableView();
  /// True when the floats live in memory this process did not allocate (a shared mapping).
  bool isMapped() const { return m_data && !m_matrix; }

 private:
  std::shared_ptr<const void> m_owner;  ///< what keeps m_data alive
  FeatureMatrix* m_matrix = nullptr;    ///< set when m_owner is a matrix we allocated
  const float* m_data = nullptr;
  Eigen::Index m_rows = 0, m_cols = 0;
};

}  // namespace distlab::engine
