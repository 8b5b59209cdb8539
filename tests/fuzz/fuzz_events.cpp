// Both event decoders on any bytes: the binary records of a TELEMETRY frame and the JSON lines
// of events.jsonl. What decodes is encoded again and decodes to as many records; a line the
// fast path for flat records reads, the full JSON reader reads to the same record.
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "telemetry/event_codec.h"
#include "telemetry/flat_json_line.h"
#include "telemetry/json_lines.h"

using namespace distlab::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<Event> records;
  const auto result = decodeRecords({data, size}, records);
  fuzz::require(result.records == records.size(), "the count is what was decoded");
  if (!records.empty()) {
    std::vector<Event> back;
    fuzz::require(decodeRecords(encodeRecords(records), back).ok, "records encode and decode");
    fuzz::require(back.size() == records.size(), "as many records come back");
  }
  std::vector<Event> lines;
  if (decodeJsonLines(std::string_view(reinterpret_cast<const char*>(data), size), lines) &&
      !lines.empty()) {
    std::vector<Event> back;
    fuzz::require(decodeJsonLines(encodeJsonLines(lines), back), "lines encode and decode");
    fuzz::require(back.size() == lines.size(), "as many lines come back");
  }
  // The input's first line, through the fast path and through the full reader.
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string_view line = text.substr(0, text.find('\n'));
  Event fast, full;
  if (fromFlatJsonLine(line, fast)) {
    fuzz::require(fromJsonLineFull(line, full), "what the fast path reads, the full reader reads");
    fuzz::require(toJsonLine(fast) == toJsonLine(full), "the two readers read the same record");
  }
  return 0;
}
