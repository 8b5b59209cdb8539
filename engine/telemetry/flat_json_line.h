#pragma once
#include <string_view>

#include "telemetry/events.h"

namespace distlab::engine {

/// The fast path of fromJsonLine() for the records that make up nearly all of a long run's
/// log (spans, traffic, step losses: one flat object of numbers and names). It reads such a
/// line without building a JSON tree; it returns false, leaving `out` as it was, for anything
/// else or anything unusual (nested values, escapes, non-ASCII text, a missing field, a number
/// outside the JSON grammar or the field's range), and the full reader then decides, with its
/// error message. Where it returns true the record equals the full reader's.
bool fromFlatJsonLine(std::string_view line, Event& out);

}  // namespace distlab::engine
