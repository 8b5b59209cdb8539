#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <filesystem>

#include "cli/commands.h"
#include "cluster/checkpoint.h"
#include "cluster/launcher.h"
#include "cluster/worker.h"
#include "comm/handshake.h"
#include "core/error.h"
#include "core/spec.h"
#include "core/spec_hash.h"
#include "core/spec_problems.h"
#include "core/stopwatch.h"
#include "lessons/experiment.h"
#include "lessons/inversion/privacy_utility.h"
#include "lessons/model_parallel/stage_command.h"
#include "lessons/run_folder.h"
#include "telemetry/event_codec.h"
#include "telemetry/event_stream.h"
#include "telemetry/run_events.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {
namespace {

// The window reads the run's events from stdout: the stream gets its own descriptor and stdout
// becomes stderr, so that no print can ever land inside a frame.
std::unique_ptr<EventStream> openStdoutStream() {
  const int fd = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (fd < 0) throw Error("--stream: cannot duplicate stdout");
  std::fflush(stdout);
  ::dup2(STDERR_FILENO, STDOUT_FILENO);
  std::signal(SIGPIPE, SIG_IGN);  // a window that goes away ends the stream, not the run
  return std::make_unique<EventStream>(fd);
}

Spec specFor(const RunOptions& o) {
  Spec spec = loadSpecFile(o.resumeDir.empty() ? o.specPath : o.resumeDir + "/spec.json");
  if (!o.bind.empty()) spec.cluster.bind = o.bind;
  if (o.port >= 0) spec.cluster.port = o.port;
  if (o.externalWorkers) spec.cluster.launchWorkers = false;
  if (o.what == RunWhat::Inversion) spec.experiment = "inversion";
  if (o.what == RunWhat::Convexity) spec.experiment = "convexity";
  std::string problems;
  for (const auto& e : validateSpec(spec)) problems += (problems.empty() ? "" : "; ") + e.text();
  if (!problems.empty()) throw Error(o.specPath + ": invalid spec: " + problems);
  const bool modelFiles = !o.model.load.empty() || !o.model.save.empty();
  if ((modelFiles || !o.resumeDir.empty()) && spec.experiment != "cluster") {
    throw Error(std::string(modelFiles ? "--load-model and --save-model" : "--resume") +
                " work with experiment \"cluster\", not \"" + spec.experiment + "\"");
  }
  return spec;
}

void checkRunOptions(const RunOptions& o) {
  if (o.resumeDir.empty() == o.specPath.empty())
    throw Error("run: give a spec, or --resume RUN_FOLDER (not both)");
  if (!o.resumeDir.empty() && !o.model.load.empty())
    throw Error("--load-model: a resumed run continues from its checkpoint's parameters");
  if (!o.resumeDir.empty() && !o.outDir.empty())
    throw Error("--out: a resumed run writes into the folder it resumes");
}

/// A resumed run writes a fresh events.jsonl; the interrupted part's is kept beside it as
/// events.N.jsonl (N = 1 for the first resume).
void keepInterruptedEvents(const std::string& runDir) {
  const std::filesystem::path events = std::filesystem::path(runDir) / "events.jsonl";
  if (!std::filesystem::exists(events)) return;
  for (int n = 1;; ++n) {
    const auto kept = std::filesystem::path(runDir) / ("events." + std::to_string(n) + ".jsonl");
    if (std::filesystem::exists(kept)) continue;
    std::filesystem::rename(events, kept);
    std::fprintf(stderr, "the interrupted run's events are kept in %s\n", kept.c_str());
    return;
  }
}

int runIn(const Spec& spec, const RunOptions& o, RunContext& context) {
  if (o.what == RunWhat::PrivacyUtility) return runPrivacyUtility(spec, context);
  const Experiment& experiment = experiments().at(spec.experiment);
  if (experiment.announcesItself()) return experiment.run(spec, context);
  context.events.record(RunStarted{steadyNowNs(), spec.experiment, spec.cluster.workers, 0, 0,
                                   specHash(spec), spec.cluster.sync, spec.cluster.partition});
  const int code = experiment.run(spec, context);
  context.events.record(RunEnded{steadyNowNs(),
                                 code == 0 ? EndReason::Completed : EndReason::Failed, code,
                                 kServerLane, 0, ""});
  return code;
}

}  // namespace

int runExperimentCommand(const RunOptions& options) {
  std::unique_ptr<EventStream> stream = options.stream ? openStdoutStream() : nullptr;
  std::unique_ptr<RunEvents> events;
  try {
    checkRunOptions(options);
    const Spec spec = specFor(options);
    if (options.startPaused && spec.experiment != "cluster") {
      throw Error(
          "--paused: only a cluster (experiment \"cluster\") can be held by a monitor, "
          "not experiment \"" +
          spec.experiment + "\"");
    }
    const bool resume = !options.resumeDir.empty();
    // The checkpoint is read (and checked) before anything in the folder changes.
    if (resume) readCheckpoint(options.resumeDir, specHash(spec));
    const std::string outDir = resume ? options.resumeDir : prepareRunFolder(spec, options.outDir);
    if (resume) keepInterruptedEvents(outDir);
    events = std::make_unique<RunEvents>(outDir, stream.get());
    FlushingSink sink(*events);
    const char* token = std::getenv(kTokenEnvironmentVariable);
    RunContext context{outDir,
                       *events,
                       sink,
                       token ? token : "",
                       options.model.load,
                       options.model.save,
                       resume,
                       options.onListening,
                       options.linkPeers,
                       options.startPaused};
    const int code = runIn(spec, options, context);
    events->flush();
    // Written whether the run succeeded or not: a failed run's tables show what went wrong.
    if (!options.reportDir.empty()) {
      writeRunReport(outDir, options.reportDir);
      std::fprintf(stderr, "report in %s\n", options.reportDir.c_str());
    }
    return code;
  } catch (const std::exception& e) {
    // The watcher learns why, typed: the run ended, failed, with the engine's reason.
    RunEnded failed{steadyNowNs(), EndReason::Failed, 1, kServerLane, 0, e.what()};
    if (const auto* problem = dynamic_cast<const SpecProblemError*>(&e)) {
      failed.field = problem->problem().path;
      failed.problem = problem->problem().code;
      failed.args = problem->problem().args;
    }
    if (events && !events->ended()) {
      events->record(failed);
      events->flush();
    } else if (stream) {
      std::vector<std::uint8_t> records;
      appendRecord(records, failed);
      stream->send(records);
    }
    throw;
  }
}

namespace {

WorkerOptions workerOptions(const WorkerCommandOptions& options) {
  WorkerOptions o;
  const auto colon = options.connect.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw Error("--connect: \"" + options.connect + "\" is not HOST:PORT");
  }
  o.host = options.connect.substr(0, colon);
  const std::string portText = options.connect.substr(colon + 1);
  char* end = nullptr;
  const long port = std::strtol(portText.c_str(), &end, 10);
  if (portText.empty() || *end != '\0' || port < 1 || port > 65535) {
    throw Error("--connect: port \"" + portText + "\" is not a number from 1 to 65535");
  }
  o.port = static_cast<std::uint16_t>(port);
  o.rank = options.rank;
  if (const char* token = std::getenv(kTokenEnvironmentVariable)) o.token = token;
  return o;
}

}  // namespace

int runWorkerCommand(const WorkerCommandOptions& options) {
  return runWorker(workerOptions(options));
}

int runStageCommand(const WorkerCommandOptions& options) {
  return runStage(workerOptions(options));
}

}  // namespace distlab::engine
