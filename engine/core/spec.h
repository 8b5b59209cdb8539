#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace distlab::engine {

/// Where the examples come from. Every field is in the JSON under "dataset".
struct DatasetSpec {
  /// fashion-mnist | mnist | cifar10 | height-weight | blobs | spirals
  std::string name = "fashion-mnist";
  std::string path;                ///< folder of the files; empty = the Debian location
  int trainLimit = 0;              ///< use the first N training examples (0 = all)
  int testLimit = 0;               ///< use the first N test examples (0 = all)
  std::string normalize = "none";  ///< none | standardize (per feature, train statistics)
  int samples = 0;                 ///< synthetic sets: examples in all (0 = the set's default)
  int classes = 3;                 ///< blobs: number of classes
  double noise = 0.1;              ///< synthetic sets: noise level
  double testFraction = 0.2;       ///< synthetic sets: share held out for testing
};

/// The network. "mlp" uses hidden + activation, "lenet5" is LeNet-5 with the given activation,
/// "linear" is a single dense layer (the lecture's weight = b * height + a).
struct ModelSpec {
  std::string arch = "mlp";  ///< mlp | lenet5 | linear
  std::vector<int> hidden = {256, 128};
  std::string activation = "relu";  ///< relu | sigmoid | tanh
  std::string init = "he";          ///< he | xavier | uniform
  double initLow = -0.5;            ///< uniform init: lower bound ("init_range"[0])
  double initHigh = 0.5;            ///< uniform init: upper bound ("init_range"[1])
};

struct TrainingSpec {
  int epochs = 10;
  int batchSize = 64;
  std::string optimizer = "sgd";  ///< sgd | adam
  double lr = 0.1;
  double momentum = 0.0;               ///< SGD heavy-ball momentum
  double weightDecay = 0.0;            ///< L2 penalty added to the gradient
  double beta1 = 0.9;                  ///< Adam
  double beta2 = 0.999;                ///< Adam
  double epsilon = 1e-8;               ///< Adam
  std::string loss = "cross-entropy";  ///< cross-entropy | mse
  bool shuffle = true;                 ///< reshuffle the training order every epoch
  /// Skip an epoch's last batch when it is smaller than batchSize. Off by default, as in PyTorch;
  /// on small subsets a last batch of a few examples makes a noisy step right before evaluation.
  bool dropLast = false;
};

