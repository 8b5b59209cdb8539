#include "telemetry/events.h"

#include <csignal>
#include <type_traits>

#include "telemetry/event_fields.h"

namespace distlab::engine {
namespace {

template <class E>
const char* orUnknown(E value) {
  const char* name = event_fields::nameOrNull(value);
  return name ? name : "unknown";
}

}  // namespace

const char* eventName(std::size_t index) {
  return index < event_fields::kEventNames.size() ? event_fields::kEventNames[index] : "unknown";
}
const char* enumName(SpanKind v) { return orUnknown(v); }
const char* enumName(Direction v) { return orUnknown(v); }
const char* enumName(MessageType v) { return orUnknown(v); }
const char* enumName(TrafficKind v) { return orUnknown(v); }
const char* enumName(WorkerStatus v) { return orUnknown(v); }
const char* enumName(WorkerReason v) { return orUnknown(v); }
const char* enumName(RefusalReason v) { return orUnknown(v); }
const char* enumName(ControlCommand v) { return orUnknown(v); }
const char* enumName(NoticeKind v) { return orUnknown(v); }
const char* enumName(EndReason v) { return orUnknown(v); }
const char* enumName(ModelSplit v) { return orUnknown(v); }
const char* enumName(ClientOutcome v) { return orUnknown(v); }
const char* enumName(SecureRound v) { return orUnknown(v); }
const char* enumName(UntrainedCause v) { return orUnknown(v); }
const char* enumName(PushFate v) { return orUnknown(v); }

std::string endReasonText(const RunEnded& e) {
  const std::string worker = "worker " + std::to_string(e.worker);
  switch (e.reason) {
    case EndReason::Completed:
      return "every worker finished";
    case EndReason::AllWorkersDied:
      return "every worker died";
    case EndReason::Stopped:
      return "stopped by a monitor";
    case EndReason::Interrupted:
      return std::string("interrupted by ") + (e.code == SIGINT ? "SIGINT" : "SIGTERM") +
             "; every worker was stopped";
    case EndReason::JoinTimeout:
      return "not every worker joined within " + std::to_string(e.code) + " s";
    case EndReason::WorkerExitedBeforeJoining:
      return worker +
             (e.code >= 0 ? " exited with status " + std::to_string(e.code)
                          : " was killed by signal " + std::to_string(-e.code)) +
             " before joining the run";
    case EndReason::SecureAggregationDropout:
      return "secure aggregation: " + worker +
             (e.code == 0 ? " left before the mask keys were shared, so its masks cannot be "
                            "removed"
                          : " left, and fewer than the " + std::to_string(e.code) +
                                " workers needed to rebuild its mask key are still in");
    case EndReason::Failed:
      return e.message;
    case EndReason::KeyHolderLost:
      return "homomorphic aggregation: " + worker +
             ", the Paillier key holder, left; no round's sum can be decrypted without it";
    case EndReason::RingWorkerLost:
      return e.message.empty() ? "worker " + std::to_string(e.worker) + " of the ring was lost"
                               : e.message;
    case EndReason::StageLost:
      return e.message.empty() ? "pipeline stage " + std::to_string(e.worker) + " was lost"
                               : e.message;
  }
  return "unknown";
}

TrafficKind trafficKindOf(MessageType type) {
  switch (type) {
    case MessageType::Params:
      return TrafficKind::Parameters;
    case MessageType::Push:
    case MessageType::Ring:  // gradient chunks on their way round the ring
      return TrafficKind::Updates;
    case MessageType::Activations:
    case MessageType::Errors:
      return TrafficKind::IntermediateResults;
    default:
      return TrafficKind::Control;
  }
}

const ResultColumn* ResultTable::column(std::string_view columnName) const {
  for (const auto& c : columns) {
    if (c.name == columnName) return &c;
  }
  return nullptr;
}

const ResultTable* LessonResult::table(std::string_view tableName) const {
  for (const auto& t : tables) {
    if (t.name == tableName) return &t;
  }
  return nullptr;
}

std::int64_t eventTime(const Event& event) {
  return std::visit(
      [](const auto& e) -> std::int64_t {
        if constexpr (std::is_same_v<std::decay_t<decltype(e)>, Span>) {
          return e.startNs;
        } else {
          return e.timeNs;
        }
      },
      event);
}

void shiftTime(Event& event, std::int64_t offsetNs) {
  std::visit(
      [offsetNs](auto& e) {
        if constexpr (std::is_same_v<std::decay_t<decltype(e)>, Span>) {
          e.startNs += offsetNs;
          e.endNs += offsetNs;
        } else {
          e.timeNs += offsetNs;
        }
      },
      event);
}

}  // namespace distlab::engine
