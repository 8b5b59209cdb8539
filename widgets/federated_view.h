#pragma once
#include <QString>
#include <QWidget>

#include <cstdint>
#include <utility>
#include <vector>

#include "widgets/participation_chart.h"

class QChart;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace distlab::widgets {

/// One federated round's attempt as the view needs it (the engine's federated_round record).
struct FederatedRoundData {
  int round = 0;
  int attempt = 0;
  int available = 0;
  std::vector<int> offline, sampled, carried;
  std::vector<ParticipationChart::Cell> outcomes;  ///< of each sampled client
  bool applied = true;
  double meanNorm = 0.0, normSpread = 0.0, meanCosine = 0.0;
};

/// One run of the comparison of client rules: its name and test accuracy by round.
struct ComparisonCurve {
  QString label;
  std::vector<std::pair<double, double>> points;  ///< (round, test accuracy)
};

/// Lesson 6 live: who took part in each round (the participation grid, with its legend) and
/// how far the clients' updates spread (client drift: their mean cosine to the mean update and
/// the spread of their norms), which is why non-IID data slow FedAvg down and what FedProx and
/// SCAFFOLD reduce.
class FederatedView : public QWidget {
  Q_OBJECT

 public:
  explicit FederatedView(QWidget* parent = nullptr);

  void setClients(int clients);
  /// The rounds the run will take (the drift chart's axis).
  void setRounds(int rounds);
  void addRound(const FederatedRoundData& round);
  /// fl.compare's runs, overlaid beside the drift (hidden while empty).
  void setComparison(std::vector<ComparisonCurve> curves);
  void clear();
  bool hasData() const { return m_participation->rounds() > 0 || !m_curves.empty(); }
  const std::vector<ComparisonCurve>& comparison() const { return m_curves; }
  QChart* comparisonChart() const { return m_compare; }
  QString summary() const;

  ParticipationChart* participation() const { return m_participation; }
  QChart* driftChart() const { return m_drift; }
  /// The drift curves' points: (round, mean cosine) and (round, norm spread / mean norm).
  std::vector<std::pair<double, double>> cosinePoints() const;
  std::vector<std::pair<double, double>> spreadPoints() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void showRounds(int last);

  QLabel* m_intro;
  ParticipationChart* m_participation;
  QLabel* m_legend;
  QLabel* m_summary;
  QChart* m_drift;
  QLineSeries* m_cosine;
  QLineSeries* m_spread;
  QValueAxis* m_roundAxis;
  QValueAxis* m_valueAxis;
  QChart* m_compare;
  QWidget* m_compareView;
  QValueAxis* m_compareRounds;
  QValueAxis* m_compareAccuracy;
  std::vector<ComparisonCurve> m_curves;
  FederatedRoundData m_last;
  double m_low = 0.0, m_high = 1.0;
  int m_rounds = 1;
};

}  // namespace distlab::widgets