/// How the cluster of `distlab-engine run` is laid out and synchronised (the lecture's sections
/// 2 and 3). Per-worker lists are empty (everyone the same) or have one entry per worker.
struct ClusterSpec {
  int workers = 1;
  std::string sync = "bsp";  ///< bsp | asp | ssp | local-sgd
  int staleness = 3;         ///< ssp: a worker may run at most this many steps ahead of the slowest
  int localSteps = 8;        ///< local-sgd: local steps (tau) between model averages
  /// How pushes of one round are combined: weighted-mean (by the examples behind each, which
  /// equals the gradient on the union of the batches) | mean (every worker counts the same)
  std::string aggregation = "weighted-mean";
  /// local-sgd: what the server makes of the round's models (the lecture's section 4): average
  /// (MA-DNN) | ensemble (E-DNN: the global model is the K models, prediction = mean softmax;
  /// each worker goes on from its own) | ensemble-compression (EC-DNN: the ensemble distilled
  /// into one model of local size on the training data, then broadcast)
  std::string modelAggregation = "average";
  int distillSteps = 100;           ///< ensemble-compression: student SGD steps per round
  double distillTemperature = 3.0;  ///< ensemble-compression: softening of the soft targets
  double distillLambda = 0.3;       ///< ensemble-compression: weight of the true-label loss
  /// shuffle-split | with-replacement | dirichlet | shards
  std::string partition = "shuffle-split";
  int reshuffleEvery = 1;          ///< shuffle-split / with-replacement: new split every R epochs
  std::vector<double> capacities;  ///< with-replacement: relative share of the draws per worker
  double drawsFactor = 1.0;        ///< with-replacement: draws in all = factor x training set
  double dirichletAlpha = 0.5;     ///< dirichlet: concentration (small = few classes per worker)
  int shardsPerWorker = 2;         ///< shards: label-sorted shards per worker
  double quantitySigma = 1.0;      ///< quantity-skew: spread of log(size) of the parts
  int evalEvery = 100;             ///< test evaluation every this many server updates
  std::vector<double> slowdown;    ///< per worker: compute takes this many times longer (>= 1)
  std::vector<double> bandwidthMbps;  ///< per worker: link cap in Mbit/s (0 = none)
  /// How a worker's update travels in its PUSH: float32 (as computed) | fp16 | int8 | topk |
  /// randk | qsgd | sign (encoders/update_encoder.h); the server decodes it before it aggregates.
  std::string encoder = "float32";
  double compressRatio = 0.01;  ///< topk, randk: the share of the values sent
  int qsgdLevels = 4;           ///< qsgd: levels per sign
  /// The worker adds what its encoder left out of the last pushes to the next update (error
  /// feedback: EF-SGD, Karimireddy et al., 2019), so a biased encoder loses nothing for good.
  bool errorFeedback = false;
  /// compression: the shares top-k with error feedback is also run at (the Pareto chart)
  std::vector<double> sweepRatios = {0.1, 0.001};
  /// allreduce: the worker counts at which the lesson also times a few steps of BSP on a
  /// parameter server and of the ring (lessons/cluster/topology_study.h); empty: none.
  std::vector<int> compareWorkers;
  /// allreduce: each ring chunk travels in this many pieces, passed on as each arrives.
  int ringSegments = 1;
  /// How the floats of PARAMS/PUSH reach a worker on the coordinator's machine: shared-memory
  /// (fields over TCP, floats in memory both map; comm/shared_floats.h) | tcp (all on the socket).
  /// Workers on other machines always use TCP.
  std::string transport = "shared-memory";
  std::string bind = "127.0.0.1";     ///< address the coordinator listens on
  int port = 0;                       ///< 0 = any free port
  bool launchWorkers = true;          ///< false: wait for workers started by hand
  /// How many times each lost worker process is started again, rejoining at the barrier's
  /// current step; 0: a lost worker's remaining share goes untrained (and is reported).
  int restarts = 0;
  /// Server updates between checkpoints (RUN/checkpoint.bin, for `run --resume`); 0: none.
  int checkpointEvery = 0;
  int joinTimeoutS = 60;              ///< how long to wait for every worker to join
  int heartbeatMs = 500;              ///< a worker says it is alive this often
  int peerTimeoutMs = 5000;           ///< silence after which a peer counts as dead
  int handshakeTimeoutMs = 5000;      ///< time a new connection has to authenticate
};

