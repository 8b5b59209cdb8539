#pragma once
#include <cstdint>
#include <functional>
#include <span>

#include "core/spec.h"
#include "modelpar/batch_order.h"
#include "modelpar/peer_links.h"
#include "modelpar/stage_reporter.h"

namespace distlab::engine {

/// The steps of a pipeline stage or a tensor shard: `step` on each batch of `order`, the
/// process's `parameters` to the coordinator at every evaluation point and at the end, its
/// telemetry about every 50 ms. Everything measured goes before the last parameters: the
/// coordinator stops reading once every process has sent those.
void runSteps(const Spec& spec, std::size_t trainExamples, BatchOrder& order, PeerLinks& links,
              StageReporter& reporter, std::span<const float> parameters,
              const std::function<void(std::uint64_t, std::span<const std::size_t>)>& step);
/// The same for `steps` steps that find their own batches, `parameters` sent every `evalEvery`.
void runSteps(std::uint64_t steps, std::uint64_t evalEvery, PeerLinks& links,
              StageReporter& reporter, std::span<const float> parameters,
              const std::function<void(std::uint64_t)>& step);

}  // namespace distlab::engine
