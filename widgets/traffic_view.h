#pragma once
#include <QWidget>

#include <cstdint>
#include <map>
#include <vector>

class QChart;
class QComboBox;
class QLabel;
class QLineSeries;
class QTableWidget;
class QValueAxis;

namespace distlab::widgets {

/// Parameter-server traffic as measured on the sockets: PUSH and PULL (the PARAMS answering it)
/// bytes per second (or cumulative) on each worker's link over time, a table of messages, bytes and mean size per worker, and one
/// of the cumulative bytes per message type.
class TrafficView : public QWidget {
  Q_OBJECT

 public:
  /// What a frame carries. Params: parameters coming down; Pull: the (small) request for them;
  /// Sync: clock and barrier; Handshake: hello, challenge, auth, welcome; Control: control and
  /// shutdown; Activations and Errors: a pipeline's intermediate results, forward and back.
  enum class Kind {
    Push,
    Params,
    Pull,
    Sync,
    Telemetry,
    Heartbeat,
    Handshake,
    Control,
    Activations,
    Errors,
    Ring  ///< gradient chunks of a ring all-reduce, to the next worker
  };
  static constexpr int kKinds = 11;
  enum class Mode { Rate, Cumulative };

  explicit TrafficView(QWidget* parent = nullptr);

  /// One frame on a worker's link, seconds after the run began: `bytes` on the wire, `rawBytes`
  /// before encoding (an encoded PUSH stands for more; 0: the same).
  void add(int worker, double seconds, Kind kind, std::uint64_t bytes, std::uint64_t rawBytes = 0);
  void clear();
  void refresh();
  /// The chart: MB/s in each second, or MB sent so far on each link.
  void setMode(Mode mode);
  Mode mode() const { return m_mode; }

  std::uint64_t totalBytes() const { return m_totalBytes; }
  /// PUSH bytes before encoding, for the compression ratio.
  std::uint64_t rawPushBytes() const { return m_rawPushBytes; }
  std::uint64_t bytes(int worker, Kind kind) const;
  std::uint64_t messages(int worker, Kind kind) const;
  /// Every worker's bytes of one kind.
  std::uint64_t bytesOfKind(Kind kind) const;
  QTableWidget* table() const { return m_table; }
  QTableWidget* kindTable() const { return m_kindTable; }
  QString summary() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Tally {
    std::uint64_t messages = 0, bytes = 0;
  };
  struct Worker {
    Tally kinds[kKinds];
    std::vector<double> upPerSecond, downPerSecond;  ///< PUSH, PARAMS bytes in each second
  };
  void retranslate();
  void updateTotals();

  QChart* m_chart;
  QValueAxis *m_timeAxis, *m_rateAxis;
  QLabel* m_summary;
  QComboBox* m_modeBox;
  QTableWidget* m_table;
  QTableWidget* m_kindTable;
  std::map<int, Worker> m_workers;
  std::map<int, std::pair<QLineSeries*, QLineSeries*>> m_series;  ///< up, down
  bool m_intermediate = false;  ///< intermediate results seen: the chart shows those
  bool m_ring = false;          ///< ring chunks seen: the chart and tables show those
  std::uint64_t m_totalBytes = 0;
  std::uint64_t m_rawPushBytes = 0;
  Mode m_mode = Mode::Rate;
};

}  // namespace distlab::widgets
