// Lesson 3 (`run` on "experiment": "model_parallel"): model partitioning. The network itself is
// split over processes that pass intermediate results to each other over real sockets; how it
// is split is the partition mode (model_parallel.mode: pipeline, tensor, skeleton; one class a
// file here, registered in partition_modes.cpp). This file runs any of them: it starts the
// processes through the coordinator (modelpar/pipeline_run.h), records the run, keeps the final
// parameters and ends with the mode's tables.
#include <cstdio>
#include <random>

#include "cluster/launcher.h"
#include "cluster/run_recorder.h"
#include "comm/handshake.h"
#include "core/float_file.h"
#include "core/spec_hash.h"
#include "core/stopwatch.h"
#include "lessons/experiment.h"
#include "lessons/lesson_result.h"
#include "lessons/model_parallel/partition_modes.h"
#include "modelpar/pipeline_run.h"
#include "nn/builders.h"
#include "telemetry/run_events.h"

namespace distlab::engine {
namespace {

std::string freshToken() {
  std::random_device rd;
  return makeRunToken((static_cast<std::uint64_t>(rd()) << 32) ^ rd(),
                      (static_cast<std::uint64_t>(rd()) << 32) ^ rd());
}

class ModelParallelExperiment final : public Experiment {
 public:
  std::string_view name() const override { return "model_parallel"; }
  bool usesPartitioner() const override { return false; }
  bool announcesItself() const override { return true; }

  void validate(const Spec& s, std::vector<SpecError>& errors) const override {
    partitionModes().at(s.modelParallel.mode).validate(s, errors);
  }

  int run(const Spec& spec, RunContext& context) const override {
    const PartitionMode& mode = partitionModes().at(spec.modelParallel.mode);
    const TrainTest data = loadLessonData(spec, context);
    const std::string token = context.token.empty() ? freshToken() : context.token;
    const int processes = mode.processes(spec.modelParallel);
    const std::int64_t startNs = steadyNowNs();
    Model whole = buildModelFor(spec, data.train);
    // A split that does not fit fails before anything starts.
    std::vector<LayoutBlock> layout = mode.plan(spec, whole);
    Spec recorded = spec;
    recorded.cluster.workers = processes;  // the progress line counts the processes
    RunRecorder recorder(context.runEvents, context.outDir, recorded, data.train.size());
    recorder.record(RunStarted{startNs, spec.experiment, processes, 0, whole.parameterCount(),
                               specHash(spec), spec.modelParallel.schedule,
                               spec.modelParallel.mode});
    if (!layout.empty()) {
      recorder.record(ModelLayout{steadyNowNs(), mode.split(), 0, std::move(layout)});
    }
    recorder.takeBatch();

    PipelineRunResult result;
    try {
      result = runPipeline({mode, spec, selfExecutablePath(), token, &recorder,
                            data.train.size(), &data.test, startNs});
    } catch (const StageLost& lost) {
      recorder.record(RunEnded{steadyNowNs(), EndReason::StageLost, 1, lost.stage, lost.code,
                               lost.what()});
      recorder.takeBatch();
      std::fprintf(stderr, "%s\n", lost.what());
      return 1;
    }
    writeFloatFile(context.outDir + "/params.f32", result.parameters);
    std::fprintf(stderr, "%s\n", mode.summary(spec, result).c_str());
    LessonResult lesson;
    lesson.lesson = spec.experiment;
    lesson.tables = mode.results({spec, data, token, context, whole, result});
    finishLesson(std::move(lesson), context);
    recorder.record(RunEnded{steadyNowNs(), EndReason::Completed, 0});
    recorder.takeBatch();
    return 0;
  }
};

}  // namespace

std::unique_ptr<Experiment> makeModelParallelExperiment() {
  return std::make_unique<ModelParallelExperiment>();
}

}  // namespace distlab::engine
