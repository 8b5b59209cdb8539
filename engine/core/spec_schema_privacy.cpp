// The schema's rows of the privacy section (lessons 7 and 8c): see spec_schema.cpp.
#include "core/spec_schema_rows.h"
#include "core/strategy_names.h"

namespace distlab::engine {
namespace {

using T = FieldType;
using G = FieldGroup;

const SpecField kPrivacyFields[] = {
    {.path = "privacy.attack", .type = T::Choice, .group = G::Privacy, .advanced = true,
     .choices = attackNames, .label = "Attack",
     .help = "How the server rebuilds the images from a gradient: dlg fits dummy images and "
             "labels, idlg reads the label first, analytic inverts a first dense layer exactly.",
     .usedBy = "inversion", .slot = SLOT(privacy.attack)},
    {.path = "privacy.defense", .type = T::Choice, .group = G::Privacy, .advanced = true,
     .choices = defenseNames, .label = "Defense",
     .help = "What the worker does to its gradient before sharing it: noise, topk (prune the "
             "smallest), fp16 or int8 (round), dp (clip each example and add noise), "
             "local-steps (share a model after several steps).",
     .usedBy = "cluster inversion", .slot = SLOT(privacy.defense)},
    {.path = "privacy.defense_strength", .type = T::Number, .group = G::Privacy,
     .advanced = true, .min = 0, .max = 100, .label = "Defense strength",
     .help = "noise: its standard deviation; topk: the share pruned; dp: the noise multiplier; "
             "local-steps: the steps.",
     .usedBy = "cluster inversion", .slot = SLOT(privacy.defenseStrength)},
    {.path = "privacy.clip_norm", .type = T::Number, .group = G::Privacy, .advanced = true,
     .min = 0, .max = 1e6, .minExclusive = true, .label = "Clip norm",
     .help = "dp: each example's gradient is clipped to this L2 norm.", .usedBy = "inversion",
     .slot = SLOT(privacy.clipNorm)},
    {.path = "privacy.images", .type = T::IntegerList, .group = G::Privacy, .advanced = true,
     .min = 0, .max = 10'000'000, .maxItems = 8, .label = "Attacked images",
     .help = "Test-set indices of the private images, attacked together as one batch (1 to 8).",
     .usedBy = "inversion", .slot = SLOT(privacy.images)},
    {.path = "privacy.iterations", .type = T::Integer, .group = G::Privacy, .advanced = true,
     .min = 1, .max = 100000, .label = "Attack iterations",
     .help = "The attack's optimizer iterations per start.", .usedBy = "inversion",
     .slot = SLOT(privacy.iterations)},
    {.path = "privacy.distance", .type = T::Choice, .group = G::Privacy, .advanced = true,
     .choices = CHOICES("l2", "cosine"), .label = "Gradient distance",
     .help = "How the attack compares its dummy gradient with the shared one.",
     .usedBy = "inversion", .slot = SLOT(privacy.distance)},
    {.path = "privacy.optimizer", .type = T::Choice, .group = G::Privacy, .advanced = true,
     .choices = CHOICES("lbfgs", "adam"), .label = "Attack optimizer",
     .help = "How the attack fits its dummy images: lbfgs (as in the DLG paper) or adam.",
     .usedBy = "inversion", .slot = SLOT(privacy.optimizer)},
    {.path = "privacy.learning_rate", .type = T::Number, .group = G::Privacy, .advanced = true,
     .min = 0, .max = 100, .minExclusive = true, .label = "Attack step size",
     .help = "adam: the attack's step size.", .usedBy = "inversion",
     .slot = SLOT(privacy.learningRate)},
    {.path = "privacy.tv_weight", .type = T::Number, .group = G::Privacy, .advanced = true,
     .min = 0, .max = 1e6, .label = "Smoothness prior",
     .help = "The weight of a total-variation prior that favours smooth images (0: none).",
     .usedBy = "inversion", .slot = SLOT(privacy.tvWeight)},
    {.path = "privacy.restarts", .type = T::Integer, .group = G::Privacy, .advanced = true,
     .min = 1, .max = 100, .label = "Attack restarts",
     .help = "Independent starts of the attack; the best match wins.", .usedBy = "inversion",
     .slot = SLOT(privacy.restarts)},
    {.path = "privacy.sweep_strengths", .type = T::NumberList, .group = G::Privacy,
     .advanced = true, .min = 0, .max = 100, .maxItems = 32, .label = "Strengths to compare",
     .help = "The privacy-utility chart: the defense strengths tried after none, e.g. 0.001, "
             "0.01, 0.1.",
     .usedBy = "inversion property", .slot = SLOT(privacy.sweepStrengths)},
    {.path = "privacy.utility_training", .type = T::Choice, .group = G::Privacy,
     .advanced = true, .choices = CHOICES("in-process", "cluster"), .label = "Utility measured",
     .help = "Where the defended model is trained for the privacy-utility chart: in-process "
             "(fast) or on a real cluster of this spec, every worker defending its pushes.",
     .usedBy = "inversion", .slot = SLOT(privacy.utilityTraining)},
    {.path = "privacy.secure_aggregation", .type = T::Boolean, .group = G::Privacy,
     .label = "Secure aggregation",
     .help = "Updates are masked with pairwise secrets (X25519) that cancel in the round's sum: "
             "the server learns only the aggregate. Survives workers or clients that drop out "
             "after sharing their keys: the survivors rebuild their mask keys from Shamir shares "
             "(Bonawitz et al.). Cluster: bsp or local-sgd.",
     .usedBy = "cluster inversion federated", .slot = SLOT(privacy.secureAggregation)},
    {.path = "privacy.secagg_threshold", .type = T::Number, .group = G::Privacy,
     .advanced = true, .min = 0.5, .max = 1, .label = "Secure aggregation threshold",
     .help = "The share of the workers (cluster) or of a round's clients (federated) that must "
             "survive to rebuild the dropped ones' mask keys; fewer and nothing is unmasked.",
     .usedBy = "cluster inversion federated", .slot = SLOT(privacy.secaggThreshold)},
    {.path = "privacy.homomorphic", .type = T::Boolean, .group = G::Privacy,
     .label = "Homomorphic encryption",
     .help = "Each worker (cluster: bsp or local-sgd) or client (federated) encrypts its update "
             "with Paillier; the server multiplies the ciphertexts into the encrypted sum "
             "without reading any update, and worker 0, the key holder, decrypts only the sum. "
             "Slow: milliseconds a ciphertext, about 30 values a ciphertext at 2048 bits.",
     .usedBy = "cluster inversion federated", .slot = SLOT(privacy.homomorphic)},
    {.path = "privacy.paillier_bits", .type = T::Integer, .group = G::Privacy, .advanced = true,
     .min = 512, .max = 4096, .label = "Paillier key bits",
     .help = "homomorphic: the size of the key's modulus n (2048: about 112-bit security).",
     .usedBy = "cluster inversion federated", .slot = SLOT(privacy.paillierBits)},
    {.path = "privacy.dp", .type = T::Choice, .group = G::Privacy,
     .choices = CHOICES("none", "central", "local"), .label = "Differential privacy",
     .help = "Every update (a worker's gradient push, a federated client's model change) is "
             "clipped, then the server adds Gaussian noise to the round's sum (central) or each "
             "worker or client to its own update (local); epsilon is reported as training goes.",
     .usedBy = "cluster federated", .slot = SLOT(privacy.dp)},
    {.path = "privacy.noise_multiplier", .type = T::Number, .group = G::Privacy,
     .advanced = true, .min = 0, .max = 100, .minExclusive = true, .label = "Noise multiplier",
     .help = "dp: the Gaussian noise's standard deviation over the clip norm.",
     .usedBy = "cluster federated", .slot = SLOT(privacy.noiseMultiplier)},
    {.path = "privacy.dp_clip", .type = T::Number, .group = G::Privacy, .advanced = true,
     .min = 0, .max = 1e6, .minExclusive = true, .label = "Update clip norm",
     .help = "dp: each worker's gradient push or client's update is clipped to this L2 norm.",
     .usedBy = "cluster federated", .slot = SLOT(privacy.dpClip)},
    {.path = "privacy.dp_delta", .type = T::Number, .group = G::Privacy, .advanced = true,
     .min = 0, .max = 0.1, .minExclusive = true, .label = "DP delta",
     .help = "dp: epsilon is reported at this delta.", .usedBy = "cluster federated",
     .slot = SLOT(privacy.dpDelta)},
    {.path = "privacy.capture_worker", .type = T::Integer, .group = G::Privacy, .advanced = true,
     .min = -1, .max = 1023, .label = "Capture worker",
     .help = "The server keeps this worker's push of the capture step for the attack (-1: "
             "none), as an honest-but-curious server would.",
     .usedBy = "cluster property", .minMeans = "none", .slot = SLOT(privacy.captureWorker)},
    {.path = "privacy.capture_step", .type = T::Integer, .group = G::Privacy, .advanced = true,
     .min = 0, .max = 100'000'000, .unit = "steps", .label = "Capture step",
     .help = "The step whose push is kept (the first, with more pushes kept).",
     .usedBy = "cluster property",
     .slot = SLOT(privacy.captureStep)},
    {.path = "privacy.capture_count", .type = T::Integer, .group = G::Privacy, .advanced = true,
     .min = 1, .max = 100'000, .unit = "pushes", .label = "Pushes kept",
     .help = "How many of the capture worker's pushes the server keeps, one a step from the "
             "capture step on (the property attack reads every one).",
     .usedBy = "cluster property", .slot = SLOT(privacy.captureCount)},
    {.path = "privacy.property_class", .type = T::Integer, .group = G::Privacy, .min = 0,
     .max = 999, .label = "Inferred property",
     .help = "The property the server infers from the victim's pushes: its batch contains an "
             "example of this class.",
     .usedBy = "property", .slot = SLOT(privacy.propertyClass)},
    {.path = "privacy.shadow_batches", .type = T::Integer, .group = G::Privacy, .advanced = true,
     .min = 2, .max = 1000, .unit = "batches", .label = "Shadow batches",
     .help = "Batches of its own data the server takes a gradient of at each captured round, "
             "half with the property and half without, to train its meta-classifier.",
     .usedBy = "property", .slot = SLOT(privacy.shadowBatches)},
    {.path = "privacy.capture_from", .type = T::Text, .group = G::Privacy, .advanced = true,
     .maxItems = 4096, .label = "Attack a capture",
     .help = "Attack the push captured in this folder instead of the test images.",
     .usedBy = "inversion", .slot = SLOT(privacy.captureFrom)},
};

}  // namespace

std::span<const SpecField> privacySpecFields() { return kPrivacyFields; }

}  // namespace distlab::engine
