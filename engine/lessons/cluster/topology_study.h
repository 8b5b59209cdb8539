#pragma once
#include <string>

#include "core/spec.h"
#include "lessons/experiment.h"
#include "telemetry/events.h"

namespace distlab::engine {

/// "ps_vs_ring": at each of cluster.compare_workers, a few steps (40, tested every 10) of the
/// spec's model on a parameter server (BSP, floats over TCP) and the same round a ring
/// (allreduce), on as many examples as those steps take. Per worker count: the bytes a worker
/// sends per step in theory (PS: the model M; ring: 2(N-1)/N M) and measured, the server link's
/// bytes per step (2NM in theory), and each one's measured seconds per step.
ResultTable runTopologyStudy(const Spec& spec, const std::string& token, RunContext& context);

}  // namespace distlab::engine
