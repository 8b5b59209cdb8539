#pragma once
// The fields of every event record, each declared once, in the order they are written: the
// binary codec (event_codec.cpp), the JSON lines (json_lines.cpp) and docs/events.md follow this
// list. Only the codecs include this header.
#include <array>
#include <concepts>
#include <type_traits>

#include "telemetry/events.h"

namespace distlab::engine::event_fields {

template <class S, class T>
concept Is = std::same_as<std::remove_const_t<S>, T>;

// f(name, member) for every field of a record (S may be const).
template <class S, class F>
requires Is<S, Span>
void visit(S& e, F&& f) {
  f("lane", e.lane);
  f("kind", e.kind);
  f("t0", e.startNs);
  f("t1", e.endNs);
  f("step", e.step);
  f("bytes", e.bytes);
}
template <class S, class F>
requires Is<S, Traffic>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("w", e.worker);
  f("dir", e.direction);
  f("type", e.message);
  f("kind", e.kind);
  f("bytes", e.wireBytes);
  f("raw_bytes", e.rawBytes);
}
template <class S, class F>
requires Is<S, StepLoss>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("w", e.worker);
  f("step", e.step);
  f("loss", e.loss);
}
template <class S, class F>
requires Is<S, Staleness>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("w", e.worker);
  f("version", e.version);
  f("staleness", e.staleness);
  f("clock_gap", e.clockGap);
}
template <class S, class F>
requires Is<S, PartitionShare>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("w", e.worker);
  f("epoch", e.epoch);
  f("size", e.size);
  f("distinct", e.distinct);
  f("unseen", e.unseenFraction);
  f("labels", e.labelCounts);
}
template <class S, class F>
requires Is<S, SplitSummary>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("epoch", e.epoch);
  f("unused", e.unusedFraction);
}
template <class S, class F>
requires Is<S, Evaluation>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("update", e.update);
  f("epoch", e.epoch);
  f("elapsed_s", e.elapsedSeconds);
  f("samples", e.samples);
  f("samples_per_s", e.samplesPerSecond);
  f("train_loss", e.trainLoss);
  f("test_loss", e.testLoss);
  f("test_accuracy", e.testAccuracy);
  f("class_accuracy", e.classAccuracy);
  f("alive", e.aliveWorkers);
  f("bytes_to_server", e.bytesToServer);
  f("bytes_to_workers", e.bytesToWorkers);
  f("backdoor_success", e.backdoorSuccess);
  f("epsilon", e.epsilon);
  f("delta", e.delta);
}
template <class S, class F>
requires Is<S, DataLoaded>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("dataset", e.dataset);
  f("train", e.trainExamples);
  f("test", e.testExamples);
  f("features", e.features);
  f("classes", e.classes);
}
template <class S, class F>
requires Is<S, RunStarted>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("experiment", e.experiment);
  f("workers", e.workers);
  f("port", e.port);
  f("parameters", e.parameters);
  f("spec_hash", e.specHash);
  f("sync", e.sync);
  f("partition", e.partition);
  f("staleness_bound", e.stalenessBound);
  f("rounds", e.rounds);
  f("attackers", e.attackers);
}
template <class S, class F>
requires Is<S, WorkerState>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("w", e.worker);
  f("status", e.status);
  f("reason", e.reason);
  f("pid", e.pid);
  f("clock", e.clock);
  f("value", e.value);
  f("code", e.code);
}
template <class S, class F>
requires Is<S, ConnectionRefused>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("w", e.worker);
  f("reason", e.reason);
  f("from", e.from);
  f("limit", e.limit);
}
template <class S, class F>
requires Is<S, RunControlled>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("command", e.command);
}
template <class S, class F>
requires Is<S, KeysExchanged>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("keys", e.keys);
}
template <class S, class F>
requires Is<S, RoundsLost>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("rounds", e.rounds);
}
template <class S, class F>
requires Is<S, PushCaptured>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("w", e.worker);
  f("step", e.step);
  f("folder", e.folder);
}
template <class S, class F>
requires Is<S, Notice>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("kind", e.kind);
  f("w", e.worker);
  f("count", e.count);
  f("detail", e.detail);
}
template <class S, class F>
requires Is<S, LessonStage>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("lesson", e.lesson);
  f("stage", e.stage);
  f("stages", e.stages);
  f("settings", e.settings);
  f("workers", e.workers);
}
template <class S, class F>
requires Is<S, StageSetting>
void visit(S& e, F&& f) {
  f("field", e.field);
  f("value", e.value);
}
template <class S, class F>
requires Is<S, Image>
void visit(S& e, F&& f) {
  f("width", e.width);
  f("height", e.height);
  f("channels", e.channels);
  f("pixels", e.pixels);
}
template <class S, class F>
requires Is<S, AttackProgress>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("iteration", e.iteration);
  f("objective", e.objective);
  f("psnr", e.psnr);
  f("image", e.image);
}
template <class S, class F>
requires Is<S, ResultColumn>
void visit(S& e, F&& f) {
  f("name", e.name);
  f("numbers", e.numbers);
  f("texts", e.texts);
}
template <class S, class F>
requires Is<S, ResultTable>
void visit(S& e, F&& f) {
  f("name", e.name);
  f("columns", e.columns);
}
template <class S, class F>
requires Is<S, ResultCurve>
void visit(S& e, F&& f) {
  f("name", e.name);
  f("x_name", e.xName);
  f("y_name", e.yName);
  f("x", e.x);
  f("y", e.y);
}
template <class S, class F>
requires Is<S, ResultImage>
void visit(S& e, F&& f) {
  f("name", e.name);
  f("image", e.image);
}
template <class S, class F>
requires Is<S, LessonResult>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("lesson", e.lesson);
  f("tables", e.tables);
  f("curves", e.curves);
  f("images", e.images);
}
template <class S, class F>
requires Is<S, RunEnded>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("reason", e.reason);
  f("exit_code", e.exitCode);
  f("w", e.worker);
  f("code", e.code);
  f("message", e.message);
  f("field", e.field);
  f("problem", e.problem);
  f("args", e.args);
}
template <class S, class F>
requires Is<S, LayoutBlock>
void visit(S& e, F&& f) {
  f("layer", e.layer);
  f("width", e.width);
  f("first", e.first);
  f("neurons", e.neurons);
  f("owner", e.owner);
}
template <class S, class F>
requires Is<S, ModelLayout>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("split", e.split);
  f("round", e.round);
  f("blocks", e.blocks);
}
template <class S, class F>
requires Is<S, FederatedRound>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("round", e.round);
  f("attempt", e.attempt);
  f("available", e.available);
  f("offline", e.offline);
  f("sampled", e.sampled);
  f("hosts", e.hosts);
  f("outcomes", e.outcomes);
  f("cosines", e.cosines);
  f("carried", e.carried);
  f("applied", e.applied);
  f("samples", e.samples);
  f("mean_norm", e.meanNorm);
  f("norm_spread", e.normSpread);
  f("mean_cosine", e.meanCosine);
  f("secure", e.secure);
  f("secure_threshold", e.secureThreshold);
  f("recovered", e.recovered);
  f("epsilon", e.epsilon);
  f("delta", e.delta);
}
template <class S, class F>
requires Is<S, ClientShares>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("classes", e.classes);
  f("counts", e.counts);
  f("slowdowns", e.slowdowns);
}

