#pragma once
#include <QPointF>
#include <QString>
#include <QWidget>

#include <vector>

class QChart;
class QLabel;
class QTableWidget;
class QValueAxis;

namespace distlab::widgets {

/// What lesson 8c computed, as the view needs it (the engine's property tables and curves).
struct PropertyData {
  /// One run of the lesson: how its workers protected their pushes and how the attack fared.
  struct Setting {
    QString defense;  ///< none | noise | topk | ...
    double strength = 0.0;
    bool secure = false;  ///< secure aggregation: the server read only each round's sum
    int rounds = 0;
    double propertyShare = 0.0;  ///< of the victim's batches, those with the property
    double auc = 0.0, attackAccuracy = 0.0, testAccuracy = 0.0;
    std::vector<QPointF> roc;  ///< (false positive rate, true positive rate)
  };
  QString dataset;  ///< for the class name
  int propertyClass = 0;
  std::vector<Setting> settings;
  /// The first run, round by round: the meta-classifier's P(property) and the truth.
  std::vector<double> scores;
  std::vector<int> truth;
};

/// Lesson 8c: the ROC curve of the property attack for each protection (the diagonal is a
/// guess), the victim's rounds as the server scored them, and a table of AUC against the
/// model's accuracy: what each protection buys and costs.
class PropertyView : public QWidget {
  Q_OBJECT

 public:
  explicit PropertyView(QWidget* parent = nullptr);
  void setData(PropertyData data);
  void clear() { setData({}); }
  bool hasData() const { return !m_data.settings.empty(); }
  const PropertyData& data() const { return m_data; }
  QChart* rocChart() const { return m_roc; }
  QChart* roundsChart() const { return m_rounds; }
  QTableWidget* table() const { return m_table; }
  QString summary() const;
  /// "no protection", "noise (std 0.1)", "secure aggregation", in the window's language.
  static QString settingName(const PropertyData::Setting& setting);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void rebuildCharts();
  void fillTable();

  PropertyData m_data;
  QLabel* m_summary;
  QChart* m_roc;
  QValueAxis *m_fpAxis, *m_tpAxis;
  QChart* m_rounds;
  QValueAxis *m_roundAxis, *m_scoreAxis;
  QTableWidget* m_table;
};

}  // namespace distlab::widgets
