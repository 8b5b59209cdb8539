#pragma once
#include <string>

#include "comm/blocking_channel.h"
#include "core/spec.h"

namespace distlab::engine {

/// One worker process of a federated run (`distlab-engine stage`): each round it receives the
/// clients it hosts that were sampled (MASK), the global model (PARAMS) and, for SCAFFOLD, the
/// server's control variate (a second PARAMS); it trains each client on its own data from the
/// global model and answers with one PUSH: the sum over its clients of n_i (w_i - w_global),
/// n_i the client's examples, then (SCAFFOLD) the sum of their control variates' changes.
void runFederatedWorker(BlockingChannel& hub, int rank, const Spec& spec, const std::string& token);

}  // namespace distlab::engine
