#pragma once
#include <QWidget>

#include <vector>

class QChart;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace distlab::widgets {

/// The convexity study's numbers per round (the engine's convexity.csv).
struct ConvexityData {
  struct Round {
    int round = 0;
    double averagedModelLoss = 0.0, meanMemberLoss = 0.0, ensembleLoss = 0.0;
  };
  std::vector<Round> commonStart, differentStarts;
};

/// The lecture's convexity argument, one chart per case: from a common start (averaged every
/// round) and from different random starts, the test loss of the averaged model, the mean of the
/// models' losses and the loss of their ensemble after each round.
class ConvexityView : public QWidget {
  Q_OBJECT

 public:
  explicit ConvexityView(QWidget* parent = nullptr);
  void setData(ConvexityData results);
  bool hasData() const { return !m_data.commonStart.empty(); }
  void clear() { setData({}); }
  /// case 0: common start, 1: different starts; line 0: averaged, 1: mean, 2: ensemble.
  QLineSeries* series(int chartCase, int line) const { return m_series[chartCase][line]; }
  QString verdict() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  ConvexityData m_data;
  QLabel* m_intro;
  QChart* m_charts[2];
  QValueAxis* m_roundAxes[2];
  QValueAxis* m_lossAxes[2];
  QLineSeries* m_series[2][3];
  QLabel* m_verdict;
};

}  // namespace distlab::widgets
