#pragma once
#include "core/spec.h"
#include "modelpar/partition_mode.h"
#include "nn/model.h"

namespace distlab::engine {

/// The server of a federated run, over the coordinator's worker processes: every round it
/// samples among the online clients, sends each process its sampled clients and the global
/// model, sorts what comes back (on time, late, dropped out, lost with its process), retries or
/// skips a round with fewer than fl.min_results updates, and steps the global model by the
/// sample-weighted mean update with fl.server_optimizer. One FederatedRound record an attempt.
void serveFederatedRounds(RoundHost& host, const Spec& spec, Model& whole);

}  // namespace distlab::engine
