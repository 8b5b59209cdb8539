#pragma once
#include <QWidget>

#include <cstdint>
#include <map>
#include <vector>

class QChart;
class QLabel;
class QLineSeries;
class QTableWidget;
class QValueAxis;

namespace distlab::widgets {

/// Parameter-server traffic as measured on the sockets: bytes per second to and from each worker
/// over time (PUSH up, PARAMS down), and a table of messages, bytes and mean size per worker.
class TrafficView : public QWidget {
  Q_OBJECT

 public:
  enum class Kind { Push, Pull, Other };  ///< Pull: PARAMS coming down

  explicit TrafficView(QWidget* parent = nullptr);

  /// One frame on a worker's link; toServer is its direction. seconds since the run began.
  void add(int worker, double seconds, bool toServer, Kind kind, std::uint64_t bytes);
  void clear();
  void refresh();

  std::uint64_t totalBytes() const { return m_totalBytes; }
  std::uint64_t bytes(int worker, Kind kind) const;
  std::uint64_t messages(int worker, Kind kind) const;
  QTableWidget* table() const { return m_table; }
  QString summary() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Tally {
    std::uint64_t messages = 0, bytes = 0;
  };
  struct Worker {
    Tally kinds[3];
    std::vector<double> upPerSecond, downPerSecond;  ///< bytes in each whole second
  };
  void retranslate();

  QChart* m_chart;
  QValueAxis *m_timeAxis, *m_rateAxis;
  QLabel* m_summary;
  QTableWidget* m_table;
  std::map<int, Worker> m_workers;
  std::map<int, std::pair<QLineSeries*, QLineSeries*>> m_series;  ///< up, down
  std::uint64_t m_totalBytes = 0;
};

}  // namespace distlab::widgets
