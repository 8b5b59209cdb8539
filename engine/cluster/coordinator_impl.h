#pragma once
#include "cluster/worker_schedule.h"
// Private to the coordinator's .cpp files: its state and the peers it talks to.
#include "cluster/coordinator.h"

#include <algorithm>
#include <limits>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "cluster/checkpoint.h"
#include "cluster/checkpoint_writer.h"
#include "cluster/evaluator.h"
#include "cluster/homomorphic_sum.h"
#include "cluster/launcher.h"
#include "cluster/mask_recovery.h"
#include "cluster/parameter_server.h"
#include "cluster/run_recorder.h"
#include "comm/blocking_channel.h"
#include "comm/shared_params.h"
#include "comm/tcp_session.h"
#include "data/load.h"
#include "nn/model.h"

namespace distlab::engine {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace coordinator_detail {

constexpr auto kTick = std::chrono::milliseconds(33);  // monitors get telemetry at <= 30 Hz
constexpr std::size_t kMaxMonitors = 4;
/// Unauthenticated connections allowed beyond one per worker and monitor; past that the oldest
/// idle one (no HELLO yet) is dropped to make room.
constexpr std::size_t kMaxIdleStrangers = 64;
/// Dropped strangers reported one by one (typed record, log line); the rest are counted.
constexpr std::uint64_t kStrangersReported = 20;

/// A connection: a worker or a monitor, authenticated or still in its handshake.
struct Peer {
  std::shared_ptr<Session> session;
  PeerRole role = PeerRole::Worker;
  int rank = -1;
  bool helloSeen = false, authed = false;
  bool reported = false;  ///< its refusal is already in the telemetry
  std::vector<std::uint8_t> nonce;
  std::unique_ptr<asio::steady_timer> handshakeTimer;
  std::string from;  ///< the peer's address
  std::int64_t lastSeenNs = 0;
  /// Loopback peers share our steady clock; another machine's is mapped with an offset.
  bool sameHost = true;
  bool paramsInRegion = false;  ///< it maps the parameter region: its PARAMS name it
  /// Its frames come by a transport of their own (an MPI rank): it cannot connect again, so it
  /// is never dropped to make room for strangers.
  bool linked = false;
  std::int64_t clockOffsetNs = 0;  ///< add to the peer's timestamps to get ours
};

/// What the coordinator knows of one worker rank.
struct WorkerSlot {
  enum class State { Waiting, Alive, Finished, Dead } state = State::Waiting;
  std::shared_ptr<Peer> peer;
  bool pullHeld = false;  ///< a request for parameters (a PULL, or a PUSH that asked) waits
  int stepCredit = 0;                     ///< steps allowed while paused
  int pid = 0;                            ///< the process we started for it (0: started by hand)
  bool killRequested = false;             ///< a monitor asked to kill it
  /// A new process was started for this lost rank and has not joined yet (state Waiting):
  /// why (RestartPolicy or RestartFromMonitor), else None.
  WorkerReason restarting = WorkerReason::None;
  std::int64_t rejoinDeadlineNs = 0;  ///< while restarting: when to give the new process up
  int restartsUsed = 0;               ///< of cluster.restarts
  std::uint64_t deathClock = 0;       ///< its clock when it was last lost
  /// Steps of its schedule skipped by a restart (rejoined at a later step), and their rows.
  std::uint64_t missedSteps = 0, missedExamples = 0;
};

inline std::string hostOf(const tcp::endpoint& e) { return e.address().to_string(); }

}  // namespace coordinator_detail

using coordinator_detail::hostOf;
using coordinator_detail::kMaxIdleStrangers;
using coordinator_detail::kMaxMonitors;
using coordinator_detail::kStrangersReported;
using coordinator_detail::kTick;
using coordinator_detail::Peer;
using coordinator_detail::WorkerSlot;

struct Coordinator::Impl {
  Impl(Spec s, CoordinatorOptions o);

