#pragma once
#include <string>
#include <vector>

#include "telemetry/events.h"

namespace distlab::engine {

/// A run's records as Chrome's trace-event JSON, which Perfetto (ui.perfetto.dev) and
/// chrome://tracing open: one process, a thread per lane (the server, each worker); each span a
/// complete event ("X", category "span"); each frame on the wire a flow arrow ("s" to "f",
/// category "traffic") from the sender's lane to the receiver's, each end on a 1 us slice it
/// binds to; step losses and evaluations as counters ("C"). Times are microseconds from the
/// run's first record; the events are in time order.
std::string chromeTraceJson(const std::vector<Event>& events);

}  // namespace distlab::engine