template <class S, class F>
requires Is<S, ShareUntrained>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("w", e.worker);
  f("cause", e.cause);
  f("steps", e.steps);
  f("total_steps", e.totalSteps);
  f("examples", e.examples);
}
template <class S, class F>
requires Is<S, PushVerdicts>
void visit(S& e, F&& f) {
  f("t", e.timeNs);
  f("update", e.update);
  f("workers", e.workers);
  f("fates", e.fates);
  f("norms", e.norms);
  f("cosines", e.cosines);
  f("scores", e.scores);
}

/// The names of each enum's values as events.jsonl writes them, by value (nullptr: no value).
template <class E>
struct EnumNames;
template <>
struct EnumNames<SpanKind> {
  static constexpr std::array<const char*, 11> names = {
      "compute",  "push",     "pull", "wait",    "aggregate", "evaluate",
      "forward",  "backward", "send", "receive", "idle"};
};
template <>
struct EnumNames<Direction> {
  static constexpr std::array<const char*, 2> names = {"to_server", "to_worker"};
};
template <>
struct EnumNames<MessageType> {
  static constexpr std::array<const char*, 26> names = {
      nullptr,     "hello",       "challenge", "auth",    "welcome",   "pull",
      "params",    "push",        "clock",     "barrier", "telemetry", "control",
      "shutdown",  "heartbeat",   "keys",      "activations", "errors", "route",
      "mask",      "shared",      "key_shares", "reveal", "paillier_key", "encrypted",
      "decrypted", "ring"};
};
template <>
struct EnumNames<TrafficKind> {
  static constexpr std::array<const char*, 4> names = {"parameters", "updates",
                                                       "intermediate_results", "control"};
};
template <>
struct EnumNames<WorkerStatus> {
  static constexpr std::array<const char*, 6> names = {"joined", "rejoined", "finished",
                                                       "died",   "slowed",   "restored"};
};
template <>
struct EnumNames<WorkerReason> {
  static constexpr std::array<const char*, 14> names = {
      "none",          "launched",          "started_by_hand", "connection_closed",
      "killed",        "heartbeat_timeout", "bad_frame",       "protocol_error",
      "bad_telemetry", "bad_push",          "network_error",   "from_monitor",
      "restart_policy", "restart_from_monitor"};
};
template <>
struct EnumNames<RefusalReason> {
  static constexpr std::array<const char*, 10> names = {
      "wrong_token",    "handshake_violation", "handshake_timeout", "rank_out_of_range",
      "rank_connected", "rank_finished",       "too_many_monitors", "dropped_before_auth",
      "rank_dropped_out", "too_many_strangers"};
};
template <>
struct EnumNames<ControlCommand> {
  static constexpr std::array<const char*, 10> names = {
      nullptr, "kill", "slow", "restore", "pause", "resume", "step", "stop", "restart", "capture"};
};
template <>
struct EnumNames<NoticeKind> {
  static constexpr std::array<const char*, 7> names = {
      "capture_failed",      "capture_not_gradient",    "values_clamped",   "mask_key_rebuilt",
      "paillier_key_shared", "resumed_from_checkpoint", "checkpoint_failed"};
};
template <>
struct EnumNames<EndReason> {
  static constexpr std::array<const char*, 11> names = {"completed",
                                                        "all_workers_died",
                                                        "stopped",
                                                        "interrupted",
                                                        "join_timeout",
                                                        "worker_exited_before_joining",
                                                        "secure_aggregation_dropout",
                                                        "failed",
                                                        "stage_lost",
                                                        "key_holder_lost",
                                                        "ring_worker_lost"};
};
template <>
struct EnumNames<ModelSplit> {
  static constexpr std::array<const char*, 3> names = {"pipeline", "tensor", "skeleton"};
};
template <>
struct EnumNames<ClientOutcome> {
  static constexpr std::array<const char*, 5> names = {"trained", "late_dropped", "late_carried",
                                                       "dropped_out", "lost"};
};

