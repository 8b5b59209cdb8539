#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "comm/session_source.h"
#include "core/spec.h"

namespace distlab::engine {

class RunEvents;

struct CoordinatorOptions {
  std::string outDir;     ///< run folder: events.jsonl, metrics.csv, spec.json
  std::string token;      ///< the run's secret; empty: a fresh random one
  std::string engineExe;  ///< the distlab-engine binary that workers are started from
  /// Print `listening HOST:PORT` on stdout (off for the runs of a comparison, which nobody
  /// monitors).
  bool announce = true;
  /// Where the run's events go (events.jsonl and the live stream); nullptr: events.jsonl in
  /// outDir and no live stream.
  RunEvents* events = nullptr;
  /// false: a completed run leaves its RunEnded to the experiment, which goes on (a lesson's
  /// comparison after the live run); a run that ends otherwise still records it.
  bool recordsCompletion = true;
  std::string loadModel;  ///< initial parameters from this model file (empty: the spec's init)
  std::string saveModel;  ///< a completed run's parameters go here (.npz: NumPy's format)
  /// Continue the run in outDir from its checkpoint.bin (cluster.checkpoint_every).
  bool resume = false;
  /// Called with the port once the coordinator listens, before any worker can join (on the
  /// thread that constructs it): `mpi` hands the address to the other ranks.
  std::function<void(std::uint16_t)> onListening{};
  /// Workers whose frames come by another transport (MPI): taken in once the coordinator listens.
  SessionSourceFactory linkPeers{};
  /// Start paused: every worker waits before its first step until a monitor resumes the run
  /// or steps it one round (the teacher explains the cluster before it trains).
  bool startPaused = false;
};

/// `distlab-engine run`: the parameter server, the launcher of the worker processes and the
/// monitor endpoint, on one Boost.Asio thread (the test evaluation has its own thread). Prints
/// `listening HOST:PORT` as the first line on stdout (unless told not to), progress on stderr;
/// everything that happens is a typed event (telemetry/events.h) in events.jsonl, for the
/// monitors and on the live stream.
class Coordinator {
 public:
  Coordinator(Spec spec, CoordinatorOptions options);
  ~Coordinator();
  /// Runs to the end; returns the process exit code (0 done, 1 failed, 128+signal interrupted).
  /// Throws Error for problems before the run starts (data set, output folder, port).
  int run();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace distlab::engine
