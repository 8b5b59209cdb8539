// Lesson 3 (`run` on "experiment": "model_parallel"): model partitioning by layers. The network
// is cut into stage processes that pass intermediate results to each other (activations
// forward, their errors back) over real sockets; a batch is cut into micro-batches so the
// stages work at once. After training, the lesson measures the pipeline's idle "bubble" for
// several stage and micro-batch counts beside the theory, the activation memory each schedule
// holds, and what travels per example compared with data parallelism.
#include <cmath>
#include <cstdio>
#include <random>

#include "cluster/launcher.h"
#include "cluster/run_recorder.h"
#include "comm/handshake.h"
#include "core/error.h"
#include "core/spec_hash.h"
#include "core/spec_problems.h"
#include "core/stopwatch.h"
#include "core/float_file.h"
#include "lessons/experiment.h"
#include "lessons/lesson_result.h"
#include "modelpar/pipeline_run.h"
#include "modelpar/pipeline_schedule.h"
#include "modelpar/stage_plan.h"
#include "nn/builders.h"
#include "telemetry/run_events.h"

namespace distlab::engine {
namespace {

std::string listText(const std::vector<int>& values) {
  std::string text;
  for (int v : values) text += (text.empty() ? "" : ", ") + std::to_string(v);
  return text;
}

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
    const auto& mp = s.modelParallel;
    const int layers = layerCount(s.model);
    const std::string layersText = std::to_string(layers);
    if (mp.stages > layers) {
      errors.push_back(specProblem("model_parallel.stages", "stages_exceed_layers",
                                   {std::to_string(mp.stages), s.model.arch, layersText}));
    }
    const std::string batch = std::to_string(s.training.batchSize);
    if (mp.microBatches > s.training.batchSize) {
      errors.push_back(specProblem("model_parallel.micro_batches", "micro_batches_exceed_batch",
                                   {std::to_string(mp.microBatches), batch}));
    }
    if (!mp.boundaries.empty()) {
      if (static_cast<int>(mp.boundaries.size()) != mp.stages - 1) {
        errors.push_back(specProblem(
            "model_parallel.boundaries", "boundaries_count",
            {std::to_string(mp.stages - 1), std::to_string(mp.stages),
             std::to_string(mp.boundaries.size())}));
      }
      int previous = 0;
      for (int b : mp.boundaries) {
        if (b <= previous || b >= layers) {
          errors.push_back(specProblem("model_parallel.boundaries", "boundaries_order",
                                       {listText(mp.boundaries), layersText}));
          break;
        }
        previous = b;
      }
    }
    if (mp.sweepSteps == 0) return;
    for (int p : mp.sweepStages) {
      if (p > layers) {
        errors.push_back(specProblem("model_parallel.sweep_stages", "stages_exceed_layers",
                                     {std::to_string(p), s.model.arch, layersText}));
        break;
      }
    }
    for (int m : mp.sweepMicroBatches) {
      if (m > s.training.batchSize) {
        errors.push_back(specProblem("model_parallel.sweep_micro_batches",
                                     "micro_batches_exceed_batch", {std::to_string(m), batch}));
        break;
      }
    }
  }

  int run(const Spec& spec, RunContext& context) const override {
    const TrainTest data = loadLessonData(spec, context);
    const std::string token = context.token.empty() ? freshToken() : context.token;
    const std::int64_t startNs = steadyNowNs();
    Model whole = buildModelFor(spec, data.train);
    const StagePlan plan = planStages(whole, spec.modelParallel);
    Spec recorded = spec;
    recorded.cluster.workers = spec.modelParallel.stages;  // the progress line counts stages
    RunRecorder recorder(context.runEvents, context.outDir, recorded, data.train.size());
    recorder.record(RunStarted{startNs, spec.experiment, spec.modelParallel.stages, 0,
                               whole.parameterCount(), specHash(spec),
                               spec.modelParallel.schedule, spec.modelParallel.mode});
    recorder.takeBatch();

    PipelineRunOptions o{spec, selfExecutablePath(), token, &recorder, data.train.size(),
                         &data.test, startNs};
    PipelineRunResult main;
    try {
      main = runPipeline(o);
    } catch (const StageLost& lost) {
      recorder.record(RunEnded{steadyNowNs(), EndReason::StageLost, 1, lost.stage, lost.code,
                               lost.what()});
      recorder.takeBatch();
      std::fprintf(stderr, "%s\n", lost.what());
      return 1;
    }
    writeFloatFile(context.outDir + "/params.f32", main.parameters);
    std::fprintf(stderr,
                 "pipeline: %d stages, %d micro-batches, %s: bubble %.3f (theory %.3f, for these "
                 "stages %.3f), %.0f samples/s\n",
                 spec.modelParallel.stages, spec.modelParallel.microBatches,
                 spec.modelParallel.schedule.c_str(), main.bubble,
                 theoreticalBubble(spec.modelParallel.stages, spec.modelParallel.microBatches),
                 main.bubbleOfTheseStages, main.samplesPerSecond);

    LessonResult result;
    result.lesson = spec.experiment;
    result.tables.push_back(stagesTable(whole, plan, main));
    result.tables.push_back(bytesTable(spec, whole, plan, main));
    if (spec.modelParallel.sweepSteps > 0) {
      auto studies = study(spec, data, token, context);
      for (auto& t : studies) result.tables.push_back(std::move(t));
    }
    finishLesson(std::move(result), context);
    recorder.record(RunEnded{steadyNowNs(), EndReason::Completed, 0});
    recorder.takeBatch();
    return 0;
  }

