// The spec's fields, each declared once: path, type, range or allowed values, unit, label, help,
// the form group and the experiments that use it. The default is the member's initializer in
// core/spec.h, reached through the slot. Strategy fields take their choices from the registries.
#include "core/spec_schema.h"

#include "core/spec_schema_rows.h"
#include "core/strategy_names.h"

namespace distlab::engine {
namespace {

using T = FieldType;
using G = FieldGroup;

const SpecField kFields[] = {
    // General
    {.path = "version", .type = T::Integer, .group = G::General, .advanced = true, .min = 1,
     .max = Spec::kVersion, .label = "Spec version",
     .help = "The version of the spec format; this build reads version 1.", .usedBy = "all",
     .slot = SLOT(version)},
    {.path = "name", .type = T::Text, .group = G::General, .maxItems = 200, .label = "Name",
     .help = "The experiment's title, shown above the charts and in reports.", .usedBy = "all",
     .slot = SLOT(name)},
    {.path = "description", .type = T::Text, .group = G::General, .advanced = true,
     .maxItems = 4096, .label = "Description",
     .help = "What the experiment shows, in a few sentences.", .usedBy = "all",
     .slot = SLOT(description)},
    {.path = "seed", .type = T::Unsigned, .group = G::General, .advanced = true, .label = "Seed",
     .help = "Every random choice (first weights, data order, splits) follows from it: the same "
             "seed gives the same run.",
     .usedBy = "all", .slot = SLOT(seed)},
    {.path = "experiment", .type = T::Choice, .group = G::General, .advanced = true,
     .choices = experimentNames, .label = "Experiment",
     .help = "What a run does: cluster trains on a real cluster; averaging (lesson 1), "
             "aggregation and convexity (lesson 5) and inversion (lesson 7) are the lessons' "
             "own experiments.",
     .usedBy = "all", .slot = SLOT(experiment)},

    // Data set
    {.path = "dataset.name", .type = T::Choice, .group = G::Dataset,
     .choices = CHOICES("fashion-mnist", "mnist", "cifar10", "height-weight", "blobs", "spirals"),
     .label = "Data set", .help = "The examples every worker learns from.", .usedBy = "all",
     .slot = SLOT(dataset.name)},
    {.path = "dataset.path", .type = T::Text, .group = G::Dataset, .advanced = true,
     .maxItems = 4096, .label = "Data folder",
     .help = "The folder of the data set's files; empty: where Debian's package puts them "
             "(cifar10 needs one).",
     .usedBy = "all", .slot = SLOT(dataset.path)},
    {.path = "dataset.train_limit", .type = T::Integer, .group = G::Dataset, .min = 0,
     .max = 10'000'000, .unit = "examples", .label = "Training examples",
     .help = "Use only the first N training examples (0: all of them).", .usedBy = "all",
     .minMeans = "all", .slot = SLOT(dataset.trainLimit)},
    {.path = "dataset.test_limit", .type = T::Integer, .group = G::Dataset, .advanced = true,
     .min = 0, .max = 10'000'000, .unit = "examples", .label = "Test examples",
     .help = "Test on only the first N test examples (0: all of them).", .usedBy = "all",
     .minMeans = "all", .slot = SLOT(dataset.testLimit)},
    {.path = "dataset.normalize", .type = T::Choice, .group = G::Dataset, .advanced = true,
     .choices = CHOICES("none", "standardize"), .label = "Normalization",
     .help = "standardize: every feature shifted and scaled by the training set's mean and "
             "deviation; none: as stored.",
     .usedBy = "all", .slot = SLOT(dataset.normalize)},
    {.path = "dataset.samples", .type = T::Integer, .group = G::Dataset, .advanced = true,
     .min = 0, .max = 10'000'000, .unit = "examples", .label = "Synthetic examples",
     .help = "Synthetic sets (height-weight, blobs, spirals): examples in all (0: the set's "
             "default).",
     .usedBy = "all", .minMeans = "default", .slot = SLOT(dataset.samples)},
    {.path = "dataset.classes", .type = T::Integer, .group = G::Dataset, .advanced = true,
     .min = 2, .max = 100, .label = "Blob classes",
     .help = "blobs: how many classes of points.", .usedBy = "all",
     .slot = SLOT(dataset.classes)},
    {.path = "dataset.noise", .type = T::Number, .group = G::Dataset, .advanced = true, .min = 0,
     .max = 100, .label = "Noise", .help = "Synthetic sets: how noisy the examples are.",
     .usedBy = "all", .slot = SLOT(dataset.noise)},
    {.path = "dataset.test_fraction", .type = T::Number, .group = G::Dataset, .advanced = true,
     .min = 0, .max = 0.9, .minExclusive = true, .label = "Test share",
     .help = "Synthetic sets: the share of the examples held out for testing.", .usedBy = "all",
     .slot = SLOT(dataset.testFraction)},

    // Model
    {.path = "model.arch", .type = T::Choice, .group = G::Model,
     .choices = CHOICES("mlp", "lenet5", "linear"), .label = "Network",
     .help = "mlp: fully connected layers; lenet5: a small convolutional network; linear: one "
             "layer (the lecture's linear regression).",
     .usedBy = "all", .slot = SLOT(model.arch)},
    {.path = "model.hidden", .type = T::IntegerList, .group = G::Model, .min = 1, .max = 65536,
     .maxItems = 16, .unit = "units", .label = "Hidden layers",
     .help = "Units of each hidden layer of the mlp, e.g. 256, 128.", .usedBy = "all",
     .slot = SLOT(model.hidden)},
    {.path = "model.activation", .type = T::Choice, .group = G::Model,
     .choices = CHOICES("relu", "sigmoid", "tanh", "softplus"), .label = "Activation",
     .help = "The nonlinearity after each hidden layer.", .usedBy = "all",
     .slot = SLOT(model.activation)},
    {.path = "model.init", .type = T::Choice, .group = G::Model, .advanced = true,
     .choices = CHOICES("he", "xavier", "uniform"), .label = "Initialization",
     .help = "How the first weights are drawn: he and xavier scale by the layer's size; uniform "
             "draws from the uniform range.",
     .usedBy = "all", .slot = SLOT(model.init)},
    {.path = "model.init_range", .type = T::NumberPair, .group = G::Model, .advanced = true,
     .label = "Uniform range", .help = "uniform initialization: the weights' low and high bound.",
     .usedBy = "all",
     .slot = [](Spec& s) -> FieldSlot { return std::pair{&s.model.initLow, &s.model.initHigh}; }},

    // Training
    {.path = "training.epochs", .type = T::Integer, .group = G::Training, .min = 1,
     .max = 100000, .label = "Epochs",
     .help = "Passes of every worker over its share of the data.",
     .usedBy = "cluster averaging aggregation convexity inversion model_parallel",
     .slot = SLOT(training.epochs)},
    {.path = "training.batch_size", .type = T::Integer, .group = G::Training, .min = 1,
     .max = 65536, .unit = "examples", .label = "Batch size",
     .help = "Examples in one worker's mini-batch: one gradient per push.", .usedBy = "all",
     .slot = SLOT(training.batchSize)},
    {.path = "training.optimizer", .type = T::Choice, .group = G::Training,
     .choices = CHOICES("sgd", "adam"), .label = "Optimizer",
     .help = "How the parameter server turns averaged gradients into a step.", .usedBy = "all",
     .slot = SLOT(training.optimizer)},
    {.path = "training.lr", .type = T::Number, .group = G::Training, .min = 0, .max = 100,
     .minExclusive = true, .label = "Learning rate",
     .help = "The step size (lambda in the lecture).", .usedBy = "all",
     .slot = SLOT(training.lr)},
    {.path = "training.momentum", .type = T::Number, .group = G::Training, .advanced = true,
     .min = 0, .max = 0.999, .label = "Momentum",
     .help = "sgd: heavy-ball momentum (0: none).", .usedBy = "all",
     .slot = SLOT(training.momentum)},
    {.path = "training.weight_decay", .type = T::Number, .group = G::Training, .advanced = true,
     .min = 0, .max = 1, .label = "Weight decay",
     .help = "An L2 penalty added to the gradient, as in PyTorch.", .usedBy = "all",
     .slot = SLOT(training.weightDecay)},
    {.path = "training.beta1", .type = T::Number, .group = G::Training, .advanced = true,
     .min = 0, .max = 0.9999, .label = "Adam beta1",
     .help = "adam: how slowly the mean of the gradients forgets.", .usedBy = "all",
     .slot = SLOT(training.beta1)},
    {.path = "training.beta2", .type = T::Number, .group = G::Training, .advanced = true,
     .min = 0, .max = 0.999999, .label = "Adam beta2",
     .help = "adam: how slowly the mean of their squares forgets.", .usedBy = "all",
     .slot = SLOT(training.beta2)},
    {.path = "training.epsilon", .type = T::Number, .group = G::Training, .advanced = true,
     .min = 0, .max = 1, .minExclusive = true, .label = "Adam epsilon",
     .help = "adam: added to the denominator so a step never divides by zero.", .usedBy = "all",
     .slot = SLOT(training.epsilon)},
    {.path = "training.loss", .type = T::Choice, .group = G::Training, .advanced = true,
     .choices = CHOICES("cross-entropy", "mse"), .label = "Loss",
     .help = "cross-entropy for classes; mse (mean squared error) for a regression such as "
             "height-weight.",
     .usedBy = "all", .slot = SLOT(training.loss)},
    {.path = "training.shuffle", .type = T::Boolean, .group = G::Training, .advanced = true,
     .label = "Shuffle", .help = "Visit the training examples in a new order every epoch.",
     .usedBy = "all", .slot = SLOT(training.shuffle)},
    {.path = "training.drop_last", .type = T::Boolean, .group = G::Training, .advanced = true,
     .label = "Drop last batch",
     .help = "Skip an epoch's last batch when it is smaller than the batch size.",
     .usedBy = "all", .slot = SLOT(training.dropLast)},

    // Cluster
    {.path = "cluster.workers", .type = T::Integer, .group = G::Partitioning, .min = 1,
     .max = kMaxWorkers, .label = "Workers",
     .help = "Worker processes; each trains on its own part of the data.",
     .usedBy = "cluster averaging aggregation convexity inversion federated",
     .slot = SLOT(cluster.workers)},
    {.path = "cluster.sync", .type = T::Choice, .group = G::Synchronization,
     .choices = syncRuleNames, .label = "Synchronization",
     .help = "bsp: a barrier every step; asp: no waiting, updates applied as they come; ssp: "
             "the fastest may run ahead of the slowest by at most the staleness bound; "
             "local-sgd: local steps, then the models are combined; allreduce: no server, the "
             "workers sum their gradients round a ring (Horovod) and each takes the same step.",
     .usedBy = "cluster aggregation inversion", .slot = SLOT(cluster.sync)},
    {.path = "cluster.compare_workers", .type = T::IntegerList, .group = G::Synchronization,
     .min = 2, .max = 16, .maxItems = 6, .label = "Compare server and ring at",
     .help = "allreduce: after training, the lesson times a few steps of BSP on a parameter "
             "server and of the ring at each of these worker counts (e.g. 2, 4, 8) and measures "
             "the bytes each worker sends; empty: no comparison.",
     .usedBy = "cluster", .shownWhen = "cluster.sync=allreduce",
     .slot = SLOT(cluster.compareWorkers)},
    {.path = "cluster.ring_segments", .type = T::Integer, .group = G::Synchronization,
     .advanced = true, .min = 1, .max = 64, .label = "Pieces per ring chunk",
     .help = "allreduce: each worker's chunk of the sum travels round the ring in this many "
             "pieces, each passed on as soon as it arrives (a pipeline, as in NCCL). The plain "
             "ring already keeps every link busy at each step, so on even links it gains "
             "little; each piece is one more frame.",
     .usedBy = "cluster", .shownWhen = "cluster.sync=allreduce",
     .slot = SLOT(cluster.ringSegments)},
    {.path = "cluster.staleness", .type = T::Integer, .group = G::Synchronization, .min = 0,
     .max = 1000, .unit = "steps", .label = "Staleness bound",
     .help = "ssp: how many steps a worker may be ahead of the slowest.",
     .usedBy = "cluster inversion", .shownWhen = "cluster.sync=ssp",
     .slot = SLOT(cluster.staleness)},
    {.path = "cluster.local_steps", .type = T::Integer, .group = G::Synchronization, .min = 1,
     .max = 100000, .unit = "steps", .label = "Local steps",
     .help = "local-sgd: steps each worker takes between two model averages.",
     .usedBy = "cluster averaging aggregation convexity model_parallel",
     .shownWhen = "cluster.sync=local-sgd model_parallel.mode=skeleton",
     .slot = SLOT(cluster.localSteps)},
    {.path = "cluster.aggregation", .type = T::Choice, .group = G::Aggregation,
     .choices = pushAggregatorNames, .label = "Combine pushes by",
     .help = "weighted-mean: each worker's update counts by its number of examples (the gradient "
             "of all the data); mean: every worker counts the same, which is wrong when their "
             "data sizes differ.",
     .usedBy = "cluster averaging aggregation inversion", .slot = SLOT(cluster.aggregation)},
    {.path = "cluster.model_aggregation", .type = T::Choice, .group = G::Aggregation,
     .choices = modelAggregatorNames, .label = "Combine models by",
     .help = "local-sgd: what the server makes of the round's models: average (MA-DNN), "
             "ensemble (E-DNN: their mean prediction) or ensemble-compression (EC-DNN: the "
             "ensemble distilled into one model).",
     .usedBy = "cluster aggregation", .slot = SLOT(cluster.modelAggregation)},
    {.path = "cluster.distill_steps", .type = T::Integer, .group = G::Aggregation,
     .advanced = true, .min = 1, .max = 100000, .unit = "steps", .label = "Distillation steps",
     .help = "ensemble-compression: the student's SGD steps per round.",
     .usedBy = "cluster aggregation", .slot = SLOT(cluster.distillSteps)},
    {.path = "cluster.distill_temperature", .type = T::Number, .group = G::Aggregation,
     .advanced = true, .min = 0, .max = 100, .minExclusive = true,
     .label = "Distillation temperature",
     .help = "ensemble-compression: how much the ensemble's soft targets are softened.",
     .usedBy = "cluster aggregation", .slot = SLOT(cluster.distillTemperature)},
    {.path = "cluster.distill_lambda", .type = T::Number, .group = G::Aggregation,
     .advanced = true, .min = 0, .max = 1, .label = "True-label weight",
     .help = "ensemble-compression: the weight of the true labels' loss beside the soft targets.",
     .usedBy = "cluster aggregation", .slot = SLOT(cluster.distillLambda)},
    {.path = "cluster.partition", .type = T::Choice, .group = G::Partitioning,
     .choices = partitionerNames, .label = "Data partitioning",
     .help = "shuffle-split: every example goes to exactly one worker; with-replacement: each "
             "worker samples at random, some examples are never seen; dirichlet and shards: "
             "non-IID splits by label; quantity-skew: parts of very different sizes.",
     .usedBy = "cluster averaging aggregation convexity inversion federated",
     .slot = SLOT(cluster.partition)},
    {.path = "cluster.reshuffle_every", .type = T::Integer, .group = G::Partitioning, .min = 1,
     .max = 100000, .unit = "epochs", .label = "Reshuffle every",
     .help = "Draw a new split every this many epochs (the lecture's periodic reshuffle).",
     .usedBy = "cluster aggregation inversion", .slot = SLOT(cluster.reshuffleEvery)},
    {.path = "cluster.capacities", .type = T::NumberList, .group = G::Partitioning,
     .advanced = true, .min = 0.001, .max = 1000, .maxItems = kMaxWorkers,
     .label = "Capacities",
     .help = "with-replacement (and lesson 1's client sizes): each worker's relative share of "
             "the data, e.g. 2, 1 (empty: equal shares).",
     .usedBy = "cluster averaging aggregation inversion", .slot = SLOT(cluster.capacities)},
    {.path = "cluster.draws_factor", .type = T::Number, .group = G::Partitioning,
     .advanced = true, .min = 0, .max = 100, .minExclusive = true, .label = "Draws",
     .help = "with-replacement: examples drawn in all, as a multiple of the training set.",
     .usedBy = "cluster aggregation inversion", .shownWhen = "cluster.partition=with-replacement",
     .slot = SLOT(cluster.drawsFactor)},
    {.path = "cluster.dirichlet_alpha", .type = T::Number, .group = G::Partitioning, .min = 0,
     .max = 1e6, .minExclusive = true, .label = "Dirichlet alpha",
     .help = "dirichlet partitioning: small values give each worker few classes (non-IID).",
     .usedBy = "cluster aggregation inversion federated", .shownWhen = "cluster.partition=dirichlet",
     .slot = SLOT(cluster.dirichletAlpha)},
    {.path = "cluster.shards_per_worker", .type = T::Integer, .group = G::Partitioning,
     .advanced = true, .min = 1, .max = 1000, .label = "Shards per worker",
     .help = "shards partitioning: how many label-sorted shards each worker gets.",
     .usedBy = "cluster aggregation inversion federated", .shownWhen = "cluster.partition=shards",
     .slot = SLOT(cluster.shardsPerWorker)},
    {.path = "cluster.quantity_sigma", .type = T::Number, .group = G::Partitioning, .min = 0,
     .max = 10, .label = "Size spread",
     .help = "quantity-skew partitioning: how unequal the parts' sizes are (log-normal; 0: "
             "equal, 1: the largest often ten times the smallest).",
     .usedBy = "cluster aggregation inversion federated",
     .shownWhen = "cluster.partition=quantity-skew", .slot = SLOT(cluster.quantitySigma)},
    {.path = "cluster.eval_every", .type = T::Integer, .group = G::Synchronization, .min = 1,
     .max = 10'000'000, .unit = "updates", .label = "Evaluate every",
     .help = "Test the global model after this many server updates.",
     .usedBy = "cluster aggregation inversion", .slot = SLOT(cluster.evalEvery)},
    {.path = "cluster.slowdown", .type = T::NumberList, .group = G::Heterogeneity, .min = 1,
     .max = 1000, .maxItems = kMaxWorkers, .label = "Slowdown per worker",
     .help = "A straggler: e.g. 3, 1, 1, 1 makes worker 0 compute three times slower (empty: "
             "none).",
     .usedBy = "cluster aggregation inversion", .slot = SLOT(cluster.slowdown)},
    {.path = "cluster.bandwidth_mbps", .type = T::NumberList, .group = G::Heterogeneity, .min = 0,
     .max = 1e6, .maxItems = kMaxWorkers, .unit = "Mbit/s",
     .label = "Bandwidth per worker",
     .help = "A slow link: e.g. 100, 0, 0, 0 caps worker 0's link (0 or empty: no cap).",
     .usedBy = "cluster aggregation inversion", .slot = SLOT(cluster.bandwidthMbps)},
    {.path = "cluster.encoder", .type = T::Choice, .group = G::Network,
     .choices = updateEncoderNames, .label = "Update encoding",
     .help = "How a worker's update travels to the server: float32 as computed (4 bytes a "
             "value), fp16 (2 bytes), int8 (1 byte and a scale), topk (only the largest values, "
             "with their indices), randk (values at random, unbiased), qsgd (a few random "
             "levels a value, unbiased) or sign (1 bit a value and a scale); fewer bytes on the "
             "wire for a less exact update.",
     .usedBy = "cluster aggregation inversion federated", .slot = SLOT(cluster.encoder)},
    {.path = "cluster.compress_ratio", .type = T::Number, .group = G::Network, .min = 0,
     .max = 1, .minExclusive = true, .label = "Share of values sent",
     .help = "topk, randk: the share of the update's values a push carries, e.g. 0.01.",
     .usedBy = "cluster aggregation inversion federated", .shownWhen = "cluster.encoder=topk|randk",
     .slot = SLOT(cluster.compressRatio)},
    {.path = "cluster.qsgd_levels", .type = T::Integer, .group = G::Network, .min = 1,
     .max = 127, .label = "QSGD levels",
     .help = "qsgd: levels per sign; each value takes ceil(log2(2s + 1)) bits.",
     .usedBy = "cluster aggregation inversion federated", .shownWhen = "cluster.encoder=qsgd",
     .slot = SLOT(cluster.qsgdLevels)},
    {.path = "cluster.error_feedback", .type = T::Boolean, .group = G::Network,
     .label = "Error feedback",
     .help = "Each worker adds what its encoder left out of its last pushes to the next one, "
             "so a biased encoder (topk, sign) loses nothing for good (in federated rounds, "
             "each client its own).",
     .usedBy = "cluster aggregation inversion federated",
     .shownWhen = "cluster.encoder=fp16|int8|topk|randk|qsgd|sign",
     .slot = SLOT(cluster.errorFeedback)},
    {.path = "cluster.sweep_ratios", .type = T::NumberList, .group = G::Network, .min = 0,
     .max = 1, .minExclusive = true, .maxItems = 8, .label = "Top-k shares to compare",
     .help = "The lesson also runs top-k with error feedback at each of these shares of the "
             "values, e.g. 0.1, 0.001: points along the bytes-accuracy front.",
     .usedBy = "compression", .slot = SLOT(cluster.sweepRatios)},
    {.path = "cluster.transport", .type = T::Choice, .group = G::Network, .advanced = true,
     .choices = CHOICES("shared-memory", "tcp"), .label = "Transport on this machine",
     .help = "How parameters and updates reach a worker on this machine: shared-memory sends "
             "each frame's fields over TCP and leaves its floats in memory both processes map "
             "(fewer copies, as MPI and NCCL do between local processes); tcp sends every byte "
             "through the socket. Workers on other machines always use TCP. The traffic view "
             "counts the same bytes either way.",
     .usedBy = "cluster aggregation inversion", .slot = SLOT(cluster.transport)},
    {.path = "cluster.bind", .type = T::Text, .group = G::Network, .advanced = true,
     .maxItems = 255, .label = "Listen address",
     .help = "The address the coordinator listens on: 127.0.0.1 for this machine only, 0.0.0.0 "
             "for workers on other machines.",
     .usedBy = "cluster", .slot = SLOT(cluster.bind)},
    {.path = "cluster.port", .type = T::Integer, .group = G::Network, .advanced = true, .min = 0,
     .max = 65535, .label = "Port", .help = "The port the coordinator listens on (0: any free port).",
     .usedBy = "cluster", .minMeans = "any", .slot = SLOT(cluster.port)},
    {.path = "cluster.launch_workers", .type = T::Boolean, .group = G::Network,
     .advanced = true, .label = "Start the workers",
     .help = "Start the worker processes here; off: wait for workers started by hand on other "
             "machines.",
     .usedBy = "cluster", .slot = SLOT(cluster.launchWorkers)},
    {.path = "cluster.restarts", .type = T::Integer, .group = G::Network, .advanced = true,
     .min = 0, .max = 100, .label = "Restarts per worker",
     .help = "How many times a lost worker process is started again; it rejoins at the "
             "current step. 0: its remaining data share goes untrained, and the run says how "
             "many examples that was.",
     .usedBy = "cluster", .slot = SLOT(cluster.restarts)},
    {.path = "cluster.checkpoint_every", .type = T::Integer, .group = G::Network,
     .advanced = true, .min = 0, .max = 1000000000, .unit = "updates", .label = "Checkpoint every",
     .help = "Server updates between checkpoints of the run (checkpoint.bin in the run folder): "
             "`distlab-engine run --resume RUN` continues from the last one after a crash. "
             "0: no checkpoints.",
     .usedBy = "cluster", .minMeans = "never", .slot = SLOT(cluster.checkpointEvery)},
    {.path = "cluster.join_timeout_s", .type = T::Integer, .group = G::Network, .advanced = true,
     .min = 1, .max = 86400, .unit = "s", .label = "Join timeout",
     .help = "How long the coordinator waits for every worker to join.", .usedBy = "cluster",
     .slot = SLOT(cluster.joinTimeoutS)},
    {.path = "cluster.heartbeat_ms", .type = T::Integer, .group = G::Network, .advanced = true,
     .min = 10, .max = 60000, .unit = "ms", .label = "Heartbeat",
     .help = "How often a worker says it is alive.", .usedBy = "cluster",
     .slot = SLOT(cluster.heartbeatMs)},
    {.path = "cluster.peer_timeout_ms", .type = T::Integer, .group = G::Network,
     .advanced = true, .min = 100, .max = 3'600'000, .unit = "ms", .label = "Peer timeout",
     .help = "Silence after which a worker counts as dead.", .usedBy = "cluster",
     .slot = SLOT(cluster.peerTimeoutMs)},
    {.path = "cluster.handshake_timeout_ms", .type = T::Integer, .group = G::Network,
     .advanced = true, .min = 100, .max = 600'000, .unit = "ms", .label = "Handshake timeout",
     .help = "The time a new connection has to prove it knows the run's token.",
     .usedBy = "cluster", .slot = SLOT(cluster.handshakeTimeoutMs)},

};

// After the privacy section (spec_schema_privacy.cpp), in the order the spec is written.
const SpecField kModelParallelFields[] = {
    {.path = "model_parallel.mode", .type = T::Choice, .group = G::ModelPartitioning,
     .choices = partitionModeNames, .label = "Partitioning",
     .help = "How the network is split over processes: pipeline gives each stage consecutive "
             "layers (by layers) and stages pass activations forward and errors back; tensor "
             "gives each shard a block of every layer's neurons (within layers) and shards "
             "gather each layer's outputs and sum its input errors; skeleton gives each worker "
             "a sub-network (a skeleton of important neurons plus random ones) to train, and "
             "merges them.",
     .usedBy = "model_parallel", .slot = SLOT(modelParallel.mode)},
    {.path = "model_parallel.stages", .type = T::Integer, .group = G::ModelPartitioning, .min = 2,
     .max = 16, .unit = "processes", .label = "Stages",
     .help = "Stage processes, each owning consecutive layers of the network.",
     .usedBy = "model_parallel", .shownWhen = "model_parallel.mode=pipeline",
     .slot = SLOT(modelParallel.stages)},
    {.path = "model_parallel.shards", .type = T::Integer, .group = G::ModelPartitioning, .min = 2,
     .max = 16, .unit = "processes", .label = "Shards",
     .help = "tensor: processes, each holding a block of every layer's neurons (channels); "
             "skeleton: workers, each training a sub-network on its share of the data.",
     .usedBy = "model_parallel", .shownWhen = "model_parallel.mode=tensor|skeleton",
     .slot = SLOT(modelParallel.shards)},
    {.path = "model_parallel.skeleton_fraction", .type = T::Number, .group = G::ModelPartitioning,
     .min = 0, .max = 1, .minExclusive = true, .label = "Skeleton share",
     .help = "skeleton: share of each hidden layer's neurons in the skeleton every worker trains "
             "(the most important: the largest incoming times outgoing weights).",
     .usedBy = "model_parallel", .shownWhen = "model_parallel.mode=skeleton",
     .slot = SLOT(modelParallel.skeletonFraction)},
    {.path = "model_parallel.skeleton_extra", .type = T::Number, .group = G::ModelPartitioning,
     .min = 0, .max = 1, .label = "Random share",
     .help = "skeleton: share of the other neurons each worker adds to the skeleton, drawn at "
             "random for each worker (1: the whole network, which is model averaging).",
     .usedBy = "model_parallel", .shownWhen = "model_parallel.mode=skeleton",
     .slot = SLOT(modelParallel.skeletonExtra)},
    {.path = "model_parallel.reselect_every", .type = T::Integer, .group = G::ModelPartitioning,
     .min = 1, .max = 1'000'000, .unit = "rounds", .label = "Reselect every",
     .help = "skeleton: rounds between two choices of the skeleton and the sub-networks.",
     .usedBy = "model_parallel", .shownWhen = "model_parallel.mode=skeleton",
     .slot = SLOT(modelParallel.reselectEvery)},
    {.path = "model_parallel.boundaries", .type = T::IntegerList,
     .group = G::ModelPartitioning, .advanced = true, .min = 1, .max = 1000, .maxItems = 15,
     .label = "Stage boundaries",
     .help = "The first layer of each stage after the first, e.g. 2, 4 (empty: balanced by "
             "estimated cost).",
     .usedBy = "model_parallel", .shownWhen = "model_parallel.mode=pipeline",
     .slot = SLOT(modelParallel.boundaries)},
    {.path = "model_parallel.balance", .type = T::Choice, .group = G::ModelPartitioning,
     .advanced = true, .choices = CHOICES("layers", "neurons"), .label = "Balance",
     .help = "layers: each stage owns whole layers; neurons: the stages' estimated work is made "
             "even by cutting a Dense layer between two stages by its output neurons (the stage "
             "before sends the layer's input beside its neurons' outputs).",
     .usedBy = "model_parallel", .shownWhen = "model_parallel.mode=pipeline",
     .slot = SLOT(modelParallel.balance)},
    {.path = "model_parallel.micro_batches", .type = T::Integer, .group = G::ModelPartitioning,
     .min = 1, .max = 1024, .label = "Micro-batches",
     .help = "A batch is cut into this many micro-batches so the stages can work at once; the "
             "gradients are summed and one update is made per batch.",
     .usedBy = "model_parallel", .shownWhen = "model_parallel.mode=pipeline",
     .slot = SLOT(modelParallel.microBatches)},
    {.path = "model_parallel.schedule", .type = T::Choice, .group = G::ModelPartitioning,
     .choices = CHOICES("gpipe", "1f1b"), .label = "Schedule",
     .help = "gpipe: every micro-batch forward, then every one backward; 1f1b: one forward, one "
             "backward once the pipeline is full, which holds fewer activations.",
     .usedBy = "model_parallel", .shownWhen = "model_parallel.mode=pipeline",
     .slot = SLOT(modelParallel.schedule)},
    {.path = "model_parallel.weight_gradients", .type = T::Choice,
     .group = G::ModelPartitioning, .advanced = true, .choices = CHOICES("each", "grouped"),
     .label = "Weight gradients",
     .help = "each: a stage computes a micro-batch's weight gradients in its backward pass, as "
             "in GPipe and 1F1B; grouped: it sends the errors on first and computes the weight "
             "gradients of several micro-batches later in one product (zero-bubble pipelines): "
             "faster, and the idle share falls below (p-1)/(m+p-1).",
     .usedBy = "model_parallel", .shownWhen = "model_parallel.mode=pipeline",
     .slot = SLOT(modelParallel.weightGradients)},
    {.path = "model_parallel.steps", .type = T::Integer, .group = G::ModelPartitioning,
     .min = 0, .max = 100'000'000, .unit = "updates", .label = "Updates",
     .help = "Updates in all (0: training.epochs passes over the training set).",
     .usedBy = "model_parallel", .minMeans = "epochs", .slot = SLOT(modelParallel.steps)},
    {.path = "model_parallel.eval_every", .type = T::Integer, .group = G::ModelPartitioning,
     .min = 1, .max = 10'000'000, .unit = "updates", .label = "Evaluate every",
     .help = "Test the model assembled from the stages after this many updates.",
     .usedBy = "model_parallel", .slot = SLOT(modelParallel.evalEvery)},
    {.path = "model_parallel.sweep_stages", .type = T::IntegerList,
     .group = G::ModelPartitioning, .advanced = true, .min = 2, .max = 16, .maxItems = 8,
     .label = "Bubble study: stages",
     .help = "The stage counts the bubble study measures after training.",
     .usedBy = "model_parallel", .shownWhen = "model_parallel.mode=pipeline",
     .slot = SLOT(modelParallel.sweepStages)},
    {.path = "model_parallel.sweep_micro_batches", .type = T::IntegerList,
     .group = G::ModelPartitioning, .advanced = true, .min = 1, .max = 1024, .maxItems = 12,
     .label = "Bubble study: micro-batches",
     .help = "The micro-batch counts the bubble study measures for each stage count.",
     .usedBy = "model_parallel", .shownWhen = "model_parallel.mode=pipeline",
     .slot = SLOT(modelParallel.sweepMicroBatches)},
    {.path = "model_parallel.sweep_steps", .type = T::Integer, .group = G::ModelPartitioning,
     .min = 0, .max = 1000, .unit = "updates", .label = "Bubble study: updates",
     .help = "Updates per pair of the bubble study, which measures the idle share of every "
             "stage beside the theory (p-1)/(m+p-1) (0: no study).",
     .usedBy = "model_parallel", .minMeans = "none", .shownWhen = "model_parallel.mode=pipeline",
     .slot = SLOT(modelParallel.sweepSteps)},
};


}  // namespace

std::span<const SpecField> specSchema() {
  // The sections' tables one after the other, in the order the spec is written.
  static const std::vector<SpecField> all = [] {
    std::vector<SpecField> fields(std::begin(kFields), std::end(kFields));
    for (const auto part : {privacySpecFields(), std::span<const SpecField>(kModelParallelFields),
                            federatedSpecFields(), securitySpecFields()})
      fields.insert(fields.end(), part.begin(), part.end());
    return fields;
  }();
  return all;
}

const SpecField* findSpecField(std::string_view path) {
  for (const auto& f : specSchema()) {
    if (f.path == path) return &f;
  }
  return nullptr;
}

std::vector<std::string> specSections() {
  std::vector<std::string> sections;
  for (const auto& f : specSchema()) {
    const auto dot = f.path.find('.');
    if (dot == std::string_view::npos) continue;
    const std::string section(f.path.substr(0, dot));
    if (sections.empty() || sections.back() != section) sections.push_back(section);
  }
  return sections;
}

const char* fieldGroupName(FieldGroup group) {
  static constexpr const char* kNames[kFieldGroupCount] = {
      "general",         "dataset",     "model",         "training", "partitioning",
      "synchronization", "aggregation", "heterogeneity", "network",  "privacy",
      "model_partitioning", "federated",   "security"};
  const auto i = static_cast<std::size_t>(group);
  return i < std::size(kNames) ? kNames[i] : "unknown";
}

}  // namespace distlab::engine
