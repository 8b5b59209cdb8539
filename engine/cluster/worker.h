#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "comm/frame_pipe.h"

namespace distlab::engine {

struct WorkerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  int rank = 0;
  std::string token;  ///< the run's secret (from the environment, never the command line)
  int connectTimeoutMs = 10000;
  /// When set, the frames go through this pipe (MPI) instead of a TCP connection to host:port.
  std::function<std::unique_ptr<FramePipe>()> pipe{};
};

/// `distlab-engine worker`: joins a coordinator, receives the spec, loads its own data and
/// trains: PULL parameters, compute on its batches, PUSH the gradient (or, under local SGD,
/// the model after tau local steps), until its steps are done. Returns the exit code; throws
/// Error with a reason when it cannot join or loses the coordinator.
int runWorker(const WorkerOptions& options);

}  // namespace distlab::engine