/// Gradient inversion (the privacy lesson): the attacker's method, the victims' defense, and
/// which test images are attacked (one batch).
struct PrivacySpec {
  std::string attack = "dlg";     ///< dlg | idlg | analytic
  std::string defense = "none";   ///< none | noise | topk | fp16 | int8 | dp | local-steps
  /// noise: std; topk: pruned fraction; dp: noise multiplier; local-steps: steps (training.lr)
  double defenseStrength = 0.0;
  double clipNorm = 1.0;          ///< dp: each example's gradient clipped to this L2 norm
  std::vector<int> images = {0};  ///< test-set indices, attacked together as one batch
  int iterations = 300;           ///< optimizer iterations per restart
  std::string distance = "l2";    ///< l2 | cosine: how gradients are compared
  std::string optimizer = "lbfgs";  ///< lbfgs | adam
  double learningRate = 0.1;      ///< adam's step size
  double tvWeight = 0.0;          ///< total-variation prior on the images (0: none)
  int restarts = 1;               ///< independent starts; the best match wins
  /// privacy-utility: the defense strengths to try (after "none")
  std::vector<double> sweepStrengths;
  /// privacy-utility: where the defended model is trained: "in-process" (the attack's MLP, fast)
  /// or "cluster" (a real cluster run of this spec per strength, every worker defending its PUSH)
  std::string utilityTraining = "in-process";
  /// A cluster run's workers mask their pushes pairwise (X25519 + SHA-256, fixed point) so the
  /// server learns each round's sum only; BSP or local SGD (average), every worker each round.
  bool secureAggregation = false;
  /// Federated rounds with secure aggregation: the share of a round's clients whose secret
  /// shares recover a dropped-out client's masks, ceil(threshold x clients) and at least 2.
  double secaggThreshold = 0.6;
  /// Federated rounds: clients encrypt their updates with Paillier (worker process 0 holds the
  /// key, the server adds ciphertexts and learns only the decrypted sum).
  bool homomorphic = false;
  int paillierBits = 2048;  ///< homomorphic: the key's modulus size
  /// Client-level differential privacy in federated rounds (DP-FedAvg): none | central (the
  /// server adds the noise to the clipped sum) | local (each client adds it to its own update).
  std::string dp = "none";
  double noiseMultiplier = 1.0;  ///< dp: the noise's std over the clip norm
  double dpClip = 1.0;           ///< dp: each client's update clipped to this L2 norm
  double dpDelta = 1e-5;         ///< dp: the delta at which epsilon is reported
  /// A cluster run keeps this worker's PUSH of step captureStep, with the parameters it was
  /// computed on (under ASP/SSP the copy the server sent it), in OUT/capture (-1: none), as the
  /// honest-but-curious server would.
  int captureWorker = -1;
  int captureStep = 0;
  /// Pushes of captureWorker kept from captureStep on: 1 in OUT/capture; more, one a step, in
  /// OUT/capture-series/step-S (the property attack's rounds).
  int captureCount = 1;
  /// property: the property of the victim's batch the server infers, "contains an example of
  /// this class", from each captured push
  int propertyClass = 0;
  /// property: shadow updates the server computes on its own data at each captured round's
  /// parameters, half with the property and half without, to train its meta-classifier
  int shadowBatches = 16;
  /// inversion: attack the PUSH captured in this folder instead of the victim's own gradient
  std::string captureFrom;
};

/// Model partitioning (lesson 3, experiment "model_parallel"): the network's layers split over
/// stage processes that pass intermediate results (activations, their errors) to each other.
struct ModelParallelSpec {
  /// pipeline (by layers: each stage owns consecutive layers) | tensor (within layers: each
  /// shard owns a block of every Dense layer's neurons) | skeleton (random skeleton partition:
  /// each worker trains a sub-network, the skeleton plus random neurons of its own)
  std::string mode = "pipeline";
  int stages = 2;                 ///< pipeline: stage processes, each owning consecutive layers
  int shards = 2;                 ///< tensor, skeleton: processes
  double skeletonFraction = 0.25;  ///< skeleton: share of each hidden layer in the skeleton
  double skeletonExtra = 0.25;     ///< skeleton: share of the other neurons each worker adds
  int reselectEvery = 5;           ///< skeleton: rounds between two choices of the skeleton
  /// The first layer of stages 1 .. stages-1, rising (empty: balanced by estimated cost)
  std::vector<int> boundaries;
  /// layers: stage boundaries between layers; neurons: balanced by cost, a boundary may cut a
  /// Dense layer by its output neurons so the stages' work is even
  std::string balance = "layers";
  int microBatches = 4;          ///< a batch is cut into this many micro-batches
  std::string schedule = "1f1b";  ///< gpipe (all forwards, then all backwards) | 1f1b
  /// each: a micro-batch's weight gradients in its backward pass (the classic schedules);
  /// grouped: after its errors went on, 64 columns at a time (zero-bubble pipelines' B/W split)
  std::string weightGradients = "each";
  int steps = 0;                  ///< updates in all (0: training.epochs over the training set)
  int evalEvery = 50;             ///< test the assembled model after this many updates
  /// The bubble study after training: every stages x micro-batches pair for sweepSteps updates
  std::vector<int> sweepStages = {2, 3, 4};
  std::vector<int> sweepMicroBatches = {1, 2, 4, 8, 16};
  int sweepSteps = 0;  ///< updates per pair (0: no study)
};

