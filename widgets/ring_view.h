#pragma once
#include <QString>
#include <QWidget>

#include <limits>
#include <vector>

class QChart;
class QLabel;
class QValueAxis;

namespace distlab::widgets {

/// What lesson 4c measured: bytes a step by worker count, in theory and (where run) measured.
struct RingData {
  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  struct Point {
    int workers = 0;
    double psWorker = 0.0, ringWorker = 0.0, psServer = 0.0;  ///< theory, bytes a step
    /// Measured (NaN where not run): bytes a step, seconds a step.
    double psWorkerMeasured = kNone, ringWorkerMeasured = kNone, psServerMeasured = kNone,
           psSeconds = kNone, ringSeconds = kNone;
  };
  std::vector<Point> points;  ///< by worker count
  int runWorkers = 0;         ///< the lesson's own run
  double runBytesPerStep = 0.0, runSecondsPerStep = 0.0;
};

/// Lesson 4c: what a worker sends each step under a parameter server (its update: the model M)
/// and round a ring (2(N-1)/N M), against the server's own link (2NM), by worker count: lines
/// for the formulas, points for what was measured; beside it, the seconds a step of each.
class RingView : public QWidget {
  Q_OBJECT

 public:
  explicit RingView(QWidget* parent = nullptr);
  void setData(RingData data);
  void clear() { setData({}); }
  bool hasData() const { return !m_data.points.empty(); }
  const RingData& data() const { return m_data; }
  QChart* bytesChart() const { return m_bytes; }
  QChart* timeChart() const { return m_time; }
  QString summary() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void rebuild();
  void retranslate();

  RingData m_data;
  QLabel* m_intro;
  QChart* m_bytes;
  QChart* m_time;
  QValueAxis *m_bytesX, *m_bytesY, *m_timeX, *m_timeY;
  QLabel* m_summary;
};

}  // namespace distlab::widgets
