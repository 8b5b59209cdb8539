#include "data/feature_rows.h"

namespace distlab::engine {

FeatureRows::FeatureRows(FeatureMatrix owned) {
  auto matrix = std::make_shared<FeatureMatrix>(std::move(owned));
  m_matrix = matrix.get();
  m_data = matrix->data();
  m_rows = matrix->rows();
  m_cols = matrix->cols();
  m_owner = std::move(matrix);
}

FeatureRows::FeatureRows(std::shared_ptr<const void> owner, const float* data, Eigen::Index rows,
                         Eigen::Index cols)
    : m_owner(std::move(owner)), m_data(data), m_rows(rows), m_cols(cols) {}

FeatureRows FeatureRows::topRows(Eigen::Index n) const {
  FeatureRows out = *this;
  out.m_rows = n < m_rows ? n : m_rows;
  return out;
}

FeatureRows::View FeatureRows::mutableView() {
  // Ours alone and whole: write in place. Anything else (shared, mapped, a head of a larger
  // matrix) is copied, so no other holder ever sees the change.
  const bool alone = m_matrix && m_owner.use_count() == 1 && m_matrix->rows() == m_rows;
  if (!alone) *this = FeatureRows(FeatureMatrix(view()));
  return {m_matrix->data(), m_rows, m_cols};
}

}  // namespace distlab::engine