  int run();
  void listen();
  void accept();
  /// Takes in a peer's frames (an accepted connection, or an MPI rank): it must say HELLO and
  /// answer the challenge within the handshake timeout.
  void adopt(std::shared_ptr<Session> session, const std::string& from, bool sameHost);
  /// The peers of options.linkPeers (MPI ranks), once the coordinator listens.
  void linkPeers();
  /// Connections waiting to authenticate: false when none may be dropped for a newcomer.
  bool makeRoomForStranger();
  std::size_t strangerLimit() const;
  void noteStrangerDropped(const std::string& from);
  void onMessage(const std::shared_ptr<Peer>& peer, Message&& message);
  void onHandshake(const std::shared_ptr<Peer>& peer, Message&& message);
  void admitWorker(const std::shared_ptr<Peer>& peer);
  void admitMonitor(const std::shared_ptr<Peer>& peer);
  /// Refuses an authenticating peer: a SHUTDOWN, then the connection closes.
  void refuse(const std::shared_ptr<Peer>& peer, RefusalReason reason, std::uint32_t limit = 0);
  void onWorkerMessage(int rank, Message&& message);
  void onPush(int rank, Push&& push);
  // Secure aggregation (coordinator_secure.cpp): the key exchange, the shares of every mask key
  // dealt through the server, and a dropped-out worker's key rebuilt from the survivors' shares.
  void onKeys(int rank, const Keys& keys);
  void onKeyShares(int rank, KeyShares&& shares);
  void onReveal(int rank, const Reveal& reveal);
  /// A worker of a masked run died: asks the survivors for its key's shares; false when the run
  /// had to end (before the shares were dealt, or too few survivors to rebuild the key).
  bool onSecureDropout(int rank);
  // Homomorphic aggregation (coordinator_homomorphic.cpp): the key holder's public key relayed,
  // encrypted pushes multiplied into the round's sum, the sum decrypted by the key holder.
  void onPaillierKey(int rank, const PaillierKey& key);
  void onSealedPush(int rank, Push&& push);
  void onDecrypted(int rank, Decrypted&& decrypted);
  /// The ParameterServer's SealedSum: the round's sum once decrypted, else asks the key holder.
  bool openSealedSum(std::uint64_t round, int summands, std::span<float> sum);
  void reportLostRounds();
  /// Keeps a push with the parameters and rows behind it in RUN/<folder>, and reports it when
  /// `announce` (a series is announced once); false when it could not be written.
  bool capturePush(int rank, const Push& push, std::uint64_t step, std::span<const float> params,
                   const std::string& folder, bool announce = true);
  /// A capture for this rank is pending (the spec's or a monitor's).
  bool capturePending(int rank) const;
  void onControl(const Control& control);
  void onClose(const std::shared_ptr<Peer>& peer, const CloseReason& reason);
  /// The aggregate span runs from startNs to endNs (0: now); then staleness, samples and the
  /// evaluation snapshot.
  void recordApplied(const std::optional<AppliedUpdate>& applied, std::int64_t startNs,
                     std::int64_t endNs = 0);
  void releasePulls();
  /// Whether local workers may read the parameters from one region: they change only when every
  /// live worker has pushed and waits (BSP-like rounds of gradients, one global model).
  bool usesParamsRegion() const;
  /// A worker whose floats now go through shared memory: it reads the parameters from the
  /// region too (made on first use), if the rule allows.
  void offerParamsRegion(Peer& peer, int rank);
  /// Gives the local workers' PUSH mailboxes back once no round keeps their floats.
  void releaseLentPushes();
  /// The parameters of the current version, copied once and shared by every reply.
  std::shared_ptr<const std::vector<float>> snapshot();
  std::shared_ptr<const std::vector<float>> snapshotFor(int rank);
  void onTick();
  void sendMonitorBatch();
  /// Starts rank's process; its pid, or 0 (said on stderr) when it could not be started.
  int startWorker(int rank);
  // Restarts (coordinator_restarts.cpp): a lost worker started again by cluster.restarts or a
  // monitor, rejoining at the barrier's step; what a lost worker left untrained, reported.
  /// After a worker's loss: starts it again when cluster.restarts allows; false otherwise.
  bool restartByPolicy(int rank);
  /// Starts a new process for a lost (Dead) rank; it waits, as at the start, until it joins.
  void beginRestart(int rank, WorkerReason why);
  /// A restarted process exited or missed its deadline before joining.
  void restartFailed(int rank, const std::string& what);
  /// A restarted rank joined at startClock: counts the steps it skipped.
  void noteRejoin(int rank, std::uint64_t startClock);
  /// Restarted processes: exits before joining (from reap()) and missed deadlines.
  void watchRestarts(const std::vector<ExitedChild>& exited);
  /// The steps and examples of each worker's share that went untrained, recorded (one
  /// ShareUntrained per worker and cause); a sentence for the final line ("" when none).
  std::string reportUntrained();
  /// Rows of rank's steps [from, to).
  std::uint64_t examplesOf(int rank, std::uint64_t from, std::uint64_t to);
  /// Which rows each of rank's steps uses: built once per rank (partitioning the data is not
  /// cheap), for captures and for untrained shares.
  WorkerSchedule& scheduleOf(int rank);
  // Checkpoints (coordinator_checkpoint.cpp): written every cluster.checkpoint_every updates,
  // a resumed run continuing from one, and the model file a completed run leaves.
  /// Puts the checkpoint's server, clocks and counters back (run --resume).
  void restoreCheckpoint(Checkpoint checkpoint);
  /// After an applied update: a checkpoint when one is due and no round is half gathered.
  void maybeCheckpoint();
  Checkpoint takeCheckpoint() const;
  /// How many checkpoints were written, their size and write times, on stderr.
  void reportCheckpoints();
  /// --save-model: the final parameters, written once the run completed.
  void saveFinalModel();
  void checkEnd();
  /// Ends the run: the last evaluation, the RunEnded record, SHUTDOWN to every peer.
  void finish(RunEnded ended);
  /// Records a worker's new status, with a line on stderr for people at a terminal.
  void workerState(WorkerState state);
  std::int64_t now() const { return steadyNowNs(); }
  int aliveCount() const;