 private:
  /// Which layers each stage owns and what it did.
  static ResultTable stagesTable(const Model& whole, const StagePlan& plan,
                                 const PipelineRunResult& run) {
    ResultTable t{"stages", {numbers("stage"), numbers("first_layer"), numbers("layers"),
                             numbers("parameters"), numbers("busy_share"),
                             numbers("peak_activation_bytes"), numbers("bytes_sent")}};
    for (int k = 0; k < plan.stages(); ++k) {
      std::size_t params = 0;
      for (std::size_t i = plan.begin(k); i < plan.end(k); ++i) {
        params += whole.layers()[i]->parameterCount();
      }
      const auto& s = run.stages[static_cast<std::size_t>(k)];
      const double row[] = {static_cast<double>(k),
                            static_cast<double>(plan.begin(k)),
                            static_cast<double>(plan.end(k) - plan.begin(k)),
                            static_cast<double>(params),
                            static_cast<double>(s.busyNs) * 1e-9 / std::max(run.seconds, 1e-9),
                            static_cast<double>(s.peakActivationBytes),
                            static_cast<double>(s.bytesSent)};
      for (std::size_t c = 0; c < t.columns.size(); ++c) t.columns[c].numbers.push_back(row[c]);
    }
    return t;
  }

  /// Bytes per training example: data parallelism sends the gradient and receives the model
  /// every batch (2 x parameters x 4 bytes / batch); a pipeline sends each boundary's
  /// activations and their errors (2 x width x 4 bytes), whatever the batch.
  static ResultTable bytesTable(const Spec& spec, const Model& whole, const StagePlan& plan,
                                const PipelineRunResult& run) {
    double widths = 0.0;
    for (int k = 1; k < plan.stages(); ++k) {
      widths += whole.layerShapes()[plan.begin(k) - 1].size();
    }
    const double params = static_cast<double>(whole.parameterCount());
    ResultTable t{"bytes_per_example", {numbers("batch"), numbers("data_parallel"),
                                        numbers("pipeline"), numbers("pipeline_measured")}};
    const double measured = static_cast<double>(run.intermediateBytes) /
                            (static_cast<double>(run.steps) * spec.training.batchSize);
    for (int batch : {1, 4, 16, 64, 256, 1024, 4096}) {
      t.columns[0].numbers.push_back(batch);
      t.columns[1].numbers.push_back(2.0 * params * 4.0 / batch);
      t.columns[2].numbers.push_back(2.0 * widths * 4.0);
      t.columns[3].numbers.push_back(batch == spec.training.batchSize ? measured : std::nan(""));
    }
    return t;
  }

  /// The bubble for every stages x micro-batches pair of the study, and each schedule's memory.
  std::vector<ResultTable> study(const Spec& spec, const TrainTest& data,
                                 const std::string& token, RunContext& context) const {
    const auto& mp = spec.modelParallel;
    ResultTable bubbles{"bubbles", {numbers("stages"), numbers("micro_batches"),
                                    numbers("measured"), numbers("theory"),
                                    numbers("theory_these_stages"),
                                    numbers("samples_per_second")}};
    ResultTable memory{"activation_memory", {numbers("stage"), numbers("gpipe_bytes"),
                                             numbers("1f1b_bytes")}};
    const int pairs = static_cast<int>(mp.sweepStages.size() * mp.sweepMicroBatches.size());
    int index = 0;
    const auto quick = [&](int stages, int micro, const std::string& schedule) {
      Spec run = spec;
      run.modelParallel.stages = stages;
      run.modelParallel.microBatches = micro;
      run.modelParallel.schedule = schedule;
      run.modelParallel.steps = mp.sweepSteps;
      run.modelParallel.evalEvery = mp.sweepSteps;
      run.modelParallel.boundaries.clear();
      return runPipeline({run, selfExecutablePath(), token, nullptr, data.train.size(), nullptr, 0});
    };
    for (int stages : mp.sweepStages) {
      for (int micro : mp.sweepMicroBatches) {
        context.events.record(LessonStage{steadyNowNs(), "model_parallel", index++, pairs + 2,
                                          "m=" + std::to_string(micro), stages});
        const PipelineRunResult r = quick(stages, micro, mp.schedule);
        const double row[] = {static_cast<double>(stages), static_cast<double>(micro), r.bubble,
                              theoreticalBubble(stages, micro), r.bubbleOfTheseStages,
                              r.samplesPerSecond};
        for (std::size_t c = 0; c < 6; ++c) bubbles.columns[c].numbers.push_back(row[c]);
        std::fprintf(stderr,
                     "bubble p=%d m=%d: %.3f (theory %.3f, for these stages %.3f), %.0f "
                     "samples/s\n",
                     stages, micro, r.bubble, theoreticalBubble(stages, micro),
                     r.bubbleOfTheseStages, r.samplesPerSecond);
      }
    }
    std::vector<PipelineRunResult> schedules;
    for (const char* schedule : {"gpipe", "1f1b"}) {
      context.events.record(LessonStage{steadyNowNs(), "model_parallel", index++, pairs + 2,
                                        schedule, mp.stages});
      schedules.push_back(quick(mp.stages, mp.microBatches, schedule));
    }
    for (int k = 0; k < mp.stages; ++k) {
      memory.columns[0].numbers.push_back(k);
      for (std::size_t s = 0; s < 2; ++s) {
        memory.columns[s + 1].numbers.push_back(
            static_cast<double>(schedules[s].stages[static_cast<std::size_t>(k)].peakActivationBytes));
      }
    }
    return {std::move(bubbles), std::move(memory)};
  }
};

}  // namespace

std::unique_ptr<Experiment> makeModelParallelExperiment() {
  return std::make_unique<ModelParallelExperiment>();
}

}  // namespace distlab::engine
