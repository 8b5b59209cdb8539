#pragma once
#include <vector>

#include "modelpar/partition_mode.h"

namespace distlab::engine {

/// fl.compare: the run beside the same rounds (same seed, clients and conditions) with each
/// other client rule and with IID data (shuffle-split, the run's rule), each a run of its own
/// processes. Two tables: `comparison` (rule, data, final test accuracy and loss) and
/// `comparison_curves` (rule, data, round, test accuracy at each evaluation point).
std::vector<ResultTable> compareClientRules(const PartitionMode& rounds, const ModeRun& run);

}  // namespace distlab::engine