  Spec spec;
  CoordinatorOptions options;
  /// run --resume: the checkpoint read before anything else (its metrics rows are kept).
  std::optional<Checkpoint> resumed;
  TrainTest data;
  /// The parameters as the local workers read them (comm/shared_params.h), when the rule lets
  /// them (usesParamsRegion()); made when the first local worker attaches, and from then on
  /// where the server keeps them. Before ps: it outlives the server.
  std::unique_ptr<SharedParams> paramsRegion;
  std::unique_ptr<ParameterServer> ps;
  std::unique_ptr<RunEvents> ownEvents;  ///< when the options bring none
  RunRecorder recorder;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io, SIGINT, SIGTERM};
  asio::steady_timer tickTimer{io};
  std::unique_ptr<Evaluator> evaluator;
  Launcher launcher;
  std::vector<WorkerSlot> workers;
  std::vector<std::shared_ptr<Peer>> peers;
  Rng nonceRng;
  std::uint16_t port = 0;
  std::int64_t startNs = 0, joinDeadlineNs = 0;
  std::uint64_t lastEvalVersion = 0;
  std::uint64_t lastCheckpointVersion = 0;
  std::unique_ptr<CheckpointWriter> checkpointWriter;  ///< cluster.checkpoint_every > 0
  std::unique_ptr<Model> layout;  ///< the model's layers, for --save-model
  int capturesKept = 0;  ///< of privacy.capture_worker's pushes (privacy.capture_count)
  bool seriesAnnounced = false;  ///< a capture series' first written push was reported
  std::vector<std::unique_ptr<WorkerSchedule>> schedules;  ///< scheduleOf's, per rank
  std::string untrainedSentence;  ///< reportUntrained()'s, for the final line
  std::vector<bool> captureNext;  ///< per rank: a monitor asked to keep its next push
  /// Per rank, while a capture is pending: the PARAMS last sent to it (an asynchronous rule's
  /// own copy), so a push computed on them can be kept with them even if others moved the
  /// server on since.
  std::vector<std::pair<std::uint64_t, std::shared_ptr<const std::vector<float>>>> sentParams;
  /// Secure aggregation: each worker's two public keys; sent to all once every worker's are in.
  std::vector<std::optional<Keys>> publicKeys;
  bool keysSent = false;
  /// Secure aggregation: each worker's sealed shares of its mask key, relayed once all are in.
  std::vector<std::optional<KeyShares>> dealtShares;
  bool sharesDealt = false;
  std::unique_ptr<MaskRecovery> maskRecovery;
  std::unique_ptr<HomomorphicSum> homomorphicSum;  ///< privacy.homomorphic
  std::uint64_t lostRoundsReported = 0;
  std::uint64_t strangersDropped = 0;  ///< connections dropped to keep the join open
  /// Helper threads for a barrier's work, one per core besides ours: the round's aggregation
  /// (a slice of the parameters each) and its PARAMS writes (one worker each).
  WorkCrew crew{WorkCrew::helpersForThisMachine()};
  ParallelWriter paramsWriter{crew};
  /// Sessions whose last PUSH the server reads in place (shared memory) for a round not yet
  /// applied; holding them keeps the memory mapped even if the worker dies meanwhile.
  std::vector<std::shared_ptr<Session>> lentSessions;
  std::shared_ptr<const std::vector<float>> paramsSnapshot;
  std::uint64_t snapshotVersion = 0;
  bool paused = false, ending = false;
  int exitCode = 0;
  /// options.linkPeers' transport (MPI): last, so it stops before anything it hands frames to.
  std::unique_ptr<SessionSource> sessionSource;
};

}  // namespace distlab::engine
