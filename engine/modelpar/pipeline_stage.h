#pragma once

#include "cluster/worker.h"

namespace distlab::engine {

/// `distlab-engine stage`: one stage of a model-parallel pipeline (lesson 3). It joins the
/// coordinator (the model_parallel experiment) like a worker, learns the spec, builds the
/// network and keeps its own layers (modelpar/stage_plan.h); it listens for its previous stage
/// and connects to its next one (ROUTE), then trains: every step it runs its micro-batches in
/// the schedule's order, sends activations forward (ACTIVATIONS) and errors back (ERRORS),
/// sums the gradients and updates its layers once. Its timeline (forward, backward, send,
/// receive, idle) goes to the coordinator as telemetry, and its parameters at every
/// evaluation point as a PUSH of kind Model. Returns the exit code; throws Error with a reason
/// when a neighbour or the coordinator is lost or silent past cluster.peer_timeout_ms.
int runStage(const WorkerOptions& options);

/// The exit status of a stage that stopped because a neighbour did (its link broke or went
/// silent): the coordinator then looks for the stage that caused it.
inline constexpr int kStageLostNeighbour = 3;

}  // namespace distlab::engine
