#pragma once
#include <QString>
#include <QWidget>

#include <vector>

class QLabel;
class QTableWidget;

namespace distlab::widgets {

/// One protection of the federated updates in the comparison (fl.compare_privacy).
struct PrivacyComparisonRow {
  /// none | dp-local | dp-central | secagg | secagg-dp-central | paillier
  QString protection;
  QString serverLearns;  ///< each_update | each_noisy_update | sum
  double accuracy = 0.0, epsilon = 0.0;  ///< accuracy NaN: measured on one round only
  double bytesUp = 0.0, bytesDown = 0.0;  ///< per sampled client a round
  double serverMs = 0.0;                  ///< the server's aggregation a round
  double secondsPerRound = 0.0;
};

/// Lesson 6b's table: the same rounds under each protection, what the server learns from a
/// client and what the protection costs (accuracy, epsilon, bytes, time). Every id is said in
/// the window's language.
class PrivacyComparisonTable : public QWidget {
  Q_OBJECT

 public:
  explicit PrivacyComparisonTable(QWidget* parent = nullptr);
  void setRows(std::vector<PrivacyComparisonRow> rows);
  const std::vector<PrivacyComparisonRow>& rows() const { return m_rows; }
  QTableWidget* table() const { return m_table; }

  /// The protection's and the server's knowledge's names, translated.
  static QString protectionName(const QString& id);
  static QString learnsName(const QString& id);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void fill();

  QLabel* m_title;
  QTableWidget* m_table;
  std::vector<PrivacyComparisonRow> m_rows;
};

}  // namespace distlab::widgets
