#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "cluster/parameter_server.h"

namespace distlab::engine {

/// Where a worker rank stood, for the restart policy and the untrained-share report.
struct RankRecord {
  int restartsUsed = 0;
  std::uint64_t deathClock = 0, missedSteps = 0, missedExamples = 0;
};

/// All a cluster run needs to continue where it stood (cluster.checkpoint_every; `run --resume`).
/// The data order needs no state of its own: each worker's batches are a function of the
/// spec's seed and its clock (cluster/worker_schedule.h), so the clocks place it.
struct Checkpoint {
  std::uint64_t specHash = 0;  ///< of the run's spec: a checkpoint continues only its own run
  ServerState server;
  std::vector<RankRecord> ranks;
  /// The records' running totals, so metrics.csv and the progress continue rather than restart.
  std::int64_t elapsedNs = 0;
  std::uint64_t samples = 0, bytesToServer = 0, bytesToWorkers = 0;
  std::uint64_t lastEvalVersion = 0;
};

/// The checkpoint as a file's bytes: a FloatBundle signed "DLCKPT\0\0" (core/float_bundle.h),
/// the counters in its JSON header, the parameters, optimizer buffers, ensemble members and
/// judging memory as its sections.
std::vector<std::uint8_t> packCheckpoint(const Checkpoint& checkpoint);
/// Throws Error starting with `what` when the bytes are not a whole, undamaged checkpoint.
Checkpoint unpackCheckpoint(std::span<const std::uint8_t> bytes, const std::string& what);

/// RUN/checkpoint.bin
std::string checkpointPath(const std::string& runDir);
/// Reads RUN/checkpoint.bin; throws Error saying what is wrong (none, damaged, another run's).
Checkpoint readCheckpoint(const std::string& runDir, std::uint64_t specHash);

}  // namespace distlab::engine
