#pragma once
#include <vector>

#include "core/spec.h"
#include "data/dataset.h"
#include "telemetry/events.h"

namespace distlab::engine {

/// What the data view shows of a cluster run's splits: each worker's share (PartitionShare) and
/// the share no worker sees (SplitSummary) of every split the run will use, a new one every
/// reshuffle period, the first 64 only (a long run reshuffling every epoch would otherwise
/// compute thousands up front; the workers draw each one when they reach it).
std::vector<Event> partitionRecords(const Spec& spec, const Dataset& train);

}  // namespace distlab::engine
