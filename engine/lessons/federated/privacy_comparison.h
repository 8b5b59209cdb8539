#pragma once
#include "lessons/lesson_result.h"
#include "modelpar/partition_mode.h"

namespace distlab::engine {

/// fl.compare_privacy: the lesson's rounds again, same seed and clients, under each protection
/// of the updates the spec allows: none, local DP, central DP, secure aggregation, secure
/// aggregation with central DP. One row each (table "privacy_comparison"): what the server
/// learns, test accuracy and loss, epsilon at privacy.dp_delta, bytes up and down per client a
/// round, the server's aggregation time per round and the run's wall time.
ResultTable comparePrivacy(const PartitionMode& rounds, const ModeRun& run);

}  // namespace distlab::engine
