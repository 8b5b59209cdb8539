// The schema's rows of the federated section (lesson 6): see spec_schema.cpp.
#include "core/spec_schema_rows.h"
#include "core/strategy_names.h"

namespace distlab::engine {
namespace {

using T = FieldType;
using G = FieldGroup;

const SpecField kFederatedFields[] = {
    {.path = "fl.clients", .type = T::Integer, .group = G::Federated, .min = 2, .max = kMaxClients,
     .unit = "clients", .label = "Clients",
     .help = "Simulated clients, each owning its share of the training data (split by "
             "cluster.partition); the worker processes host them.",
     .usedBy = "federated", .slot = SLOT(fl.clients)},
    {.path = "fl.fraction", .type = T::Number, .group = G::Federated, .min = 0, .max = 1,
     .minExclusive = true, .label = "Clients a round",
     .help = "The share of the clients sampled at random to train each round.",
     .usedBy = "federated", .shownWhen = "fl.per_round=0", .slot = SLOT(fl.fraction)},
    {.path = "fl.per_round", .type = T::Integer, .group = G::Federated, .min = 0, .max = 10000,
     .unit = "clients", .label = "Clients a round (count)",
     .help = "How many of the online clients are sampled each round, instead of a share of "
             "them (0: the share fl.fraction).",
     .usedBy = "federated", .minMeans = "use the share", .slot = SLOT(fl.perRound)},
    {.path = "fl.min_clients", .type = T::Integer, .group = G::Federated, .advanced = true,
     .min = 1, .max = 10000, .unit = "clients", .label = "At least",
     .help = "A round samples at least this many clients.", .usedBy = "federated",
     .slot = SLOT(fl.minClients)},
    {.path = "fl.rounds", .type = T::Integer, .group = G::Federated, .min = 1, .max = 100000,
     .unit = "rounds", .label = "Rounds", .help = "Rounds of sampling, local training and "
     "aggregation.", .usedBy = "federated", .slot = SLOT(fl.rounds)},
    {.path = "fl.local_steps", .type = T::Integer, .group = G::Federated, .min = 1,
     .max = 100000, .unit = "steps", .label = "Local steps",
     .help = "SGD steps a sampled client takes on its own data before it sends its model back.",
     .usedBy = "federated", .shownWhen = "fl.local_epochs=0", .slot = SLOT(fl.localSteps)},
    {.path = "fl.local_epochs", .type = T::Integer, .group = G::Federated, .min = 0, .max = 1000,
     .unit = "epochs", .label = "Local epochs",
     .help = "Passes over its own data a sampled client makes each round (McMahan's E), in "
             "batches of training.batch_size; 0: fl.local_steps steps instead.",
     .usedBy = "federated", .minMeans = "use local steps", .slot = SLOT(fl.localEpochs)},
    {.path = "fl.batch_sizes", .type = T::IntegerList, .group = G::Federated, .advanced = true,
     .min = 1, .max = 100000, .maxItems = 10000, .label = "Clients' batch sizes",
     .help = "Each client's own batch size, repeated over the clients (e.g. 10, 50: every other "
             "client takes batches of 50); empty: training.batch_size for every client.",
     .usedBy = "federated", .slot = SLOT(fl.batchSizes)},
    {.path = "fl.algorithm", .type = T::Choice, .group = G::Federated, .choices = clientRuleNames,
     .label = "Client rule",
     .help = "fedavg: plain local SGD; fedprox: plus mu/2 ||w - w_global||^2, which keeps a "
             "client near the global model; scaffold: each step corrected by control variates, "
             "which removes the drift of non-IID clients.",
     .usedBy = "federated", .slot = SLOT(fl.algorithm)},
    {.path = "fl.mu", .type = T::Number, .group = G::Federated, .min = 0, .max = 1000,
     .label = "Proximal weight mu", .help = "fedprox: the weight of the proximal term (0: FedAvg).",
     .usedBy = "federated", .shownWhen = "fl.algorithm=fedprox", .slot = SLOT(fl.mu)},
    {.path = "fl.server_optimizer", .type = T::Choice, .group = G::Federated,
     .choices = serverOptimizerNames, .label = "Server optimizer",
     .help = "How the server moves the global model by the clients' weighted mean update: "
             "fedavg (by it), fedavgm (with momentum), fedadagrad, fedadam, fedyogi (adaptive "
             "steps, Reddi et al.).",
     .usedBy = "federated", .slot = SLOT(fl.serverOptimizer)},
    {.path = "fl.server_lr", .type = T::Number, .group = G::Federated, .min = 0, .max = 100,
     .minExclusive = true, .label = "Server step",
     .help = "The server optimizer's step size (fedavg with 1: the weighted mean of the "
             "clients' models).",
     .usedBy = "federated", .slot = SLOT(fl.serverLr)},
    {.path = "fl.beta1", .type = T::Number, .group = G::Federated, .advanced = true, .min = 0,
     .max = 1, .label = "Server beta1",
     .help = "fedavgm's momentum; the adaptive optimizers' first-moment rate.",
     .usedBy = "federated", .shownWhen = "fl.server_optimizer=fedavgm|fedadam|fedyogi|fedadagrad",
     .slot = SLOT(fl.beta1)},
    {.path = "fl.beta2", .type = T::Number, .group = G::Federated, .advanced = true, .min = 0,
     .max = 1, .label = "Server beta2", .help = "fedadam and fedyogi: the second-moment rate.",
     .usedBy = "federated", .shownWhen = "fl.server_optimizer=fedadam|fedyogi",
     .slot = SLOT(fl.beta2)},
    {.path = "fl.tau", .type = T::Number, .group = G::Federated, .advanced = true, .min = 0,
     .max = 10, .minExclusive = true, .label = "Server tau",
     .help = "The adaptive optimizers' smallest denominator: larger is more cautious.",
     .usedBy = "federated", .shownWhen = "fl.server_optimizer=fedadagrad|fedadam|fedyogi",
     .slot = SLOT(fl.tau)},
    {.path = "fl.eval_every", .type = T::Integer, .group = G::Federated, .min = 1, .max = 100000,
     .unit = "rounds", .label = "Evaluate every",
     .help = "Test the global model after this many rounds.", .usedBy = "federated",
     .slot = SLOT(fl.evalEvery)},
    {.path = "fl.availability", .type = T::Number, .group = G::Federated, .min = 0, .max = 1,
     .minExclusive = true, .label = "Online chance",
     .help = "The chance that a client is online in a round; the server samples only online "
             "clients (1: always online).",
     .usedBy = "federated", .slot = SLOT(fl.availability)},
    {.path = "fl.dropout", .type = T::Number, .group = G::Federated, .min = 0, .max = 0.99,
     .label = "Drop-out chance",
     .help = "The chance that a sampled client goes offline in the middle of its round: its "
             "work is lost; it may be sampled again later.",
     .usedBy = "federated", .slot = SLOT(fl.dropout)},
    {.path = "fl.speed_sigma", .type = T::Number, .group = G::Federated, .min = 0, .max = 3,
     .label = "Speed spread",
     .help = "Clients' slowdowns are log-normal with this sigma around 1 (0: all equally "
             "fast); a client keeps its speed for the whole run.",
     .usedBy = "federated", .slot = SLOT(fl.speedSigma)},
    {.path = "fl.speeds", .type = T::NumberList, .group = G::Federated, .advanced = true,
     .min = 0.01, .max = 1000, .maxItems = 10000, .label = "Listed slowdowns",
     .help = "Each client's slowdown, repeated over the clients (e.g. 1, 1, 4: every third is "
             "four times slower); not empty: used instead of the speed spread.",
     .usedBy = "federated", .slot = SLOT(fl.speeds)},
    {.path = "fl.late", .type = T::Choice, .group = G::Federated,
     .choices = CHOICES("wait", "drop", "next"), .label = "Late clients",
     .help = "What a round does with clients slower than the deadline: wait for them; drop "
             "their updates; or use them in the next round (stale by one round).",
     .usedBy = "federated", .slot = SLOT(fl.late)},
    {.path = "fl.deadline", .type = T::Number, .group = G::Federated, .min = 0, .max = 1000,
     .minExclusive = true, .unit = "round times", .label = "Deadline",
     .help = "How long a round waits, in round times of a client of slowdown 1: a client with "
             "a larger slowdown is late.",
     .usedBy = "federated", .shownWhen = "fl.late=drop|next", .slot = SLOT(fl.deadline)},
    {.path = "fl.min_results", .type = T::Integer, .group = G::Federated, .advanced = true,
     .min = 1, .max = 10000, .unit = "updates", .label = "Fewest results",
     .help = "A round moves the global model only with at least this many client updates.",
     .usedBy = "federated", .slot = SLOT(fl.minResults)},
    {.path = "fl.too_few", .type = T::Choice, .group = G::Federated, .advanced = true,
     .choices = CHOICES("retry", "skip"), .label = "Too few results",
     .help = "A round with fewer results: retry samples other clients; skip leaves the model "
             "as it was and goes to the next round.",
     .usedBy = "federated", .slot = SLOT(fl.tooFew)},
    {.path = "fl.retries", .type = T::Integer, .group = G::Federated, .advanced = true, .min = 1,
     .max = 100, .label = "Retries",
     .help = "retry: how many new samples a round tries before it is skipped.",
     .usedBy = "federated", .shownWhen = "fl.too_few=retry", .slot = SLOT(fl.retries)},
    {.path = "fl.compare", .type = T::Boolean, .group = G::Federated,
     .label = "Compare the rules",
     .help = "After the run, the same rounds on the same seed and clients with the other client "
             "rules (fedavg, fedprox, scaffold) and with IID data (shuffle-split): their test "
             "accuracy round by round, overlaid in the Federated tab.",
     .usedBy = "federated", .slot = SLOT(fl.compare)},
    {.path = "fl.compare_privacy", .type = T::Boolean, .group = G::Federated,
     .label = "Compare the protections",
     .help = "After the run, the same rounds on the same seed and clients with each protection "
             "of the updates: none, local DP, central DP, secure aggregation, secure aggregation "
             "with central DP (privacy.noise_multiplier, privacy.dp_clip), and one round of "
             "Paillier encryption (privacy.paillier_bits): accuracy, epsilon, bytes, server time "
             "and what the server learns, in the Federated tab.",
     .usedBy = "federated", .slot = SLOT(fl.comparePrivacy)},
};

}  // namespace

std::span<const SpecField> federatedSpecFields() { return kFederatedFields; }

}  // namespace distlab::engine
