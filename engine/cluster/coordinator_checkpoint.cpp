// Checkpoints: the run written every cluster.checkpoint_every updates (off the I/O thread), a
// resumed run put back where its checkpoint stood, and the model file a completed run leaves.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cluster/coordinator_impl.h"
#include "core/error.h"
#include "core/spec_hash.h"
#include "nn/model_file.h"

namespace distlab::engine {

void Coordinator::Impl::restoreCheckpoint(Checkpoint c) {
  if (c.ranks.size() != workers.size()) {
    throw Error("checkpoint: " + std::to_string(c.ranks.size()) + " workers; the spec has " +
                std::to_string(workers.size()));
  }
  const auto version = c.server.version;
  ps->restore(std::move(c.server));
  for (std::size_t k = 0; k < workers.size(); ++k) {
    auto& slot = workers[k];
    slot.restartsUsed = c.ranks[k].restartsUsed;
    slot.deathClock = c.ranks[k].deathClock;
    slot.missedSteps = c.ranks[k].missedSteps;
    slot.missedExamples = c.ranks[k].missedExamples;
  }
  recorder.restoreTotals(c.samples, c.bytesToServer, c.bytesToWorkers);
  lastEvalVersion = c.lastEvalVersion;
  lastCheckpointVersion = version;
}

Checkpoint Coordinator::Impl::takeCheckpoint() const {
  Checkpoint c;
  c.specHash = specHash(spec);
  c.server = ps->state();
  for (const auto& slot : workers) {
    c.ranks.push_back({slot.restartsUsed, slot.deathClock, slot.missedSteps, slot.missedExamples});
  }
  const RunProgress at = recorder.progress(now());
  c.elapsedNs = at.timeNs - startNs;
  c.samples = at.samples;
  c.bytesToServer = at.bytesToServer;
  c.bytesToWorkers = at.bytesToWorkers;
  c.lastEvalVersion = lastEvalVersion;
  return c;
}

void Coordinator::Impl::maybeCheckpoint() {
  if (!checkpointWriter) return;
  if (const std::string error = checkpointWriter->takeError(); !error.empty()) {
    std::fprintf(stderr, "server: checkpoint failed: %s\n", error.c_str());
    recorder.record(Notice{now(), NoticeKind::CheckpointFailed, kServerLane, ps->version(), error});
  }
  const auto every = static_cast<std::uint64_t>(spec.cluster.checkpointEvery);
  // Only between rounds: a half-gathered round's pushes are not in the state, and its workers
  // push them again after a resume.
  if (ps->version() < lastCheckpointVersion + every || !ps->betweenRounds()) return;
  lastCheckpointVersion = ps->version();
  checkpointWriter->submit(packCheckpoint(takeCheckpoint()), ps->version());
}

void Coordinator::Impl::reportCheckpoints() {
  if (!checkpointWriter) return;
  auto ms = checkpointWriter->writeTimes();
  if (ms.empty()) return;
  const auto last = checkpointWriter->lastWritten();
  std::sort(ms.begin(), ms.end());
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(checkpointPath(options.outDir), ec);
  std::fprintf(stderr,
               "checkpoints: %zu written so far (the last at update %llu, %.1f KB), write time "
               "median %.2f ms, max %.2f ms\n",
               ms.size(), static_cast<unsigned long long>(last ? last->first : 0),
               ec ? 0.0 : static_cast<double>(bytes) / 1024.0, ms[ms.size() / 2], ms.back());
}

void Coordinator::Impl::saveFinalModel() {
  if (options.saveModel.empty()) return;
  try {
    saveModel(options.saveModel, *layout, ps->parameters(), spec, ps->version());
    std::fprintf(stderr, "model saved to %s\n", options.saveModel.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: the run completed, but its model was not saved: %s\n", e.what());
    exitCode = 1;
  }
}

}  // namespace distlab::engine