/// Federated learning (lesson 6, experiment "federated"): many clients that own their data, a
/// sample of which trains each round; cluster.workers processes host them, each training its
/// clients one after another.
struct FederatedSpec {
  int clients = 20;           ///< simulated clients, each with its own share of the data
  double fraction = 0.5;      ///< of the clients, sampled each round
  int perRound = 0;           ///< > 0: this many clients a round instead of the fraction
  int minClients = 2;         ///< at least this many a round
  int rounds = 30;
  int localSteps = 10;        ///< SGD steps a sampled client takes on its data a round
  int localEpochs = 0;        ///< > 0: instead, this many passes over the client's data
  std::vector<int> batchSizes;  ///< client c's batch: batchSizes[c mod size] (empty: training's)
  std::string algorithm = "fedavg";         ///< the clients' rule: fedavg | fedprox | scaffold
  double mu = 0.01;                         ///< fedprox: the proximal term's weight
  std::string serverOptimizer = "fedavg";   ///< fedavg | fedavgm | fedadagrad | fedadam | fedyogi
  double serverLr = 1.0;
  double beta1 = 0.9, beta2 = 0.99, tau = 1e-3;  ///< the server optimizers' moment rates
  int evalEvery = 5;                        ///< rounds between two tests of the global model
  // Heterogeneity and failures: simulated from the seed, the same on every process and rerun.
  double availability = 1.0;  ///< the chance a client is online in a round
  double dropout = 0.0;       ///< the chance a sampled client goes offline mid-round
  double speedSigma = 0.0;    ///< clients' slowdowns: log-normal with this sigma (0: all alike)
  std::vector<double> speeds; ///< listed slowdowns, client c gets speeds[c mod size] (over sigma)
  std::string late = "wait";  ///< clients slower than the deadline: wait | drop | next
  double deadline = 2.0;      ///< in round times of a client of slowdown 1
  int minResults = 1;         ///< fewest updates a round needs to move the global model
  std::string tooFew = "retry";  ///< a round with fewer: retry (a new sample) | skip
  int retries = 2;            ///< retry: new samples before the round is skipped
  /// After the run, the same rounds with the other client rules and with IID data.
  bool compare = false;
  /// After the run, the same rounds under each protection of the updates (privacy_comparison.h).
  bool comparePrivacy = false;
};

/// Poisoning and robust aggregation (lesson 8, experiments "cluster" and "security"): which
/// workers are malicious and what they do, and how the server combines a round's pushes.
struct SecuritySpec {
  /// none | label-flip | backdoor | model-replacement | sign-flip | scale | gaussian | alie |
  /// ipm (security/poison_attack.h)
  std::string attack = "none";
  std::vector<int> attackers;  ///< the malicious workers' ranks (they collude)
  double attackStrength = 0.0;  ///< the attack's knob; 0: its default
  int backdoorTarget = 0;       ///< backdoor: the class the trigger should make the model say
  double poisonShare = 0.5;     ///< backdoor: share of an attacker's batch that is stamped
  /// mean | median | trimmed-mean | krum | multi-krum | bulyan | norm-clip | centered-clip
  /// (aggregate/robust/robust_aggregator.h)
  std::string aggregator = "mean";
  int assumedAttackers = -1;  ///< f the rule must survive (-1: as many as security.attackers)
  double trimFraction = 0.2;  ///< trimmed-mean: share cut at each end of a coordinate
  int krumSelect = 0;         ///< multi-krum: pushes averaged (0: n - f)
  double clipNorm = 0.0;      ///< norm-clip, centered-clip: the bound (0: the round's median)
  /// security experiment, after the run: none | rules (every rule against this attack and
  /// without it) | grid (every rule against every attack)
  std::string compare = "rules";
  /// The f a rule is given: assumedAttackers, or the number of attackers.
  int f() const {
    return assumedAttackers >= 0 ? assumedAttackers : static_cast<int>(attackers.size());
  }
};

