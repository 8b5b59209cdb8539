#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "telemetry/events.h"

namespace distlab::engine {

// events.jsonl: the human-readable record of a run, one JSON object a line, written from the
// same field declarations as the binary stream (telemetry/event_fields.h). Field "e" names the
// record ("span", "evaluation", ...) and comes first, then the fields in their declared order;
// enums are written by name, byte lists (image pixels) in base64, doubles exactly (non-finite
// ones as the strings "nan", "inf", "-inf", which JSON lacks), text that is not UTF-8 with
// U+FFFD in place of its bad bytes.

/// Appends the event's JSON line (no newline) to `out`.
void appendJsonLine(std::string& out, const Event& event);
std::string toJsonLine(const Event& event);

/// Parses one line. Every field is required; keys it does not know are ignored (newer writers
/// may add fields). On failure returns false and a sentence naming the problem in *error.
/// Never throws.
bool fromJsonLine(std::string_view line, Event& out, std::string* error = nullptr);
/// The same through the full JSON reader alone, without fromJsonLine()'s fast path for flat
/// records (telemetry/flat_json_line.h): the reference the fast path is tested against.
bool fromJsonLineFull(std::string_view line, Event& out, std::string* error = nullptr);

/// Several events as newline-terminated lines.
std::string encodeJsonLines(std::span<const Event> events);
/// Decodes lines, appending to out; blank lines are skipped and the last needs no newline. Stops
/// at the first bad line (false; *error says which line, numbering the text's first line
/// `firstLine`, and why). A long text is decoded in two halves at once.
bool decodeJsonLines(std::string_view text, std::vector<Event>& out, std::string* error = nullptr,
                     std::size_t firstLine = 1);

}  // namespace distlab::engine
