// Lesson 3's view: the pipeline's bubble and the bytes per example against data parallelism
// (widgets/model_partition_view.h), from the model_parallel experiment's tables.
#include <cmath>

#include "app/lesson_views/lesson_view.h"
#include "app/lesson_views/result_columns.h"
#include "widgets/model_partition_view.h"

namespace distlab::app {
namespace {

widgets::ModelPartitionData partitionData(const engine::LessonResult& r) {
  widgets::ModelPartitionData d;
  const auto stages = numbersOf(r, "bubbles", "stages");
  const auto micro = numbersOf(r, "bubbles", "micro_batches");
  const auto measured = numbersOf(r, "bubbles", "measured");
  const auto theory = numbersOf(r, "bubbles", "theory");
  const auto these = numbersOf(r, "bubbles", "theory_these_stages");
  for (std::size_t i = 0; i < these.size() && i < stages.size(); ++i) {
    d.bubbles.push_back({static_cast<int>(stages[i]), static_cast<int>(micro[i]), measured[i],
                         theory[i], these[i]});
  }
  const auto batch = numbersOf(r, "bytes_per_example", "batch");
  const auto dataParallel = numbersOf(r, "bytes_per_example", "data_parallel");
  const auto pipeline = numbersOf(r, "bytes_per_example", "pipeline");
  const auto run = numbersOf(r, "bytes_per_example", "pipeline_measured");
  for (std::size_t i = 0; i < run.size() && i < batch.size(); ++i) {
    d.bytes.push_back({batch[i], dataParallel[i], pipeline[i], std::isnan(run[i]) ? -1.0 : run[i]});
  }
  d.gpipeActivationBytes = numbersOf(r, "activation_memory", "gpipe_bytes");
  d.oneFOneBActivationBytes = numbersOf(r, "activation_memory", "1f1b_bytes");
  const auto sent = numbersOf(r, "bytes_per_update", "bytes_sent_per_process");
  const auto held = numbersOf(r, "bytes_per_update", "model_bytes_per_process");
  if (sent.size() == 3 && held.size() == 3) {  // data parallel, tensor theory, tensor measured
    d.dataParallelUpdateBytes = sent[0];
    d.tensorUpdateBytes = sent[2];
    d.wholeModelBytes = held[0];
    d.shardModelBytes = held[2];
  }
  const auto layer = numbersOf(r, "layout", "layer");
  const auto width = numbersOf(r, "layout", "width");
  const auto neurons = numbersOf(r, "layout", "neurons");
  const auto owner = numbersOf(r, "layout", "owner");
  for (std::size_t i = 0; i < owner.size() && i < layer.size(); ++i) {
    d.layout.push_back(
        {static_cast<int>(layer[i]), width[i], neurons[i], static_cast<int>(owner[i])});
  }
  d.split = r.table("stages")   ? widgets::LayoutDiagram::Split::Pipeline
            : r.table("shards") ? widgets::LayoutDiagram::Split::Tensor
                                : widgets::LayoutDiagram::Split::Skeleton;
  const auto accuracy = numbersOf(r, "skeleton_vs_averaging", "test_accuracy");
  const auto toWorkers = numbersOf(r, "skeleton_vs_averaging", "bytes_to_workers");
  const auto workerParameters = numbersOf(r, "skeleton_vs_averaging", "worker_parameters");
  const auto modelParameters = numbersOf(r, "skeleton_vs_averaging", "model_parameters");
  if (accuracy.size() == 2 && toWorkers.size() == 2 && workerParameters.size() == 2 &&
      modelParameters.size() == 2) {  // skeleton, then model averaging
    d.skeletonAccuracy = accuracy[0];
    d.averagingAccuracy = accuracy[1];
    d.skeletonBytes = toWorkers[0];
    d.averagingBytes = toWorkers[1];
    d.skeletonWorkerParameters = workerParameters[0];
    d.modelParameters = modelParameters[0];
  }
  return d;
}

class ModelPartitionLessonView final : public WidgetLessonView<widgets::ModelPartitionView> {
  Q_DECLARE_TR_FUNCTIONS(ModelPartitionLessonView)

 public:
  QString lesson() const override { return "model_parallel"; }
  QString viewName() const override { return "partitioning"; }
  QString title() const override { return tr("Partitioning"); }
  QString toolTip() const override {
    return tr("Lesson 3: the pipeline's bubble and the bytes per example");
  }
  QString show(const engine::LessonResult& result) override {
    rememberFiles(result);
    m_view->setData(partitionData(result));
    return tr("Lesson 3 measured: see the Partitioning tab");
  }
};

}  // namespace

std::unique_ptr<LessonView> makeModelPartitionLessonView(const LessonViewContext&) {
  return std::make_unique<ModelPartitionLessonView>();
}

}  // namespace distlab::app
