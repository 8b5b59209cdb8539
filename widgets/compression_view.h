#pragma once
#include <QString>
#include <QWidget>

#include <vector>

class QChart;
class QLogValueAxis;
class QTableWidget;
class QValueAxis;

namespace distlab::widgets {

/// What lesson 4b computed: one row a run of the same training with another update encoding.
struct CompressionData {
  struct Run {
    QString encoder;  ///< float32 | fp16 | int8 | topk | randk | qsgd | sign
    double ratio = 0.0;  ///< topk, randk
    int levels = 0;      ///< qsgd
    bool feedback = false;
    double bytesPushed = 0.0, rawBytes = 0.0, accuracy = 0.0, seconds = 0.0;
    bool pareto = false;  ///< no other run pushed fewer bytes for at least its accuracy
  };
  std::vector<Run> runs;
};

/// Lesson 4b: test accuracy against the bytes the workers pushed, a point a run (log scale),
/// the front of the runs nothing beats on both joined by a line, and a table in words.
class CompressionView : public QWidget {
  Q_OBJECT

 public:
  explicit CompressionView(QWidget* parent = nullptr);
  void setData(CompressionData data);
  void clear() { setData({}); }
  bool hasData() const { return !m_data.runs.empty(); }
  const CompressionData& data() const { return m_data; }
  QChart* chart() const { return m_chart; }
  QTableWidget* table() const { return m_table; }
  /// "top-k 1% + error feedback", "QSGD, 4 levels", "32-bit floats", in the window's language.
  static QString runName(const CompressionData::Run& run);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void rebuildChart();
  void fillTable();

  CompressionData m_data;
  QChart* m_chart;
  QLogValueAxis* m_bytesAxis;
  QValueAxis* m_accuracyAxis;
  QTableWidget* m_table;
};

}  // namespace distlab::widgets
