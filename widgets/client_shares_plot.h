#pragma once
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <vector>

namespace distlab::widgets {

/// How a federated run's data are split over its clients (lesson 6), like flwr-datasets'
/// partition plots: a heat map of clients (left to right) by classes (top to bottom), each
/// cell the share of the client's examples in that class, and below it the histogram of the
/// clients' sizes.
class ClientSharesPlot : public QWidget {
  Q_OBJECT

 public:
  explicit ClientSharesPlot(QWidget* parent = nullptr);

  /// counts: client-major, client c's class k at c * classes + k.
  void setShares(int classes, std::vector<std::uint64_t> counts);
  void setClassNames(QStringList names);
  void clear() { setShares(0, {}); }

  int clients() const;
  int classes() const { return m_classes; }
  std::uint64_t clientSize(int client) const;
  /// The share of a client's examples in a class (the heat map's cell).
  double share(int client, int label) const;
  /// Clients per size bin: `bins` equal bins from the smallest to the largest client.
  std::vector<int> sizeHistogram(int bins) const;
  std::uint64_t smallest() const;
  std::uint64_t largest() const;
  QSize sizeHint() const override { return {600, 360}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  void paintHeatMap(class QPainter& p, const QRect& area) const;
  void paintHistogram(class QPainter& p, const QRect& area) const;

  int m_classes = 0;
  std::vector<std::uint64_t> m_counts;
  std::vector<std::uint64_t> m_sizes;  ///< per client
  QStringList m_names;
};

}  // namespace distlab::widgets
