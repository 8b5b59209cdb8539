#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "comm/messages.h"
#include "data/partition.h"

namespace distlab::engine {

// Telemetry is plain values stamped with a monotonic clock in nanoseconds (DESIGN.md,
// "Boundaries"): the coordinator, the workers and the GUI exchange them as JSON lines, so a run's
// events.jsonl can be read by the GUI, by a script, or by a person.

/// Lane of the server on the timeline (workers use their rank 0..N-1).
inline constexpr int kServerLane = -1;

/// What a bar on the timeline shows a lane doing.
enum class SpanKind : std::uint8_t { Compute, Push, Pull, Wait, Aggregate, Evaluate };

/// One bar on the timeline: a lane busy with `kind` from startNs to endNs during `step`.
struct Span {
  int lane = kServerLane;
  SpanKind kind = SpanKind::Compute;
  std::int64_t startNs = 0;
  std::int64_t endNs = 0;
  std::uint64_t step = 0;
  std::uint64_t bytes = 0;  ///< bytes moved, for Push/Pull (0 otherwise)
};

enum class Direction : std::uint8_t { ToServer, ToWorker };

/// One frame on the wire, for the traffic chart (who sends how much of what, and when).
struct TrafficRecord {
  std::int64_t timeNs = 0;
  int worker = 0;
  Direction direction = Direction::ToServer;
  MessageType type = MessageType::Push;
  std::uint64_t bytes = 0;
};

/// One point of a curve, e.g. "train_loss" per worker, "test_loss", "test_accuracy",
/// "samples_per_s" (worker kServerLane for values of the whole run).
struct Metric {
  std::int64_t timeNs = 0;
  std::string name{};
  int worker = kServerLane;
  std::uint64_t step = 0;
  double value = 0.0;  ///< may be NaN or infinite (a diverging loss is something to show)
};

/// One update applied by the server: how stale it was, for the staleness histogram.
struct StalenessRecord {
  std::int64_t timeNs = 0;
  int worker = 0;
  std::uint64_t version = 0;    ///< server version after applying
  std::uint64_t staleness = 0;  ///< versions between the params it was computed on and `version`
  std::uint64_t clockGap = 0;   ///< SSP: worker clock minus slowest clock when it started the step
};

/// What one worker trains on in one epoch (the data-partitioning panel).
struct PartitionRecord {
  std::int64_t timeNs = 0;
  int worker = 0;
  int epoch = 0;
  PartitionStats stats{};
};

/// Things that happen to a run or a worker, for the event list and the timeline's markers.
enum class LifecycleKind : std::uint8_t {
  RunStarted,
  Joined,
  Died,
  Rejoined,
  AuthFailed,
  Finished,
  Slowed,
  Restored,
  Paused,
  Resumed,
  Stepped,
  RunFinished,
  Rejected,
  Captured,  ///< the server kept a worker's push; detail: its folder, relative to the run's
  KeysExchanged,  ///< secure aggregation: every worker has every public key
  RoundLost,      ///< secure aggregation: a round lacked a worker and could not be unmasked
};

struct Lifecycle {
  std::int64_t timeNs = 0;
  int worker = kServerLane;
  LifecycleKind kind = LifecycleKind::Joined;
  std::string detail{};  ///< free text for people, e.g. the reason a peer was rejected
};

using Event =
    std::variant<Span, TrafficRecord, Metric, StalenessRecord, PartitionRecord, Lifecycle>;

/// "compute", "push", "pull", "wait", "aggregate", "evaluate" ("unknown" for other values).
const char* spanKindName(SpanKind kind);
/// "to_server", "to_worker" ("unknown" for other values).
const char* directionName(Direction direction);
/// "hello", "push", "params", ... in lower case ("unknown" for other values).
const char* messageTypeName(MessageType type);
/// "run_started", "joined", "died", ... in snake_case ("unknown" for other values).
const char* lifecycleName(LifecycleKind kind);

/// When the event happened (a span's start).
std::int64_t eventTime(const Event& event);
/// Shifts every timestamp by offsetNs (a worker's clock onto the coordinator's).
void shiftTime(Event& event, std::int64_t offsetNs);

/// One JSON object, no newline: field "e" names the type ("span", "traffic", "metric",
/// "staleness", "partition", "lifecycle") and comes first; enums are written by name, doubles
/// with full precision (non-finite ones as the strings "nan", "inf", "-inf", which JSON lacks).
/// Bytes of text that are not UTF-8 become U+FFFD.
std::string toJsonLine(const Event& event);
/// Parses one line; on failure returns false and sets *error to a sentence naming the problem
/// (bad JSON, unknown "e", missing or wrong-typed field). Every field is required; keys it does
/// not know are ignored, so newer writers can add fields. Never throws.
bool fromJsonLine(std::string_view line, Event& out, std::string* error = nullptr);

/// Several events as newline-terminated JSON lines (the payload of a TELEMETRY frame and the
/// format of events.jsonl).
std::string encodeBatch(std::span<const Event> events);
/// Decodes a batch, appending to out; blank lines are skipped and the last line needs no newline.
/// Stops at the first bad line (returns false, *error says which line, counted from 1, and why);
/// events decoded before stay in out. Never throws.
bool decodeBatch(std::string_view text, std::vector<Event>& out, std::string* error = nullptr);

}  // namespace distlab::engine
