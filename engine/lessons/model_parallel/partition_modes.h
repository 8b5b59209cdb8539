#pragma once
#include <string>
#include <vector>

#include "core/strategy_names.h"
#include "core/strategy_registry.h"
#include "modelpar/partition_mode.h"

namespace distlab::engine {

/// pipeline, tensor, skeleton (partition_modes.cpp).
const StrategyRegistry<PartitionMode>& partitionModes();

}  // namespace distlab::engine
