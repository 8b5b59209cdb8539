#pragma once
#include <QString>
#include <QWidget>

#include <cstdint>
#include <utility>
#include <vector>

#include "widgets/participation_chart.h"
#include "widgets/privacy_comparison_table.h"

class QChart;
class QHBoxLayout;
class QVBoxLayout;
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
  bool secure = false;  ///< the server saw masked updates only (no drift to measure)
  int recovered = 0;    ///< clients that dropped out after sharing, whose masks were removed
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
  /// fl.compare_privacy's runs, as a table under the charts (hidden while empty).
  void setPrivacyComparison(std::vector<PrivacyComparisonRow> rows);
  PrivacyComparisonTable* privacyComparison() const { return m_privacy; }
  void clear();
  bool hasData() const {
    return m_participation->rounds() > 0 || !m_curves.empty() || !m_privacy->rows().empty();
  }
  const std::vector<ComparisonCurve>& comparison() const { return m_curves; }
  QChart* comparisonChart() const { return m_compare; }
  QString summary() const;

  ParticipationChart* participation() const { return m_participation; }
  QChart* driftChart() const { return m_drift; }
  QWidget* driftView() const { return m_driftView; }
  /// The drift curves' points: (round, mean cosine) and (round, norm spread / mean norm).
  std::vector<std::pair<double, double>> cosinePoints() const;
  std::vector<std::pair<double, double>> spreadPoints() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void showRounds(int last);
  void fitCharts();

  QLabel* m_intro;
  ParticipationChart* m_participation;
  QLabel* m_legend;
  QLabel* m_summary;
  QChart* m_drift;
  QWidget* m_driftView = nullptr;
  QVBoxLayout* m_layout = nullptr;
  QHBoxLayout* m_charts = nullptr;
  QLineSeries* m_cosine;
  QLineSeries* m_spread;
  QValueAxis* m_roundAxis;
  QValueAxis* m_valueAxis;
  QChart* m_compare;
  QWidget* m_compareView;
  QValueAxis* m_compareRounds;
  QValueAxis* m_compareAccuracy;
  std::vector<ComparisonCurve> m_curves;
  PrivacyComparisonTable* m_privacy;
  FederatedRoundData m_last;
  double m_low = 0.0, m_high = 1.0;
  int m_rounds = 1;
};

}  // namespace distlab::widgets
