#pragma once
#include <QWidget>

#include <vector>

#include "widgets/layout_diagram.h"

class QChart;
class QLabel;
class QLogValueAxis;
class QValueAxis;

namespace distlab::widgets {

/// Lesson 3's measurements (the engine's bubbles, bytes_per_example, activation_memory and
/// bytes_per_update tables).
struct ModelPartitionData {
  struct Bubble {
    int stages = 0, micro = 0;
    double measured = 0.0, theory = 0.0, theoryTheseStages = 0.0;
  };
  std::vector<Bubble> bubbles;
  struct Bytes {
    double batch = 0.0, dataParallel = 0.0, pipeline = 0.0;
    double measured = -1.0;  ///< the run's own figure at its batch (< 0: none)
  };
  std::vector<Bytes> bytes;
  std::vector<double> gpipeActivationBytes, oneFOneBActivationBytes;  ///< per stage
  /// Tensor split: bytes one process sends per update (data parallel, tensor measured) and the
  /// model each holds (whole, a shard's); all 0 for a pipeline.
  double dataParallelUpdateBytes = 0.0, tensorUpdateBytes = 0.0;
  double wholeModelBytes = 0.0, shardModelBytes = 0.0;
  /// Skeleton partition beside model averaging: test accuracy, bytes the coordinator sent and
  /// parameters a worker holds (all 0 when the run was not a skeleton run).
  double skeletonAccuracy = 0.0, averagingAccuracy = 0.0;
  double skeletonBytes = 0.0, averagingBytes = 0.0;
  double skeletonWorkerParameters = 0.0, modelParameters = 0.0;
  /// Who holds which neurons of each layer (the engine's layout table).
  LayoutDiagram::Split split = LayoutDiagram::Split::Pipeline;
  std::vector<LayoutDiagram::Block> layout;
};

/// Model partitioning in pictures: the pipeline's bubble against the number of micro-batches
/// for each stage count, measured (solid) beside the theory (p-1)/(m+p-1) (dashed), and what a
/// training example costs on the network against the batch size, data parallelism beside the
/// pipeline (log scales); below, each schedule's peak activation memory and where the two
/// ways of splitting cross.
class ModelPartitionView : public QWidget {
  Q_OBJECT

 public:
  explicit ModelPartitionView(QWidget* parent = nullptr);
  void setData(ModelPartitionData data);
  const ModelPartitionData& data() const { return m_data; }
  bool hasData() const {
    return !m_data.bubbles.empty() || !m_data.bytes.empty() || m_data.tensorUpdateBytes > 0 ||
           m_data.modelParameters > 0;
  }
  void clear() { setData({}); }
  QString summary() const;
  QChart* bubbleChart() const { return m_bubbleChart; }
  QChart* bytesChart() const { return m_bytesChart; }
  LayoutDiagram* diagram() const { return m_diagram; }
  /// The batch from which data parallelism sends fewer bytes per example (0: none in range).
  double crossoverBatch() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void rebuildSeries();
  void retranslate();

  ModelPartitionData m_data;
  QLabel* m_intro;
  QChart* m_bubbleChart;
  QChart* m_bytesChart;
  QLogValueAxis* m_microAxis;
  QValueAxis* m_bubbleAxis;
  QLogValueAxis* m_batchAxis;
  QLogValueAxis* m_bytesAxis;
  QLabel* m_summary;
  QWidget* m_bubbleView;
  QWidget* m_bytesView;
  QLabel* m_diagramTitle;
  LayoutDiagram* m_diagram;
};

}  // namespace distlab::widgets
