#pragma once

#include <string>

#include "comm/blocking_channel.h"
#include "core/spec.h"

namespace distlab::engine {

/// One stage of a model-parallel pipeline (lesson 3), after it joined the coordinator: it
/// builds the network and keeps its own layers (modelpar/stage_plan.h), links to its
/// neighbours (PeerLinks), then trains: every step it runs its micro-batches in the schedule's
/// order, sends activations forward (ACTIVATIONS) and errors back (ERRORS), sums the gradients
/// and updates its layers once. Its timeline (forward, backward, send, receive, idle) goes to
/// the coordinator as telemetry, and its parameters at every evaluation point as a PUSH of kind
/// Model. Throws Error when a neighbour is lost or silent past cluster.peer_timeout_ms.
void runPipelineStage(BlockingChannel& coordinator, int rank, const Spec& spec,
                      const std::string& token);

/// The exit status of a stage that stopped because a neighbour did (its link broke or went
/// silent): the coordinator then looks for the stage that caused it.
inline constexpr int kStageLostNeighbour = 3;

}  // namespace distlab::engine
