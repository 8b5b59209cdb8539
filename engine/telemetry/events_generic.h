#pragma once
#include <string>
#include <string_view>

#include "telemetry/events.h"

namespace distlab::engine {

/// toJsonLine and fromJsonLine through nlohmann::json alone, without the hand-written path for
/// the per-round events (telemetry/event_fast_path.h) that they try first. The tests hold the
/// fast path to these.
std::string toJsonLineGeneric(const Event& event);
bool fromJsonLineGeneric(std::string_view line, Event& out, std::string* error = nullptr);

}  // namespace distlab::engine
