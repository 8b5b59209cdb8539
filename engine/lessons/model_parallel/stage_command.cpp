#include "lessons/model_parallel/stage_command.h"

#include <cstdio>

#include "comm/blocking_channel.h"
#include "comm/blocking_handshake.h"
#include "comm/handshake.h"
#include "core/error.h"
#include "core/keep_freed_memory.h"
#include "lessons/experiment.h"
#include "modelpar/partition_mode.h"
#include "modelpar/peer_links.h"
#include "modelpar/pipeline_stage.h"

namespace distlab::engine {

int runStage(const WorkerOptions& o) {
  if (o.token.empty()) {
    throw Error(std::string("no run token: set ") + kTokenEnvironmentVariable +
                " to the coordinator's token");
  }
  // Every step sends and receives frames of the same few sizes (ring chunks, activations,
  // errors), each in a fresh buffer.
  keepFreedMemory();
  BlockingChannel hub;
  hub.connect(o.host, o.port, o.connectTimeoutMs);
  const Welcome welcome =
      joinPeer(hub, PeerRole::Worker, static_cast<std::uint32_t>(o.rank), o.token);
  const Spec spec = loadSpecText(welcome.spec);
  const PartitionMode* processMode = experiments().at(spec.experiment).processMode(spec);
  if (!processMode) throw Error("experiment " + spec.experiment + " starts no stage processes");
  const PartitionMode& mode = *processMode;
  if (o.rank < 0 || o.rank >= mode.processes(spec)) {
    throw Error("--rank " + std::to_string(o.rank) + " is not a process of this run");
  }
  try {
    if (mode.runProcess(hub, o.rank, spec, o.token)) return 0;
  } catch (const Error& e) {
    std::fprintf(stderr, "error: %s: %s\n", mode.processName(o.rank).c_str(), e.what());
    return kStageLostNeighbour;
  }
  // Wait for the coordinator's goodbye, so it has read everything before this side closes.
  hub.setReceiveTimeout(linkTimeoutMs(spec));
  try {
    for (;;) {
      if (std::holds_alternative<Shutdown>(hub.receive())) break;
    }
  } catch (const Error&) {
  }
  return 0;
}

}  // namespace distlab::engine
