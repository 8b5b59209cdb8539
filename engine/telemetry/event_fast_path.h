#pragma once
#include <string>
#include <string_view>

#include "telemetry/events.h"

namespace distlab::engine {

/// Hand-written JSON for the events a cluster records every round (spans, traffic records,
/// staleness records): the generic JSON path costs ~0.7 us to write and ~1.5 us to read one, and
/// a BSP coordinator reads ~10 and writes ~20 a round on a core a worker needs
/// (bench/RESULTS.md). The lines are byte for byte what the generic writer makes.

/// Appends the event's line (no newline) when it is one of those kinds; false otherwise.
bool appendFastJsonLine(std::string& out, const Event& event);
/// Parses a line written exactly as appendFastJsonLine writes it; false for anything else
/// (other kinds, other spacing or key order, out-of-range numbers), which the generic parser
/// then reads (and reports on).
bool parseFastJsonLine(std::string_view line, Event& out);

}  // namespace distlab::engine
