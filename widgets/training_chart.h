#pragma once
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace distlab::widgets {

/// Loss (left axis) and test accuracy (right axis, 0-1) of a training run against epoch.
class TrainingChart : public QWidget {
  Q_OBJECT

 public:
  explicit TrainingChart(QWidget* parent = nullptr);

  /// One evaluation: epoch may be fractional (a cluster evaluates every K updates).
  void addEpoch(double epoch, double trainLoss, double testLoss, double testAccuracy);
  void clear();

  int pointCount() const;
  QChart* chart() const { return m_chart; }
  QLineSeries* trainLossSeries() const { return m_trainLoss; }
  QLineSeries* testLossSeries() const { return m_testLoss; }
  QLineSeries* accuracySeries() const { return m_accuracy; }
  QValueAxis* epochAxis() const { return m_epochAxis; }
  QValueAxis* lossAxis() const { return m_lossAxis; }
  QValueAxis* accuracyAxis() const { return m_accuracyAxis; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void setEpochRange(double lastEpoch);

  QChart* m_chart;
  QChartView* m_view;
  QLineSeries* m_trainLoss;
  QLineSeries* m_testLoss;
  QLineSeries* m_accuracy;
  QValueAxis* m_epochAxis;
  QValueAxis* m_lossAxis;
  QValueAxis* m_accuracyAxis;
  double m_maxLoss = 0.0;
  double m_maxEpoch = 0.0;
};

}  // namespace distlab::widgets
