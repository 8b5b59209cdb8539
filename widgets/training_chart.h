#pragma once
#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

#include <map>
#include <set>
#include <vector>

class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QPushButton;
class QSlider;
class QValueAxis;

namespace distlab::widgets {

/// Training progress: the global model's test loss and accuracy, the training loss (mean and
/// per worker) against epoch or wall time. An EMA smoothing slider (the raw curve stays faint
/// behind), a log scale for the losses, series shown or hidden by clicking the legend, and other
/// runs overlaid for comparison (each in its own colour: test loss dashed, accuracy dotted),
/// as the runs panel asks.
class TrainingChart : public QWidget {
  Q_OBJECT

 public:
  enum class XAxis { Epoch, WallTime };
  /// A point of a compared run's curve.
  struct CurvePoint {
    double epoch, seconds, value;
  };
  /// Points kept per worker curve; beyond, the history is halved (see addWorkerLoss).
  static constexpr std::size_t kMaxWorkerHistory = 100'000;

  explicit TrainingChart(QWidget* parent = nullptr);

  /// One evaluation of the global model; epoch may be fractional, seconds since the run began.
  void addEvaluation(double epoch, double seconds, double trainLoss, double testLoss,
                     double testAccuracy);
  /// The same without a wall time (the epoch stands in for it).
  void addEpoch(double epoch, double trainLoss, double testLoss, double testAccuracy);
  /// The differential privacy spent after a round (privacy.dp): epsilon at `delta`, on its own
  /// axis on the right, shown from the first such point on.
  void addPrivacySpent(double round, double seconds, double epsilon, double delta);
  /// One training step's loss of one worker (at most kMaxWorkerHistory kept, older ones merged).
  void addWorkerLoss(int worker, double epoch, double seconds, double loss);
  /// Redraws after a batch of additions (the add functions do not, so a batch costs one redraw).
  void refresh();
  /// Starts an empty current run (the compared runs stay).
  void startRun(const QString& label);
  void clear();
  /// Overlays run `id` (or replaces its curves): its test loss and accuracy in its colour.
  void showCompared(int id, const QString& label, const QColor& color,
                    std::vector<CurvePoint> testLoss, std::vector<CurvePoint> accuracy);
  void hideCompared(int id);
  bool isCompared(int id) const { return m_compared.count(id) > 0; }
  /// Removes every compared run (and says so: the runs panel unticks them).
  void clearComparison();

  void setXAxis(XAxis axis);
  /// EMA weight of the past, 0 (raw) to 0.99.
  void setSmoothing(double weight);
  void setLogScale(bool on);
  /// Colors for a dark window and a font scale (1 normal, larger for a projector).
  void setLook(bool dark, double fontScale);
  XAxis xAxis() const { return m_xAxisMode; }
  /// A run counted in rounds (federated learning): the "epoch" axis is named rounds.
  void setCountsRounds(bool rounds);
  QString xAxisTitle() const;
  double smoothing() const { return m_smoothing; }
  bool logScale() const { return m_logScale; }

  int pointCount() const;
  int comparedRuns() const { return static_cast<int>(m_compared.size()); }
  /// A compared run's series (nullptr when it is not compared).
  QLineSeries* comparedAccuracySeries(int id) const;
  QChart* chart() const { return m_chart; }
  QLineSeries* trainLossSeries() const { return m_trainLoss; }
  QLineSeries* testLossSeries() const { return m_testLoss; }
  QLineSeries* accuracySeries() const { return m_accuracy; }
  /// False once the series was hidden by a click on its legend entry.
  bool isShown(QLineSeries* series) const;

 signals:
  void comparisonCleared();

 public:
  /// The training loss series of one worker (nullptr before its first point).
  QLineSeries* workerSeries(int worker) const;
  QValueAxis* epochAxis() const { return m_epochAxis; }
  QValueAxis* lossAxis() const { return m_lossAxis; }
  QLogValueAxis* logLossAxis() const { return m_logLossAxis; }
  QValueAxis* accuracyAxis() const { return m_accuracyAxis; }
  QLineSeries* epsilonSeries() const { return m_epsilon; }  ///< nullptr before the first point
  QValueAxis* epsilonAxis() const { return m_epsilonAxis; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  using Point = CurvePoint;
  struct Run {
    QString label;
    std::vector<Point> train, test, accuracy, epsilon;
    std::map<int, std::vector<Point>> workers;
  };
  struct Compared {  ///< a run overlaid for comparison
    QString label;
    std::vector<Point> test, accuracy;
    QLineSeries* testSeries;
    QLineSeries* accuracySeries;
  };

  void retranslate();
  void buildControls();
  /// Points of a curve for the current axis, smoothed when asked.
  QList<QPointF> curve(const std::vector<Point>& points, bool smooth,
                       int pixelsPerBucket = 1) const;
  void attachLoss(QLineSeries* series);
  /// Removes the epsilon series and its axis (a new or cleared run).
  void dropEpsilon();
  void setXRange();
  void connectLegend();
  /// Sets a series' points, or none while it is hidden.
  void draw(QLineSeries* series, const QList<QPointF>& points);
  QLineSeries* addSeries(const QColor& color, qreal width, Qt::PenStyle style, bool loss);

  QChart* m_chart;
  QChartView* m_view;
  QLineSeries *m_trainLoss, *m_testLoss, *m_accuracy;
  QLineSeries *m_rawTrainLoss, *m_rawTestLoss;  ///< faint, behind the smoothed curves
  std::map<int, QLineSeries*> m_workerSeries;
  std::map<int, Compared> m_compared;
  std::set<QLineSeries*> m_hidden;
  QValueAxis* m_epochAxis;
  QValueAxis* m_lossAxis;
  QLogValueAxis* m_logLossAxis;
  QValueAxis* m_accuracyAxis;
  QLineSeries* m_epsilon = nullptr;
  QValueAxis* m_epsilonAxis = nullptr;
  double m_delta = 0.0;
  QComboBox* m_xAxisBox;
  QLabel* m_smoothingLabel;
  QSlider* m_smoothingSlider;
  QCheckBox* m_logBox;
  QPushButton* m_clearComparison;
  Run m_current;
  XAxis m_xAxisMode = XAxis::Epoch;
  bool m_rounds = false;
  double m_smoothing = 0.0;
  bool m_logScale = false;
};

}  // namespace distlab::widgets
