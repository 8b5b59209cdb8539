#pragma once
#include "lessons/lesson_result.h"
#include "modelpar/partition_mode.h"

namespace distlab::engine {

/// fl.compare_privacy: the lesson's rounds again, same seed and clients, under each protection
/// of the updates the spec allows: none, local DP, central DP, secure aggregation, secure
/// aggregation with central DP, and Paillier encryption (privacy.paillier_bits) for one round
/// only, its cost being seconds a client a round. One row each (table "privacy_comparison"):
/// what the server learns, test accuracy and loss (NaN for the one-round row), epsilon at
/// privacy.dp_delta, bytes up and down per sampled client a round, the server's aggregation time
/// per round, the wall time per round and the rounds run.
ResultTable comparePrivacy(const PartitionMode& rounds, const ModeRun& run);

}  // namespace distlab::engine
