#pragma once
#include <functional>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "telemetry/events.h"

namespace distlab::engine {

// The compact binary form of event records, for the live stream (TELEMETRY frames between the
// workers, the coordinator, its monitors and the window). A record is its kind (one byte: the
// index in Event plus one), its payload's length (4 bytes, little-endian) and the payload: the
// fields in their declared order, fixed-width little-endian numbers, enums as one byte, strings
// and lists as a 4-byte count and their items. A reader skips kinds it does not know, so a newer
// engine can add records; every count is checked against the bytes left before anything is
// allocated.

/// Appends one record to `out`.
void appendRecord(std::vector<std::uint8_t>& out, const Event& event);
/// The records of several events back to back.
std::vector<std::uint8_t> encodeRecords(std::span<const Event> events);

struct RecordDecodeResult {
  bool ok = true;
  std::size_t records = 0;  ///< decoded into out
  std::size_t unknown = 0;  ///< skipped: kinds this build does not know
  std::string error;        ///< why not ok: which record (from 1) and what is wrong
};
/// Decodes records, appending to out; stops at the first malformed one (records before it stay
/// in out). Never throws.
RecordDecodeResult decodeRecords(std::span<const std::uint8_t> bytes, std::vector<Event>& out);

/// Each whole record in `bytes` as (its Event alternative's index, its bytes, header included),
/// without decoding it; stops at a record cut short.
void forEachRecord(std::span<const std::uint8_t> bytes,
                   const std::function<void(std::size_t index, std::span<const std::uint8_t>)>& f);

/// A TELEMETRY message holding these records, stamped with kEventsVersion.
Telemetry telemetryOf(std::vector<std::uint8_t> records);
/// Decodes a TELEMETRY message's records; refuses another events version.
RecordDecodeResult decodeTelemetry(const Telemetry& message, std::vector<Event>& out);

}  // namespace distlab::engine