/// Adversarial examples and the defenses against them (lesson 8b, experiments "cluster" and
/// "adversarial"): the evasion attack on a trained model, and how the workers train.
struct AdversarialSpec {
  std::string attack = "pgd";  ///< fgsm | pgd (security/adversarial/adversarial_attack.h)
  std::string norm = "linf";   ///< linf | l2: the ball the perturbation stays in
  double epsilon = 0.1;        ///< its radius, in the data's units (pixels in [0, 1])
  double step = 0.0;           ///< PGD's step (0: 2.5 epsilon / steps)
  int steps = 10;              ///< PGD's steps
  bool randomStart = true;     ///< PGD starts at a random point of the ball
  /// The robust-accuracy curve: the attack at each of these radii
  std::vector<double> epsilons = {0.0, 0.025, 0.05, 0.1, 0.15, 0.2};
  int testImages = 1000;  ///< test examples attacked for each point of the curve
  int shownImages = 8;    ///< examples shown as original / adversarial / perturbation
  /// How the cluster's workers train: none | pgd (adversarial training on PGD examples of
  /// radius epsilon) | input-gradient (the input gradient's norm penalised)
  std::string training = "none";
  int trainSteps = 5;            ///< pgd training: the inner PGD's steps
  double gradientPenalty = 0.1;  ///< input-gradient: lambda
  /// adversarial experiment: train once with each way, not only this one, and compare
  bool compare = true;
  /// adversarial experiment: attack the model of this run folder (its spec.json and
  /// params.f32) instead of training any (empty: train)
  std::string attackRun;
};

/// The experiment spec: the one input of every run, single-process or cluster.
struct Spec {
  static constexpr int kVersion = 1;
  int version = kVersion;
  std::string name = "untitled";
  std::string description;
  std::uint64_t seed = 1;
  /// "cluster": train on a real cluster (`run`); "averaging": lesson 1, the lecture's linear
  /// regression with gradient vs model averaging, computed exactly in one process.
  /// cluster | averaging (lesson 1) | aggregation (lesson 5) | convexity (lesson 5's argument)
  /// | inversion (the privacy lesson's attack) | model_parallel (lesson 3's pipeline)
  std::string experiment = "cluster";
  DatasetSpec dataset;
  ModelSpec model;
  TrainingSpec training;
  ClusterSpec cluster;
  PrivacySpec privacy;
  ModelParallelSpec modelParallel;
  FederatedSpec fl;
  SecuritySpec security;
  AdversarialSpec adversarial;
};

/// One validation problem: the JSON path of the field and a sentence naming the value and what
/// is allowed, e.g. {"training.lr", "-1 is out of range; allowed: > 0 and <= 100"}.
struct SpecError {
  std::string path;
  std::string message;
  /// For the problems an editor can cause: a stable name and its values, so a window can say the
  /// same in its own language (empty for the rest: show `message`).
  std::string code{};
  std::vector<std::string> args{};
  std::string text() const { return path.empty() ? message : path + ": " + message; }
};

/// Reads a spec from JSON text. Missing fields take their defaults. Returns every problem found
/// (unknown keys, wrong types, out-of-range values, bad combinations); the spec is valid only if
/// the list is empty.
std::vector<SpecError> parseSpec(const std::string& jsonText, Spec& out);
std::vector<SpecError> parseSpec(const nlohmann::json& json, Spec& out);
/// Checks combinations of fields that each are valid alone (e.g. lenet5 needs an image data set).
std::vector<SpecError> validateSpec(const Spec& spec);

/// Parses or throws Error with every problem, one per line.
Spec loadSpecText(const std::string& jsonText);
Spec loadSpecFile(const std::string& path);

nlohmann::json specToJson(const Spec& spec);
std::string specToString(const Spec& spec);

}  // namespace distlab::engine
