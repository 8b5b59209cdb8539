#pragma once
#include <string>

#include "comm/blocking_channel.h"
#include "core/spec.h"

namespace distlab::engine {

/// One worker process of a federated run (`distlab-engine stage`): each attempt at a round it
/// receives the clients it hosts that were sampled and {round, attempt} (a MASK of two lists),
/// the global model (PARAMS) and, for SCAFFOLD, the server's control variate (a second PARAMS);
/// it trains each client on its own data from the global model and answers with one PUSH of a
/// block per client (federated/client_updates.h): w_i - w_global, its examples, SCAFFOLD's
/// control change. A client that drops out (fl.dropout) trains half its steps and sends nothing.
void runFederatedWorker(BlockingChannel& hub, int rank, const Spec& spec, const std::string& token);

}  // namespace distlab::engine
