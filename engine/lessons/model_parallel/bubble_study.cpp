#include "lessons/model_parallel/bubble_study.h"

#include <cstdio>

#include "cluster/launcher.h"
#include "core/stopwatch.h"
#include "lessons/lesson_result.h"
#include "modelpar/pipeline_run.h"
#include "modelpar/pipeline_schedule.h"

namespace distlab::engine {
namespace {

PipelineRunResult shortRun(const PartitionMode& pipeline, const Spec& spec, const TrainTest& data,
                           const std::string& token, int stages, int micro,
                           const std::string& schedule) {
  Spec run = spec;
  run.modelParallel.stages = stages;
  run.modelParallel.microBatches = micro;
  run.modelParallel.schedule = schedule;
  run.modelParallel.steps = spec.modelParallel.sweepSteps;
  run.modelParallel.evalEvery = spec.modelParallel.sweepSteps;
  run.modelParallel.boundaries.clear();
  return runPipeline(
      {pipeline, run, selfExecutablePath(), token, nullptr, data.train.size(), &data.test, 0});
}

}  // namespace

std::vector<ResultTable> runBubbleStudy(const PartitionMode& pipeline, const Spec& spec,
                                        const TrainTest& data, const std::string& token,
                                        RunContext& context) {
  const auto& mp = spec.modelParallel;
  ResultTable bubbles{"bubbles", {numbers("stages"), numbers("micro_batches"),
                                  numbers("measured"), numbers("theory"),
                                  numbers("theory_these_stages"), numbers("samples_per_second")}};
  ResultTable memory{"activation_memory",
                     {numbers("stage"), numbers("gpipe_bytes"), numbers("1f1b_bytes")}};
  const int parts = static_cast<int>(mp.sweepStages.size() * mp.sweepMicroBatches.size()) + 2;
  int part = 0;
  for (int stages : mp.sweepStages) {
    for (int micro : mp.sweepMicroBatches) {
      context.events.record(LessonStage{steadyNowNs(), spec.experiment, part++, parts,
                                        {{"model_parallel.stages", std::to_string(stages)},
                                         {"model_parallel.micro_batches", std::to_string(micro)}},
                                        0});
      const PipelineRunResult r = shortRun(pipeline, spec, data, token, stages, micro, mp.schedule);
      const double row[] = {static_cast<double>(stages), static_cast<double>(micro), r.bubble,
                            theoreticalBubble(stages, micro), r.bubbleOfTheseStages,
                            r.samplesPerSecond};
      for (std::size_t c = 0; c < std::size(row); ++c) bubbles.columns[c].numbers.push_back(row[c]);
      std::fprintf(stderr,
                   "bubble p=%d m=%d: %.3f (theory %.3f, for these stages %.3f), %.0f "
                   "samples/s\n",
                   stages, micro, r.bubble, theoreticalBubble(stages, micro),
                   r.bubbleOfTheseStages, r.samplesPerSecond);
    }
  }
  std::vector<PipelineRunResult> schedules;
  for (const char* schedule : {"gpipe", "1f1b"}) {
    context.events.record(
        LessonStage{steadyNowNs(), spec.experiment, part++, parts,
                    {{"model_parallel.stages", std::to_string(mp.stages)},
                     {"model_parallel.schedule", schedule}},
                    0});
    schedules.push_back(shortRun(pipeline, spec, data, token, mp.stages, mp.microBatches, schedule));
  }
  for (int k = 0; k < mp.stages; ++k) {
    memory.columns[0].numbers.push_back(k);
    for (std::size_t s = 0; s < 2; ++s) {
      memory.columns[s + 1].numbers.push_back(static_cast<double>(
          schedules[s].stages[static_cast<std::size_t>(k)].peakActivationBytes));
    }
  }
  return {std::move(bubbles), std::move(memory)};
}

}  // namespace distlab::engine
