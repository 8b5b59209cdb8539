#include "core/spec_problems.h"

#include <array>
#include <sstream>
#include <stdexcept>

namespace distlab::engine {
namespace {

constexpr std::array kProblems = {
    // A value of the wrong kind (%2: its JSON type).
    SpecProblem{"not_an_object", "%1 has the wrong type (%2); expected an object"},
    SpecProblem{"not_an_integer", "%1 has the wrong type (%2); expected an integer"},
    SpecProblem{"not_a_non_negative_integer",
                "%1 has the wrong type (%2); expected a non-negative integer"},
    SpecProblem{"not_a_number", "%1 has the wrong type (%2); expected a number"},
    SpecProblem{"not_a_string", "%1 has the wrong type (%2); expected a string"},
    SpecProblem{"not_a_boolean", "%1 has the wrong type (%2); expected true or false"},
    SpecProblem{"not_a_choice", "%1 has the wrong type (%2); expected one of the strings %3"},
    SpecProblem{"not_an_integer_list",
                "%1 has the wrong type (%2); expected a list of integers from %3 to %4"},
    SpecProblem{"not_a_number_list",
                "%1 has the wrong type (%2); expected a list of numbers from %3 to %4"},
    SpecProblem{"not_a_pair", "%1 is not allowed; expected a list of two numbers [low, high]"},
    // A value out of its range or list.
    SpecProblem{"integer_out_of_range", "%1 is out of range; allowed: integers from %2 to %3"},
    SpecProblem{"negative", "%1 is out of range; allowed: integers >= 0"},
    SpecProblem{"number_out_of_range", "%1 is out of range; allowed: >= %2 and <= %3"},
    SpecProblem{"number_out_of_range_above", "%1 is out of range; allowed: > %2 and <= %3"},
    SpecProblem{"list_item_out_of_range", "%1 is out of range; allowed: numbers from %2 to %3"},
    SpecProblem{"not_allowed", "%1 is not allowed; allowed values: %2"},
    SpecProblem{"too_long", "is %1 bytes long; allowed: at most %2"},
    SpecProblem{"too_many_items", "has %1 items; allowed: at most %2"},
    SpecProblem{"unknown_key", "unknown key; allowed keys: %1"},
    SpecProblem{"unknown_key_guess", "unknown key; allowed keys: %1; did you mean %2?"},
    // Fields that do not go together.
    SpecProblem{"per_worker_count",
                "has %1 entries; allowed: none (all workers alike) or one per worker (%2)"},
    SpecProblem{"lenet5_needs_images",
                "\"lenet5\" needs an image data set (fashion-mnist, mnist or cifar10); "
                "dataset.name is \"%1\""},
    SpecProblem{"loss_needs_labels",
                "\"%1\" needs class labels; the height-weight data set is a regression, "
                "allowed: mse"},
    SpecProblem{"init_range_order", "low must be below high; got [%1, %2]"},
    SpecProblem{"init_range_too_wide",
                "[%1, %2] overflows the first forward pass; allowed: bounds from -%3 to %3"},
    SpecProblem{"capture_worker_out_of_range",
                "%1 is not a worker; allowed: -1 (none) to %2"},
    SpecProblem{"bind_not_an_address",
                "\"%1\" is not an IP address; allowed: an IPv4 or IPv6 address, e.g. 127.0.0.1 "
                "or 0.0.0.0"},
    SpecProblem{"krum_select_too_many",
                "%1 picks; allowed: 0 (n - f) to %2, the pushes a round minus the attackers "
                "assumed"},
    SpecProblem{"too_few_samples",
                "%1 is too few; allowed: 0 (default) or at least 2 per class (%2)"},
    SpecProblem{"defense_too_strong",
                "%1 is too strong for %2; allowed: 0 to below %3 (topk would prune everything)"},
    SpecProblem{"defense_needs_examples",
                "\"%1\" needs each example's gradient; in a cluster run allowed: none, noise, "
                "topk, fp16, int8"},
    SpecProblem{"defense_needs_gradients", "defends gradient pushes; cluster.sync \"%1\" pushes models"},
    SpecProblem{"secure_needs_rounds",
                "masks cancel only in the sum of a whole round; allowed with a cluster.sync that "
                "gathers rounds: bsp or local-sgd (is \"%1\")"},
    SpecProblem{"secure_needs_sum",
                "the server sees only the round's sum; cluster.model_aggregation \"%1\" needs "
                "each model (allowed: average)"},
    SpecProblem{"secure_needs_workers", "needs at least 2 cluster.workers"},
    SpecProblem{"secure_needs_exact_words",
                "\"%1\" changes the values; secure aggregation's masks cancel only in the exact "
                "words, allowed: float32"},
    SpecProblem{"secure_needs_cluster",
                "masks a cluster run's pushes; allowed with experiment cluster, federated or "
                "property (or inversion, for its cluster-trained privacy-utility runs), not "
                "\"%1\""},
    SpecProblem{"secure_needs_sum_only",
                "the server sees only the round's sum; %1 needs each client's update (allowed "
                "with secure aggregation: fl.algorithm fedavg or fedprox, fl.late wait or drop, "
                "security.aggregator mean)"},
    SpecProblem{"one_protection_of_the_sum",
                "and privacy.secure_aggregation both hide the updates; allowed: one of them"},
    SpecProblem{"he_needs_even_bits", "%1 is not allowed; allowed: an even number of bits"},
    SpecProblem{"restarts_need_launch",
                "only workers the coordinator starts can be started again; allowed with "
                "cluster.launch_workers false: 0"},
    SpecProblem{"checkpoint_needs_cluster",
                "checkpoints continue a cluster run; allowed with experiment cluster, not "
                "\"%1\" (allowed otherwise: 0)"},
    SpecProblem{"checkpoint_not_secure",
                "the keys of a secure or homomorphic run live only in its processes, so a "
                "checkpoint could not continue it; allowed with privacy.secure_aggregation or "
                "privacy.homomorphic: 0"},
    SpecProblem{"restarts_not_secure",
                "a dropped-out worker of a secure-aggregation run cannot return (its mask key "
                "is rebuilt by the others); allowed with privacy.secure_aggregation: 0"},
    SpecProblem{"needs_parameter_server",
                "needs a parameter server, and cluster.sync \"allreduce\" has none (allowed "
                "with it: %1)"},
    SpecProblem{"allreduce_needs_cluster",
                "only experiment \"cluster\" trains without a server; allowed with experiment "
                "\"%1\": bsp, asp, ssp, local-sgd"},
    SpecProblem{"he_needs_rounds",
                "the key holder decrypts only the sum of a whole round; allowed with a "
                "cluster.sync that gathers rounds: bsp or local-sgd (is \"%1\")"},
    SpecProblem{"he_is_the_encoding",
                "\"%1\" re-encodes the update, but an encrypted push is its own encoding; "
                "allowed with privacy.homomorphic: float32"},
    SpecProblem{"he_hides_pushes",
                "the server cannot read an encrypted push, so there is nothing to capture; "
                "allowed with privacy.homomorphic: -1"},
    SpecProblem{"dp_needs_gradients",
                "clips each worker's gradient push; cluster.sync \"%1\" pushes models (allowed: "
                "bsp, asp, ssp)"},
    SpecProblem{"dp_central_needs_rounds",
                "central: the server adds noise to a round's sum; cluster.sync \"%1\" applies "
                "each push on arrival (allowed: bsp; local DP works with any gradient sync)"},
    SpecProblem{"encoder_no_controls",
                "\"%1\" encodes a client's update only, and SCAFFOLD's control variates would "
                "travel whole (allowed with fl.algorithm scaffold: float32)"},
    SpecProblem{"dp_needs_mean",
                "clips every update and averages them; security.aggregator \"%1\" combines "
                "them otherwise (allowed with privacy.dp: mean)"},
    SpecProblem{"feedback_needs_lossy",
                "\"%1\" loses nothing to feed back; allowed with a cluster.encoder that changes "
                "the values: fp16, int8, topk, randk, qsgd, sign"},
    SpecProblem{"feedback_needs_gradients",
                "feeds back what a gradient push left out; cluster.sync \"%1\" pushes models "
                "(allowed: bsp, asp, ssp)"},
    SpecProblem{"capture_needs_gradients",
                "local SGD pushes models, not gradients; the attack needs a cluster.sync that "
                "pushes gradients: bsp, asp or ssp"},
    SpecProblem{"members_need_local_sgd",
                "\"%1\" combines whole models; it needs cluster.sync \"local-sgd\" (is \"%2\")"},
    SpecProblem{"ensemble_needs_classes",
                "ensembles average class probabilities; the height-weight data set is a "
                "regression, allowed: average"},
    SpecProblem{"timeout_too_short",
                "%1 would declare live workers dead; allowed: more than cluster.heartbeat_ms (%2)"},
    SpecProblem{"partition_needs_labels",
                "\"%1\" splits by class label; the height-weight data set has none, allowed: "
                "shuffle-split, with-replacement"},
    // Poisoning and robust aggregation (lesson 8).
    SpecProblem{"attack_needs_attackers",
                "is empty; the attack \"%1\" needs at least one malicious worker rank"},
    SpecProblem{"attacker_rank_out_of_range",
                "names %1; allowed: 0 to %2 (worker ranks; in a federated run, client ids)"},
    SpecProblem{"attacker_repeated", "names worker %1 twice; allowed: each rank once"},
    SpecProblem{"attackers_not_minority",
                "%1 of %2 workers are malicious; allowed: fewer than half (no rule survives a "
                "malicious majority)"},
    SpecProblem{"attack_needs_labels",
                "\"%1\" changes class labels; the height-weight data set is a regression"},
    SpecProblem{"attack_needs_gradients",
                "\"%1\" estimates the honest gradient; it needs a cluster.sync that pushes "
                "gradients: bsp, asp or ssp (is \"%2\")"},
    SpecProblem{"backdoor_target_out_of_range",
                "%1 is not a class of the data set; allowed: 0 to %2"},
    SpecProblem{"robust_needs_rounds",
                "\"%1\" compares a whole round's pushes; allowed with a cluster.sync that "
                "gathers rounds: bsp or local-sgd (is \"%2\")"},
    SpecProblem{"robust_needs_each_push",
                "\"%1\" must see each push; with privacy.secure_aggregation the server sees only "
                "their sum (allowed: mean)"},
    SpecProblem{"robust_needs_average",
                "\"%1\" combines pushes into one model; cluster.model_aggregation \"%2\" keeps "
                "each (allowed: average)"},
    SpecProblem{"robust_needs_workers",
                "\"%1\" with f = %2 needs at least %3 pushes a round; a round has %4 "
                "(cluster.workers, or a federated round's sampled clients)"},
    // What a lesson's experiment can run.
    SpecProblem{"not_the_lessons_data",
                "\"%1\" is not the lesson's data; experiment \"%2\" allows: %3"},
    SpecProblem{"clients_fewer_than_workers",
                "%1 clients cannot fill %2 worker processes; allowed: at least %2 clients"},
    SpecProblem{"min_clients_exceed_clients",
                "a round cannot take %1 of %2 clients; allowed: at most %2"},
    SpecProblem{"min_results_exceed_clients",
                "a round cannot get %1 results from %2 clients; allowed: at most %2"},
    SpecProblem{"stages_exceed_layers",
                "%1 stages need at least %1 layers; the %2 network has %3"},
    SpecProblem{"micro_batches_exceed_batch",
                "%1 micro-batches need at least %1 examples a batch; training.batch_size is %2"},
    SpecProblem{"boundaries_count",
                "names the first layer of each stage after the first: %1 numbers for %2 stages, "
                "%3 given (empty: balanced by cost)"},
    SpecProblem{"skeleton_needs_mlp",
                "\"%1\" has no hidden layer of neurons to choose from; the skeleton partition "
                "needs an mlp"},
    SpecProblem{"shards_exceed_neurons",
                "%1 shards are more than the %2 neurons of the network's narrowest layer"},
    SpecProblem{"balance_with_boundaries",
                "neurons balances the stages by cost; allowed with it: model_parallel.boundaries "
                "empty"},
    SpecProblem{"boundaries_order",
                "%1 must rise and stay below %2, the network's layer count"},
    SpecProblem{"not_the_lessons_model",
                "\"%1\" is not the lesson's model; experiment \"%2\" allows: %3"},
    SpecProblem{"averaging_partition",
                "\"%1\" is not allowed with experiment \"averaging\"; allowed: shuffle-split "
                "(people in their order), shards (sorted by height)"},
    SpecProblem{"capacities_do_not_split",
                "%1 people cannot be split %2 ways in these proportions"},
    SpecProblem{"more_parts_than_rows",
                "%1 parts of %2 training rows would leave some without data; allowed: at most "
                "%3 (or more rows: dataset.samples, dataset.train_limit)"},
    SpecProblem{"more_clients_than_people",
                "%1 clients for %2 people; allowed: at most %2, each client holds someone"},
    SpecProblem{"not_attacked_yet",
                "\"%1\" is not attacked yet; experiment \"inversion\" allows: mlp, lenet5"},
    SpecProblem{"attack_needs_classes", "gradient inversion needs a classification data set"},
    SpecProblem{"no_image", "no image to attack; allowed: 1 to 8 test-set indices"},
    SpecProblem{"image_past_data", "%1 is past the data set's %2 images"},
    SpecProblem{"capture_batch_too_large",
                "the captured push holds %1 examples; %2 rebuilds at most %3 (capture a run with "
                "training.batch_size <= %3, or use privacy.attack analytic)"},
    SpecProblem{"capture_model_mismatch",
                "the capture holds %1 parameters; the spec's model has %2"},
    SpecProblem{"lenet5_needs_28x28", "the attack's lenet5 takes 28x28 images"},
    SpecProblem{"defense_mlp_only", "%1 is implemented for the MLP only"},
    SpecProblem{"property_needs_victim",
                "names no worker of the run; the property attack needs a victim, allowed: 0 to %1"},
    SpecProblem{"property_needs_rounds",
                "%1 rounds are too few to score the attack; allowed: at least %2"},
    SpecProblem{"property_needs_bsp",
                "the lesson compares with secure aggregation, whose round sums need cluster.sync "
                "\"bsp\" (is \"%1\")"},
    SpecProblem{"property_needs_plain_training",
                "the server's shadow gradients are plain cross-entropy gradients; allowed: "
                "training.loss cross-entropy and adversarial.training none"},
    SpecProblem{"property_needs_plain_sgd",
                "the server reads a round's sum from its step; allowed: training.optimizer sgd "
                "with no momentum and no weight decay"},
    SpecProblem{"sweep_needs_strengths",
                "name a defense (privacy.defense) and the strengths to try "
                "(privacy.sweep_strengths, e.g. [0.001, 0.01, 0.1])"},
};

}  // namespace

std::span<const SpecProblem> specProblems() { return kProblems; }

std::string_view specProblemText(std::string_view code) {
  for (const auto& p : kProblems) {
    if (p.code == code) return p.text;
  }
  return {};
}

std::string formatSpecNumber(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

std::string fillPlaceholders(std::string_view text, const std::vector<std::string>& args) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // %1 ... %9 (Qt's QString::arg reads them the same way; no sentence has ten values).
    if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      const auto n = static_cast<std::size_t>(text[i + 1] - '1');
      if (n < args.size()) {
        out += args[n];
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

SpecError specProblem(std::string path, std::string_view code, std::vector<std::string> args) {
  const std::string_view text = specProblemText(code);
  if (text.empty()) throw std::logic_error("unknown spec problem " + std::string(code));
  std::string message = fillPlaceholders(text, args);
  return {std::move(path), std::move(message), std::string(code), std::move(args)};
}

}  // namespace distlab::engine
