#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "aggregate/robust/push_fate.h"
#include "comm/messages.h"
#include "telemetry/lesson_result.h"

namespace distlab::engine {

// The typed event contract between the engine and whoever watches a run (docs/events.md): every
// message is one of these records, made of numbers, enums, identifiers and images, never of
// sentences to be parsed back. Each record's fields are declared once (telemetry/event_fields.h);
// the binary stream (telemetry/event_codec.h) and the JSON lines of events.jsonl
// (telemetry/json_lines.h) are both written and read from that declaration. Times are
// nanoseconds of the coordinator's monotonic clock.

/// The version of this contract, carried in the flags of every TELEMETRY frame. 2: typed records
/// (1 was JSON lines with free-text details); 3: the pipeline's span kinds, EndReason StageLost;
/// 4: model_layout, federated_round; 5: federated_round's outcomes, attempts and client drift,
/// client_shares; 6: the message type Shared; 7: push_verdicts, run_started's attackers,
/// evaluation's backdoor_success; ... (docs/events.md lists every version); 13: lesson_stage's
/// typed settings (was a label).
inline constexpr std::uint16_t kEventsVersion = 13;

/// Lane of the server on the timeline (workers use their rank 0..N-1).
inline constexpr int kServerLane = -1;

/// What a bar on the timeline shows a lane doing.
/// Forward .. Idle: a model-parallel stage (forward or backward pass of a micro-batch, sending or
/// receiving intermediate results, idle in the pipeline's bubble).
enum class SpanKind : std::uint8_t {
  Compute,
  Push,
  Pull,
  Wait,
  Aggregate,
  Evaluate,
  Forward,
  Backward,
  Send,
  Receive,
  Idle,
};

/// One bar on the timeline: a lane busy with `kind` from startNs to endNs during `step`.
struct Span {
  int lane = kServerLane;
  SpanKind kind = SpanKind::Compute;
  std::int64_t startNs = 0;
  std::int64_t endNs = 0;
  std::uint64_t step = 0;
  /// Push/Pull/Send/Receive: bytes moved; Forward: the activation bytes a pipeline stage holds
  /// once it is done (its micro-batches in flight); Backward: those it held before adding its
  /// kept weight gradients (0 when it added none); 0 otherwise.
  std::uint64_t bytes = 0;
};

enum class Direction : std::uint8_t { ToServer, ToWorker };

/// What a frame carries, in the lecture's terms.
enum class TrafficKind : std::uint8_t {
  Parameters,           ///< the model (PARAMS)
  Updates,              ///< gradients or models pushed (PUSH)
  IntermediateResults,  ///< activations and their errors (model parallelism)
  Control,              ///< everything else: handshake, clocks, heartbeats, telemetry, control
};

/// One frame measured on a worker's link.
struct Traffic {
  std::int64_t timeNs = 0;
  int worker = 0;
  Direction direction = Direction::ToServer;
  MessageType message = MessageType::Push;
  TrafficKind kind = TrafficKind::Updates;
  std::uint64_t wireBytes = 0;  ///< bytes on the wire, frame header included
  std::uint64_t rawBytes = 0;   ///< the same before any encoding (equal when none)
};

/// A worker's training loss on one step's batch.
struct StepLoss {
  std::int64_t timeNs = 0;
  int worker = 0;
  std::uint64_t step = 0;
  double loss = 0.0;  ///< may be NaN or infinite (a diverging loss is something to show)
};

/// One update applied by the server: how stale it was, for the staleness histogram.
struct Staleness {
  std::int64_t timeNs = 0;
  int worker = 0;
  std::uint64_t version = 0;    ///< server version after applying
  std::uint64_t staleness = 0;  ///< versions between the params it was computed on and `version`
  std::uint64_t clockGap = 0;   ///< SSP: worker clock minus slowest clock when it started the step
};

/// What one worker trains on in one split (the data-partitioning view).
struct PartitionShare {
  std::int64_t timeNs = 0;
  int worker = 0;
  int epoch = 0;                           ///< the first epoch of the split
  std::uint64_t size = 0;                  ///< rows, repeats counted
  std::uint64_t distinct = 0;              ///< distinct rows
  double unseenFraction = 0.0;             ///< share of the training set this worker never sees
  std::vector<std::uint64_t> labelCounts;  ///< per class, repeats counted
};

/// One split as a whole: the share of the training set no worker gets (about 1/e when every
/// worker samples with replacement).
struct SplitSummary {
  std::int64_t timeNs = 0;
  int epoch = 0;
  double unusedFraction = 0.0;
};

/// One test evaluation of the global model, all its numbers in one record.
struct Evaluation {
  std::int64_t timeNs = 0;
  std::uint64_t update = 0;  ///< the server version evaluated
  double epoch = 0.0;        ///< examples applied / training set size
  double elapsedSeconds = 0.0;
  std::uint64_t samples = 0;  ///< examples behind the applied updates so far
  double samplesPerSecond = 0.0;
  double trainLoss = 0.0;  ///< mean of the workers' step losses since the last evaluation
  double testLoss = 0.0;
  double testAccuracy = 0.0;
  std::vector<double> classAccuracy{};  ///< per class (empty for a regression)
  int aliveWorkers = 0;
  std::uint64_t bytesToServer = 0, bytesToWorkers = 0;
  /// A backdoor attack (lesson 8): the share of stamped test images of other classes taken for
  /// the target class; -1 without a backdoor.
  double backdoorSuccess = -1.0;
  /// privacy.dp on a cluster: the privacy any one worker's data has spent by this update, at
  /// `delta` (0: no DP).
  double epsilon = 0.0;
  double delta = 0.0;
};

/// The data set is in memory.
struct DataLoaded {
  std::int64_t timeNs = 0;
  std::string dataset;  ///< dataset.name
  std::uint64_t trainExamples = 0, testExamples = 0;
  int features = 0, classes = 0;
};

/// The run began: for a cluster, the coordinator listens on `port` (0 for experiments that run
/// in one process).
struct RunStarted {
  std::int64_t timeNs = 0;
  std::string experiment;  ///< the spec's experiment
  int workers = 0;
  int port = 0;
  std::uint64_t parameters = 0;
  std::uint64_t specHash = 0;   ///< FNV-1a of the spec as written in spec.json
  std::string sync, partition;  ///< strategy names
  /// Steps the fastest worker may run ahead of the slowest under an asynchronous rule with a
  /// bound (SSP); -1 when there is none to show (a barrier every step, or no bound at all).
  int stalenessBound = -1;
  /// > 0: the run's progress is counted in rounds, this many (a federated run); 0: in epochs.
  int rounds = 0;
  /// The malicious workers' ranks (security.attackers, when an attack is on): the truth the
  /// detection dashboard's flags are scored against.
  std::vector<int> attackers{};
};

enum class WorkerStatus : std::uint8_t { Joined, Rejoined, Finished, Died, Slowed, Restored };

/// Why a worker's status changed.
enum class WorkerReason : std::uint8_t {
  None,
  Launched,            ///< started by the coordinator (pid)
  StartedByHand,       ///< `distlab-engine worker` started by someone
  ConnectionClosed,    ///< its connection ended (the process exited or was killed)
  Killed,              ///< killed from a monitor
  HeartbeatTimeout,    ///< silent for `value` ms
  BadFrame,            ///< sent bytes that are not a frame (code: the DecodeError)
  ProtocolError,       ///< sent a message it may not send
  BadTelemetry,        ///< sent telemetry that does not decode
  BadPush,             ///< pushed the wrong size or kind of update
  NetworkError,        ///< the socket failed (code: the system's error number)
  FromMonitor,         ///< slowed or restored from a monitor (value: the factor)
  RestartPolicy,       ///< Rejoined: started again by cluster.restarts (value: its restart number)
  RestartFromMonitor,  ///< Rejoined: started again from a monitor
};

/// A worker joined, finished, died, was slowed down or restored.
struct WorkerState {
  std::int64_t timeNs = 0;
  int worker = 0;
  WorkerStatus status = WorkerStatus::Joined;
  WorkerReason reason = WorkerReason::None;
  int pid = 0;              ///< the process the coordinator started (0: none)
  std::uint64_t clock = 0;  ///< Rejoined: the step it starts at
  double value = 0.0;       ///< Slowed: the factor; HeartbeatTimeout: the milliseconds
  int code = 0;             ///< BadFrame: the DecodeError; NetworkError: errno
};

enum class RefusalReason : std::uint8_t {
  WrongToken,          ///< the answer to the challenge was wrong
  HandshakeViolation,  ///< not HELLO then AUTH
  HandshakeTimeout,    ///< no authentication within `limit` ms
  RankOutOfRange,      ///< rank past the run's `limit` workers
  RankConnected,       ///< that rank is already connected
  RankFinished,        ///< that rank has already finished
  TooManyMonitors,     ///< more than `limit` monitors
  DroppedBeforeAuth,   ///< the connection ended before it authenticated
  RankDroppedOut,      ///< secure aggregation: that rank's mask key was rebuilt, it cannot return
  TooManyStrangers,    ///< more than `limit` connections waited to authenticate: an idle one
                       ///< (no HELLO) was dropped to keep the join open
};

/// A connection was refused or dropped before it authenticated.
struct ConnectionRefused {
  std::int64_t timeNs = 0;
  int worker = kServerLane;  ///< the rank it claimed (kServerLane: none)
  RefusalReason reason = RefusalReason::WrongToken;
  std::string from;         ///< the peer's address
  std::uint32_t limit = 0;  ///< see the reason
};

/// A monitor paused, resumed or stepped the cluster (command: Pause, Resume or Step).
struct RunControlled {
  std::int64_t timeNs = 0;
  ControlCommand command = ControlCommand::Pause;
};

/// Secure aggregation: every worker has every public key.
struct KeysExchanged {
  std::int64_t timeNs = 0;
  int keys = 0;
};

/// Secure aggregation: rounds that lacked a worker and could not be unmasked, so far.
struct RoundsLost {
  std::int64_t timeNs = 0;
  std::uint64_t rounds = 0;
};

/// The server kept a worker's push (the honest-but-curious server) in `folder`, relative to the
/// run folder.
struct PushCaptured {
  std::int64_t timeNs = 0;
  int worker = 0;
  std::uint64_t step = 0;
  std::string folder;
};

enum class NoticeKind : std::uint8_t {
  CaptureFailed,          ///< a capture could not be written (detail: the path)
  CaptureNotGradient,     ///< local SGD pushes models: nothing to capture
  ValuesClamped,          ///< secure aggregation: `count` values clamped to the fixed-point range
  MaskKeyRebuilt,         ///< secure aggregation: dropped `worker`'s mask key rebuilt from `count`
                          ///< survivors' shares; its masks are removed from the rounds it misses
  PaillierKeyShared,      ///< homomorphic aggregation: key holder `worker`'s public key of `count`
                          ///< bits went to every worker
  ResumedFromCheckpoint,  ///< run --resume: the run continues from update `count` (detail: file)
  CheckpointFailed,       ///< the checkpoint at update `count` was not written (detail: why)
};

/// Something worth a line in the log that changes nothing in the run.
struct Notice {
  std::int64_t timeNs = 0;
  NoticeKind kind = NoticeKind::CaptureFailed;
  int worker = kServerLane;
  std::uint64_t count = 0;
  std::string detail;  ///< a path, when the kind names one
};

/// One setting a part of a lesson runs with, as ids and numbers the window names in its own
/// language. `field` is a spec field's path ("security.attack") and `value` its value as the
/// spec writes it ("krum", "0.01", "true"), or one of the lessons' own settings:
/// "protection" (the federated privacy comparison's none | dp-local | dp-central | secagg |
/// secagg-dp-central | paillier) or "start" (the convexity study's common | different); or ""
/// with the lecture's name of a method ("MA-DNN"), the same in every language.
struct StageSetting {
  std::string field;
  std::string value;
};

/// A lesson made of several runs moves to the next one (lesson 5's four methods, the privacy
/// lesson's defended clusters).
struct LessonStage {
  std::int64_t timeNs = 0;
  std::string lesson;  ///< the experiment
  int stage = 0;       ///< from 0
  int stages = 0;
  std::vector<StageSetting> settings;  ///< what this part runs with
  int workers = 0;  ///< the part's workers or clients; 0 for processes that are not workers
};

/// The gradient-inversion attack's progress: the images so far.
struct AttackProgress {
  std::int64_t timeNs = 0;
  int iteration = 0;
  double objective = 0.0;  ///< the gradient distance
  double psnr = 0.0;       ///< mean over the batch, in dB
  Image image;             ///< originals over reconstructions
};

enum class EndReason : std::uint8_t {
  Completed,  ///< every worker finished (or the lesson is done)
  AllWorkersDied,
  Stopped,                    ///< stopped from a monitor
  Interrupted,                ///< SIGINT or SIGTERM (code: the signal)
  JoinTimeout,                ///< not every worker joined within `code` seconds
  WorkerExitedBeforeJoining,  ///< `worker`'s process ended (code: exit status, or -signal)
  SecureAggregationDropout,   ///< `worker` left a masked run before the mask keys were shared
                              ///< (code 0) or leaving fewer than `code` workers, the threshold
                              ///< that rebuilds its mask key
  Failed,                     ///< an error; `message` is the engine's (English) reason
  StageLost,       ///< pipeline stage `worker` died or went silent (code: exit status, or -signal;
                   ///< 0: it is alive but broke its link); the other stages were stopped
  KeyHolderLost,   ///< homomorphic aggregation: `worker`, the Paillier key holder, left; no sum
                   ///< can be decrypted without it
  RingWorkerLost,  ///< all-reduce: worker `worker` of the ring died or went silent (code as
                   ///< StageLost); the ring cannot sum without it, the others were stopped
};

/// The run is over.
struct RunEnded {
  std::int64_t timeNs = 0;
  EndReason reason = EndReason::Completed;
  int exitCode = 0;
  int worker = kServerLane;
  int code = 0;
  std::string message{};  ///< Failed only: the engine's error, in English
  /// Failed for a problem of the spec found while running: the field, the problem's code and its
  /// values (core/spec_problems.h), for the window to say in its language. Empty otherwise.
  std::string field{}, problem{};
  std::vector<std::string> args{};
};

/// How a model-parallel run splits the network: by layers, within layers, into sub-networks.
enum class ModelSplit : std::uint8_t { Pipeline, Tensor, Skeleton };

/// A block of one layer's neurons and the process that holds it.
struct LayoutBlock {
  static constexpr int kSkeleton = -1;  ///< owner: the skeleton, held by every worker
  static constexpr int kNobody = -2;    ///< owner: no worker this period
  int layer = 0;                        ///< its index among the layers with parameters
  int width = 0;                        ///< the layer's neurons
  int first = -1;   ///< the block's first neuron; -1: scattered neurons (a skeleton's)
  int neurons = 0;  ///< the block's
  int owner = 0;    ///< the process (stage, shard or worker), or kSkeleton / kNobody
};

/// Who holds which neurons of the network: at the start of a model-parallel run, and for a
/// skeleton partition at every reselection (`round`).
struct ModelLayout {
  std::int64_t timeNs = 0;
  ModelSplit split = ModelSplit::Pipeline;
  std::uint64_t round = 0;
  std::vector<LayoutBlock> blocks;
};

/// What became of a sampled federated client in a round.
enum class ClientOutcome : std::uint8_t {
  Trained,      ///< its update arrived in time and was used
  LateDropped,  ///< slower than the round's deadline: its update was thrown away
  LateCarried,  ///< slower than the deadline: its update is used in the next round
  DroppedOut,   ///< it went offline during the round: no update
  Lost,         ///< its worker process died before it answered
};

/// How a federated round's sum was protected (privacy.secure_aggregation).
enum class SecureRound : std::uint8_t {
  Off,              ///< the server saw each update
  Unmasked,         ///< it saw masked updates only and unmasked their exact sum
  TooFewSurvivors,  ///< fewer than the threshold survived: nothing was unmasked
  Decrypted,        ///< it saw ciphertexts only; the key holder decrypted their sum
};

/// A federated round (lesson 6): the clients the server sampled, the worker process hosting
/// each, what became of each, and how far their updates spread (client drift). A round with too
/// few results may be tried again (one record per attempt).
struct FederatedRound {
  std::int64_t timeNs = 0;
  std::uint64_t round = 0;
  int attempt = 0;           ///< 0, then 1, 2... when fl.too_few is retry
  int available = 0;         ///< clients online (their host alive, fl.availability) to sample
  std::vector<int> offline;  ///< clients that were not available this round
  std::vector<int> sampled;  ///< client ids
  std::vector<int> hosts;    ///< the process of each sampled client
  std::vector<ClientOutcome> outcomes;  ///< of each sampled client
  std::vector<double> cosines;  ///< of each sampled client's update to the mean update (0: none)
  std::vector<int> carried;     ///< late clients of an earlier round whose updates this one used
  bool applied = false;         ///< enough results (fl.min_results): the global model moved
  std::uint64_t samples = 0;    ///< examples behind the updates used
  double meanNorm = 0.0;        ///< client drift: mean ||w_client - w_global|| of the updates
  double normSpread = 0.0;      ///< their standard deviation
  double meanCosine = 0.0;      ///< mean cosine of an update to the sample-weighted mean update
  SecureRound secure = SecureRound::Off;
  int secureThreshold = 0;  ///< survivors needed to unmask (secure rounds)
  int recovered = 0;        ///< clients that dropped out after sharing, whose masks were removed
  double epsilon = 0.0;     ///< privacy.dp: spent after this round, at `delta` (0: no DP)
  double delta = 0.0;
};

/// How a federated run's training data are split over its clients (lesson 6's Data view): each
/// client's examples per class, and each client's slowdown.
struct ClientShares {
  std::int64_t timeNs = 0;
  int classes = 0;
  std::vector<std::uint64_t> counts;  ///< client-major: client c's class k at c * classes + k
  std::vector<double> slowdowns;      ///< per client (empty: all alike)
};

/// The server's verdict on every push of a judged round (lesson 8: security.attack or a robust
/// security.aggregator): what the rule made of it and how it looked, per worker.
struct PushVerdicts {
  std::int64_t timeNs = 0;
  std::uint64_t update = 0;  ///< the server version the round produced
  std::vector<int> workers;  ///< who pushed, in the order the pushes came
  std::vector<PushFate> fates;
  std::vector<double> norms;    ///< of each update (a model push: its change)
  std::vector<double> cosines;  ///< of each update to the round's aggregate
  std::vector<double> scores;   ///< the rule's own measure (Krum score, clip factor, trimmed share)
};

/// Why part of a worker's data share went untrained.
enum class UntrainedCause : std::uint8_t {
  NotRestarted,     ///< it died and did not come back (no restarts left, or none allowed)
  MissedWhileDown,  ///< it came back, at the barrier's later step: the steps between were skipped
};

/// At the end of a completed run, per worker and cause: the steps of its schedule never trained
/// and the examples they held, so a lost worker cannot silently shrink the run.
struct ShareUntrained {
  std::int64_t timeNs = 0;
  int worker = 0;
  UntrainedCause cause = UntrainedCause::NotRestarted;
  std::uint64_t steps = 0;       ///< of its schedule, never trained
  std::uint64_t totalSteps = 0;  ///< in its whole schedule
  std::uint64_t examples = 0;    ///< rows of those steps' batches
};

using Event = std::variant<Span, Traffic, StepLoss, Staleness, PartitionShare, SplitSummary,
                           Evaluation, DataLoaded, RunStarted, WorkerState, ConnectionRefused,
                           RunControlled, KeysExchanged, RoundsLost, PushCaptured, Notice,
                           LessonStage, AttackProgress, LessonResult, RunEnded, ModelLayout,
                           FederatedRound, ClientShares, PushVerdicts, ShareUntrained>;

/// The record's name in events.jsonl ("span", "traffic", ...) by its index in Event.
const char* eventName(std::size_t index);
/// Names of enum values as written in events.jsonl ("compute", "to_server", ...); "unknown" for
/// values outside the enum.
const char* enumName(SpanKind value);
const char* enumName(Direction value);
const char* enumName(MessageType value);
const char* enumName(TrafficKind value);
const char* enumName(WorkerStatus value);
const char* enumName(WorkerReason value);
const char* enumName(RefusalReason value);
const char* enumName(ControlCommand value);
const char* enumName(PushFate value);
const char* enumName(NoticeKind value);
const char* enumName(EndReason value);
const char* enumName(ModelSplit value);
const char* enumName(ClientOutcome value);
const char* enumName(SecureRound value);
const char* enumName(UntrainedCause value);

/// The end of a run in English, for the command line and the SHUTDOWN frames' reason.
std::string endReasonText(const RunEnded& ended);

/// What a frame of that type carries.
TrafficKind trafficKindOf(MessageType type);

/// When the event happened (a span's start).
std::int64_t eventTime(const Event& event);
/// Shifts every timestamp by offsetNs (a worker's clock onto the coordinator's).
void shiftTime(Event& event, std::int64_t offsetNs);

}  // namespace distlab::engine
