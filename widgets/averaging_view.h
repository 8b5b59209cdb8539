#pragma once
#include <QImage>
#include <QPointF>
#include <QWidget>

#include <vector>

class QChart;
class QLabel;
class QLineSeries;
class QScatterSeries;
class QSlider;
class QTableWidget;
class QValueAxis;

namespace distlab::widgets {

/// Lesson 1's results, as the engine computed them (averaging.json): models are (a, b) points of
/// weight = b * height + a.
struct AveragingData {
  QPointF start;
  double lr = 0.0;
  int localSteps = 1;
  bool weighted = true;
  std::vector<int> clientSizes;
  std::vector<double> clientWeights;
  QPointF oneStepCentral, oneStepGradientAveraging, oneStepModelAveraging;
  QPointF oneStepPlainMean;  ///< gradient (= model) averaging with weights 1/K
  std::vector<QPointF> oneStepClientModels;
  std::vector<QPointF> central, gradientAveraging, modelAveraging;  ///< [round], start first
  std::vector<std::vector<QPointF>> clientPaths;                     ///< [client][local step]
  std::vector<double> averagedModelLoss, meanClientLoss;             ///< [round - 1]
  struct Person {
    double height = 0.0, weight = 0.0;
    int client = 0;
  };
  std::vector<Person> people;
};

/// The loss f(a, b) over a window of the (a, b) plane as bands of colour, with the paths of the
/// averaged models and of each client's local steps drawn on it.
class LossSurface : public QWidget {
  Q_OBJECT

 public:
  explicit LossSurface(QWidget* parent = nullptr);
  void setData(const AveragingData* results);
  /// Marks the models after this round.
  void setRound(int round);
  /// The (a, b) window shown: x is a, y is b.
  QRectF window() const { return m_window; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QPointF toPixel(const QPointF& ab) const;
  void renderSurface();

  const AveragingData* m_data = nullptr;
  QRectF m_window;
  QPointF m_bestFit;
  QImage m_surface;
  int m_round = 0;
};

/// Lesson 1: the people and the fitted lines, the loss surface with the paths, the three
/// one-step results side by side with the lecture's formula, and the loss per round (where model
/// averaging parts from gradient averaging, and the convexity inequality).
class AveragingView : public QWidget {
  Q_OBJECT

 public:
  explicit AveragingView(QWidget* parent = nullptr);
  void setData(AveragingData results);
  void clear();
  bool hasData() const { return !m_data.central.empty(); }
  const AveragingData& data() const { return m_data; }
  /// Shows the fitted lines and marks the models after this round (0: the start).
  void setRound(int round);
  QTableWidget* oneStepTable() const { return m_table; }
  QLineSeries* averagedLossSeries() const { return m_averagedLoss; }
  QLineSeries* meanClientLossSeries() const { return m_meanClientLoss; }
  LossSurface* surface() const { return m_surface; }
  QString verdict() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void fillTable();
  void drawLines();

  AveragingData m_data;
  QLabel* m_intro;
  QTableWidget* m_table;
  QLabel* m_formula;
  QLabel* m_verdict;
  QSlider* m_roundSlider;
  QLabel* m_roundLabel;
  QLabel* m_key;  ///< the colours of all three panes
  QChart* m_peopleChart;
  QValueAxis *m_heightAxis, *m_weightAxis;
  std::vector<QScatterSeries*> m_peopleSeries;
  QLineSeries *m_gaLine, *m_maLine;
  LossSurface* m_surface;
  QChart* m_lossChart;
  QValueAxis *m_roundAxis, *m_lossAxis;
  QLineSeries *m_gaLoss, *m_averagedLoss, *m_meanClientLoss;
  int m_round = 0;
};

}  // namespace distlab::widgets
