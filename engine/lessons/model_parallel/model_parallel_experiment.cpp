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
#include "lessons/model_parallel/bubble_study.h"
#include "lessons/model_parallel/model_parallel_tables.h"
#include "modelpar/stage_plan.h"
#include "modelpar/tensor_plan.h"
#include "nn/builders.h"
#include "nn/evaluate.h"
#include "nn/loss.h"
#include "telemetry/run_events.h"

namespace distlab::engine {
namespace {

std::string listText(const std::vector<int>& values) {
  std::string text;
  for (int v : values) text += (text.empty() ? "" : ", ") + std::to_string(v);
  return text;
}

/// The tensor plan, or the spec's problem when the network's output layer is narrower than
/// the shards (the classes are known only once the data are loaded).
TensorPlan tensorPlanOf(const Model& whole, int shards) {
  const int outputs = static_cast<int>(whole.outputShape().size());
  if (outputs < shards) {
    throw SpecProblemError(specProblem("model_parallel.shards", "shards_exceed_neurons",
                                       {std::to_string(shards), std::to_string(outputs)}));
  }
  return planTensorShards(whole, shards);
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
    if (s.modelParallel.mode == "tensor") return validateTensor(s, errors);
    if (s.modelParallel.mode == "skeleton") {
      if (s.model.arch != "mlp" || s.model.hidden.empty()) {
        errors.push_back(specProblem("model.arch", "skeleton_needs_mlp", {s.model.arch}));
      }
      return;
    }
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
    const auto& mp = spec.modelParallel;
    const bool tensor = mp.mode == "tensor";
    const int processes = modelParallelProcesses(mp);
    const std::int64_t startNs = steadyNowNs();
    Model whole = buildModelFor(spec, data.train);
    // The split, planned here too, so a spec that does not fit fails before anything starts.
    const StagePlan stages = tensor ? StagePlan{} : planStages(whole, mp);
    const TensorPlan shards = tensor ? tensorPlanOf(whole, mp.shards) : TensorPlan{};
    Spec recorded = spec;
    recorded.cluster.workers = processes;  // the progress line counts the processes
    RunRecorder recorder(context.runEvents, context.outDir, recorded, data.train.size());
    recorder.record(RunStarted{startNs, spec.experiment, processes, 0, whole.parameterCount(),
                               specHash(spec), tensor ? "tensor" : mp.schedule, mp.mode});
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
    LessonResult result;
    result.lesson = spec.experiment;
    if (mp.mode == "skeleton") {
      result.tables = {skeletonComparison(spec, data, token, whole, main)};
    } else if (tensor) {
      std::fprintf(stderr, "tensor: %d shards, %.0f samples/s, %.1f%% of the time waiting\n",
                   mp.shards, main.samplesPerSecond, 100.0 * main.bubble);
      result.tables = {tensorShardsTable(whole, shards, main),
                       tensorBytesTable(spec, whole, shards, main)};
    } else {
      std::fprintf(stderr,
                   "pipeline: %d stages, %d micro-batches, %s: bubble %.3f (theory %.3f, for "
                   "these stages %.3f), %.0f samples/s\n",
                   mp.stages, mp.microBatches, mp.schedule.c_str(), main.bubble,
                   theoreticalBubble(mp.stages, mp.microBatches), main.bubbleOfTheseStages,
                   main.samplesPerSecond);
      result.tables = {pipelineStagesTable(whole, stages, main),
                       pipelineBytesTable(spec, whole, stages, main)};
      if (mp.sweepSteps > 0) {
        for (auto& t : runBubbleStudy(spec, data, token, context)) {
          result.tables.push_back(std::move(t));
        }
      }
    }
    finishLesson(std::move(result), context);
    recorder.record(RunEnded{steadyNowNs(), EndReason::Completed, 0});
    recorder.takeBatch();
    return 0;
  }

 private:
  /// The skeleton run beside model averaging of the whole network (every worker keeps every
  /// neuron: the same rounds, data and seed, a run of its own): accuracy, bytes through the
  /// coordinator and the model each worker holds.
  static ResultTable skeletonComparison(const Spec& spec, const TrainTest& data,
                                        const std::string& token, Model& whole,
                                        const PipelineRunResult& skeleton) {
    Spec full = spec;
    full.modelParallel.skeletonFraction = 1.0;
    const PipelineRunResult averaging = runPipeline(
        {full, selfExecutablePath(), token, nullptr, data.train.size(), &data.test, 0});
    const auto accuracy = [&](const std::vector<float>& params) {
      std::copy(params.begin(), params.end(), whole.parameters().begin());
      return evaluate(whole, data.test, lossFromName(spec.training.loss)).accuracy;
    };
    ResultTable t{"skeleton_vs_averaging",
                  {texts("method", {"skeleton", "model_averaging"}), numbers("test_accuracy"),
                   numbers("bytes_to_workers"), numbers("bytes_from_workers"),
                   numbers("worker_parameters"), numbers("model_parameters")}};
    for (const PipelineRunResult* r : {&skeleton, &averaging}) {
      const double row[] = {accuracy(r->parameters), static_cast<double>(r->bytesToWorkers),
                            static_cast<double>(r->bytesFromWorkers),
                            static_cast<double>(r->workerParameters),
                            static_cast<double>(whole.parameterCount())};
      for (std::size_t c = 0; c < std::size(row); ++c) t.columns[c + 1].numbers.push_back(row[c]);
    }
    std::fprintf(stderr,
                 "skeleton: accuracy %.4f, %.1f MB to the workers, %zu parameters a worker; "
                 "model averaging: %.4f, %.1f MB, %zu\n",
                 t.columns[1].numbers[0], t.columns[2].numbers[0] / 1e6, skeleton.workerParameters,
                 t.columns[1].numbers[1], t.columns[2].numbers[1] / 1e6, averaging.workerParameters);
    return t;
  }

  static void validateTensor(const Spec& s, std::vector<SpecError>& errors) {
    if (s.model.arch != "mlp" && s.model.arch != "linear") {
      errors.push_back(specProblem("model.arch", "tensor_needs_dense", {s.model.arch}));
      return;
    }
    // The output layer's width (the classes) is checked when the data are loaded.
    int narrowest = 1 << 30;
    for (int width : s.model.arch == "mlp" ? s.model.hidden : std::vector<int>{}) {
      narrowest = std::min(narrowest, width);
    }
    if (s.modelParallel.shards > narrowest) {
      errors.push_back(specProblem("model_parallel.shards", "shards_exceed_neurons",
                                   {std::to_string(s.modelParallel.shards),
                                    std::to_string(narrowest)}));
    }
  }

};

}  // namespace

std::unique_ptr<Experiment> makeModelParallelExperiment() {
  return std::make_unique<ModelParallelExperiment>();
}

}  // namespace distlab::engine
