#include "lessons/process_group_run.h"

#include <cstdio>
#include <random>

#include "cluster/launcher.h"
#include "cluster/run_recorder.h"
#include "comm/handshake.h"
#include "core/float_file.h"
#include "core/spec_hash.h"
#include "core/stopwatch.h"
#include "security/poison_attack.h"
#include "lessons/experiment.h"
#include "lessons/lesson_result.h"
#include "modelpar/partition_mode.h"
#include "modelpar/pipeline_run.h"
#include "nn/builders.h"
#include "nn/model_file.h"
#include "telemetry/run_events.h"

namespace distlab::engine {
namespace {

std::string freshToken() {
  std::random_device rd;
  return makeRunToken((static_cast<std::uint64_t>(rd()) << 32) ^ rd(),
                      (static_cast<std::uint64_t>(rd()) << 32) ^ rd());
}

}  // namespace

int runProcessGroup(const PartitionMode& mode, const Spec& spec, RunContext& context,
                    const std::string& sync, const std::string& partition) {
  const TrainTest data = loadLessonData(spec, context);
  const std::string token = context.token.empty() ? freshToken() : context.token;
  const int processes = mode.processes(spec);
  const std::int64_t startNs = steadyNowNs();
  Model whole = buildModelFor(spec, data.train);
  // A split that does not fit fails before anything starts.
  std::vector<LayoutBlock> layout = mode.plan(spec, whole);
  Spec recorded = spec;
  recorded.cluster.workers = processes;  // the progress line counts the processes
  const int rounds = mode.roundsForProgress(spec);
  if (rounds > 0) recorded.training.epochs = rounds;
  RunRecorder recorder(context.runEvents, context.outDir, recorded, data.train.size());
  if (rounds > 0) recorder.countRounds();
  const bool attacked = !poisonAttacks().at(spec.security.attack).harmless();
  recorder.record(RunStarted{startNs, spec.experiment, processes, 0, whole.parameterCount(),
                             specHash(spec), sync, partition, -1, rounds,
                             attacked ? spec.security.attackers : std::vector<int>{}});
  if (!layout.empty()) {
    recorder.record(ModelLayout{steadyNowNs(), mode.split(), 0, std::move(layout)});
  }
  for (auto& record : mode.dataRecords(spec, data.train)) recorder.record(std::move(record));
  recorder.takeBatch();

  PipelineRunResult result;
  try {
    PipelineRunOptions o{mode, spec, selfExecutablePath(), token, &recorder, data.train.size(),
                         &data.test, startNs, mode.keepsCheckpoints(spec),
                         mode.steps(spec, data.train)};
    o.bind = spec.cluster.bind;
    o.externalProcesses = !spec.cluster.launchWorkers;
    o.onListening = context.onListening;
    result = runPipeline(o);
  } catch (const StageLost& lost) {
    recorder.record(RunEnded{steadyNowNs(), mode.lostReason(), 1, lost.stage, lost.code,
                             lost.what()});
    recorder.takeBatch();
    std::fprintf(stderr, "%s\n", lost.what());
    return 1;
  }
  writeFloatFile(context.outDir + "/params.f32", result.parameters);
  if (!context.saveModel.empty()) {
    saveModel(context.saveModel, whole, result.parameters, spec, result.steps);
    std::fprintf(stderr, "model saved to %s\n", context.saveModel.c_str());
  }
  std::fprintf(stderr, "%s\n", mode.summary(spec, result).c_str());
  LessonResult lesson;
  lesson.lesson = mode.resultLesson(spec);
  lesson.tables = mode.results({spec, data, token, context, whole, result});
  finishLesson(std::move(lesson), context);
  recorder.record(RunEnded{steadyNowNs(), EndReason::Completed, 0});
  recorder.takeBatch();
  return 0;
}

}  // namespace distlab::engine
