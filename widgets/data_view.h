#pragma once
#include <QString>
#include <QWidget>

#include <cstddef>
#include <cstdint>
#include <vector>

class QBarCategoryAxis;
class QChart;
class QLabel;
class QStackedBarSeries;
class QStackedLayout;
class QValueAxis;

namespace distlab::widgets {

class ClientSharesPlot;

/// How the data is split across the workers (the lecture's section 2): each worker's label
/// histogram as a stacked bar, and the share of the training set nobody sees, so sampling with
/// replacement and shuffle-split can be told apart at a glance. A federated run shows its
/// clients instead: the client x class heat map and the histogram of their sizes.
class DataView : public QWidget {
  Q_OBJECT

 public:
  explicit DataView(QWidget* parent = nullptr);

  /// One worker's part of the first split: its rows per class (repeats counted), rows in all,
  /// distinct rows, and the share of the training set it never sees.
  void setWorker(int worker, const std::vector<std::size_t>& labelCounts, std::size_t size,
                 std::size_t distinct, double unseenFraction);
  /// A federated run's clients (counts: client-major, client c's class k at c * classes + k):
  /// the view shows them instead of the workers until clear().
  void setClientShares(int classes, std::vector<std::uint64_t> counts);
  /// The share of the training set that no worker gets.
  void setUnusedFraction(double fraction);
  /// The data set's name (the spec's dataset.name): Fashion-MNIST and CIFAR-10 classes are then
  /// named in the legend, not only numbered.
  void setDataset(const QString& name);
  void clear();

  int workerCount() const { return static_cast<int>(m_workers.size()); }
  /// The bar height of a class for a worker, as drawn.
  double barValue(int worker, int label) const;
  QString summary() const;
  QChart* chart() const { return m_chart; }
  ClientSharesPlot* clientPlot() const { return m_clients; }
  bool showsClients() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Worker {
    std::vector<std::size_t> labels;
    std::size_t size = 0, distinct = 0;
    double unseen = 0;
  };
  void rebuild();
  void retranslate();
  QString clientsSummary() const;

  QChart* m_chart;
  QStackedBarSeries* m_series;
  QBarCategoryAxis* m_workersAxis;
  QValueAxis* m_countAxis;
  QLabel* m_summary;
  ClientSharesPlot* m_clients;
  QStackedLayout* m_pages;  ///< the workers' chart or the clients' plot
  std::vector<Worker> m_workers;
  double m_unused = -1.0;
  QString m_dataset;
};

}  // namespace distlab::widgets
