#pragma once
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QChart;
class QLabel;
class QValueAxis;

namespace distlab::widgets {

/// How stale the applied updates were (the lecture's asynchronous and SSP training): for every
/// applied push, how many steps its worker was ahead of the slowest one when it started (the
/// quantity SSP bounds) and how many updates were applied between its pull and its push.
class StalenessView : public QWidget {
  Q_OBJECT

 public:
  explicit StalenessView(QWidget* parent = nullptr);

  /// The SSP bound to show (nothing for BSP/ASP).
  void setBound(std::optional<int> bound);
  void add(std::uint64_t clockGap, std::uint64_t staleness);
  void clear();
  /// Redraws after a batch.
  void refresh();

  std::uint64_t count() const { return m_count; }
  /// Applied updates with this clock gap / this staleness.
  std::uint64_t gapCount(std::size_t gap) const;
  std::uint64_t stalenessCount(std::size_t staleness) const;
  QString summary() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void showSummary();

  QChart* m_chart;
  QBarSeries* m_series;
  QBarSet *m_gapSet, *m_stalenessSet;
  QBarCategoryAxis* m_axis;
  QValueAxis* m_countAxis;
  QLabel* m_summary;
  std::vector<std::uint64_t> m_gaps, m_staleness;  ///< histograms (the last bin: that or more)
  std::uint64_t m_count = 0, m_maxGap = 0;
  double m_stalenessSum = 0;
  std::optional<int> m_bound;
};

}  // namespace distlab::widgets