template <>
struct EnumNames<SecureRound> {
  static constexpr std::array<const char*, 4> names = {"off", "unmasked", "too_few_survivors",
                                                       "decrypted"};
};

template <>
struct EnumNames<UntrainedCause> {
  static constexpr std::array<const char*, 2> names = {"not_restarted", "missed_while_down"};
};

template <>
struct EnumNames<PushFate> {
  static constexpr std::array<const char*, 3> names = {"kept", "clipped", "excluded"};
};

/// The name of an enum value, or nullptr for a value outside the enum.
template <class E>
const char* nameOrNull(E value) {
  const auto i = static_cast<std::size_t>(value);
  const auto& names = EnumNames<E>::names;
  return i < names.size() ? names[i] : nullptr;
}

/// Every enum the records use: 8 bits, with names.
template <class T>
concept EventEnum = std::is_enum_v<T> && sizeof(T) == 1 && requires {
  EnumNames<T>::names;
};

/// The records' names in events.jsonl, in the order of Event's alternatives.
inline constexpr std::array<const char*, std::variant_size_v<Event>> kEventNames = {
    "span",    "traffic",      "step_loss",       "staleness",     "partition",
    "split",   "evaluation",   "data_loaded",     "run_started",   "worker",
    "refused", "control",      "keys_exchanged",  "rounds_lost",   "captured",
    "notice",  "lesson_stage", "attack_progress", "lesson_result", "run_ended",
    "model_layout", "federated_round", "client_shares", "push_verdicts", "share_untrained"};

/// A record or nested value with fields of its own.
template <class T>
concept Record = requires(T& t) {
  visit(t, [](const char*, auto&) {});
};

}  // namespace distlab::engine::event_fields
