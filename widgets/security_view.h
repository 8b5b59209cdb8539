#pragma once
#include <QString>
#include <QWidget>

#include <utility>
#include <vector>

#include "widgets/verdict_grid.h"

class QChart;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QTableWidget;
class QValueAxis;

namespace distlab::widgets {

/// One judged round as the view needs it (the engine's push_verdicts record).
struct VerdictRoundData {
  int update = 0;
  std::vector<int> workers;
  std::vector<VerdictGrid::Fate> fates;
  std::vector<double> norms, cosines;
  std::vector<double> scores;  ///< the rule's own measure (Krum score, clip factor, trimmed share)
};

/// One run of lesson 8's comparison: an attack against a server rule and what it came to.
struct SecurityComparisonRow {
  QString attack, rule;
  double accuracy = 0.0;
  double backdoor = -1.0;                  ///< -1: no backdoor
  double precision = -1.0, recall = -1.0;  ///< of the flags; -1: nothing to count
};

/// Lesson 8's detection dashboard, live: the server's verdict on every push (the grid), each
/// worker's update norm and the mean cosine of the attackers' and the honest pushes to the
/// aggregate, round by round, the backdoor's success, how well the flags (excluded or clipped)
/// found the attackers; after the run, the comparison of rules and attacks.
class SecurityView : public QWidget {
  Q_OBJECT

 public:
  /// A poisoning attack's and a server rule's spec id (security.attack, security.aggregator) as
  /// the window says them; an unknown id as it is.
  static QString attackName(const QString& id);
  static QString ruleName(const QString& id);
  explicit SecurityView(QWidget* parent = nullptr);

  void setWorkers(int workers);
  void setAttackers(std::vector<int> attackers);
  /// A federated run: the judged pushes are clients' updates.
  void setJudgesClients(bool clients);
  /// The rule's mean score of the attackers' and of the honest pushes so far (0 when none).
  double attackerScore() const;
  double honestScore() const;
  void addRound(const VerdictRoundData& round);
  /// An evaluation's backdoor success (0..1) at that update.
  void addBackdoor(double update, double success);
  /// Redraws the charts after a batch of rounds (one replot per batch, not per record).
  void refresh();
  void setComparison(std::vector<SecurityComparisonRow> rows);
  void clear();
  bool hasData() const { return m_grid->rounds() > 0 || !m_rows.empty(); }

  VerdictGrid* grid() const { return m_grid; }
  QChart* normChart() const { return m_normChart; }
  QChart* cosineChart() const { return m_cosineChart; }
  QTableWidget* comparisonTable() const { return m_table; }
  /// Flags (excluded or clipped pushes) against the attackers so far; -1: nothing to count.
  double precision() const;
  double recall() const;
  QString summary() const;
  /// (update, mean cosine) of the attackers' and of the honest pushes.
  const std::vector<std::pair<double, double>>& attackerCosines() const { return m_attackerCos; }
  const std::vector<std::pair<double, double>>& honestCosines() const { return m_honestCos; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void ensureNormSeries(int workers);
  void fillTable();

  QLabel* m_intro;
  VerdictGrid* m_grid;
  QLabel* m_legend;
  QLabel* m_summary;
  QChart* m_normChart;
  QValueAxis* m_normRounds;
  QLogValueAxis* m_normAxis;
  std::vector<QLineSeries*> m_normSeries;  ///< by worker
  std::vector<std::vector<QPointF>> m_norms;
  QChart* m_cosineChart;
  QValueAxis* m_cosineRounds;
  QValueAxis* m_cosineAxis;
  QLineSeries* m_attackerSeries;
  QLineSeries* m_honestSeries;
  QLineSeries* m_backdoorSeries;
  QTableWidget* m_table;
  std::vector<std::pair<double, double>> m_attackerCos, m_honestCos, m_backdoor;
  std::vector<SecurityComparisonRow> m_rows;
  double m_lowNorm = 0.0, m_highNorm = 0.0;
  int m_lastUpdate = 0;
  std::uint64_t m_flagged = 0, m_flaggedAttackers = 0, m_attackerPushes = 0;
  std::uint64_t m_honestPushes = 0;
  double m_attackerScoreSum = 0.0, m_honestScoreSum = 0.0;
};

}  // namespace distlab::widgets
