#pragma once
#include <QString>
#include <QWidget>

#include <vector>

class QChart;
class QComboBox;
class QLabel;
class QLineSeries;
class QTableWidget;
class QValueAxis;

namespace distlab::widgets {

/// Lesson 5's results (the engine's aggregation.csv and aggregation_summary.csv).
struct AggregationData {
  struct Point {
    int round = 0;
    double epoch = 0.0, seconds = 0.0, testAccuracy = 0.0;
    double bytes = 0.0;
  };
  struct Method {
    QString name;  ///< S-DNN, MA-DNN, E-DNN, EC-DNN
    int workers = 1;
    double finalAccuracy = 0.0;
    long long modelParameters = 0;
    double bytes = 0.0, wallSeconds = 0.0;
    std::vector<Point> curve;
  };
  std::vector<Method> methods;
};

/// Lesson 5: test accuracy of S-DNN, MA-DNN, E-DNN and EC-DNN against epochs, wall time or bytes
/// sent, and the final table (accuracy, model size, bytes, wall time) with what it says about
/// the lecture's claim.
class AggregationView : public QWidget {
  Q_OBJECT

 public:
  enum class XAxis { Epoch, Round, WallTime, Bytes };

  explicit AggregationView(QWidget* parent = nullptr);
  void setData(AggregationData results);
  void clear() { setData({}); }
  bool hasData() const { return !m_data.methods.empty(); }
  void setXAxis(XAxis axis);
  QLineSeries* series(const QString& method) const;
  QTableWidget* table() const { return m_table; }
  QString verdict() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void draw();

  AggregationData m_data;
  XAxis m_axis = XAxis::Epoch;
  QLabel* m_intro;
  QComboBox* m_axisBox;
  QChart* m_chart;
  QValueAxis *m_xAxis, *m_accuracyAxis;
  std::vector<QLineSeries*> m_series;
  QTableWidget* m_table;
  QLabel* m_verdict;
};

}  // namespace distlab::widgets
