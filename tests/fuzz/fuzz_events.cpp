// Both event decoders on any bytes: the binary records of a TELEMETRY frame and the JSON lines
// of events.jsonl. What decodes is encoded again and decodes to as many records.
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "telemetry/event_codec.h"
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
  return 0;
}
