#include "core/spec.h"

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/spec_reader.h"
#include "core/text_file.h"

namespace distlab::engine {
namespace {

bool isImageDataset(const std::string& name) {
  return name == "fashion-mnist" || name == "mnist" || name == "cifar10";
}

void readDataset(SpecReader r, DatasetSpec& d) {
  r.choice("name", d.name,
           {"fashion-mnist", "mnist", "cifar10", "height-weight", "blobs", "spirals"});
  r.text("path", d.path);
  r.integer("train_limit", d.trainLimit, 0, 10'000'000);
  r.integer("test_limit", d.testLimit, 0, 10'000'000);
  r.choice("normalize", d.normalize, {"none", "standardize"});
  r.integer("samples", d.samples, 0, 10'000'000);
  r.integer("classes", d.classes, 2, 100);
  r.number("noise", d.noise, 0.0, 100.0);
  r.number("test_fraction", d.testFraction, 0.0, 0.9, true);
  r.finish();
}

void readModel(SpecReader r, ModelSpec& m) {
  r.choice("arch", m.arch, {"mlp", "lenet5", "linear"});
  r.integerList("hidden", m.hidden, 1, 65536, 16);
  r.choice("activation", m.activation, {"relu", "sigmoid", "tanh", "softplus"});
  r.choice("init", m.init, {"he", "xavier", "uniform"});
  r.numberPair("init_range", m.initLow, m.initHigh);
  r.finish();
}

void readTraining(SpecReader r, TrainingSpec& t) {
  r.integer("epochs", t.epochs, 1, 100000);
  r.integer("batch_size", t.batchSize, 1, 65536);
  r.choice("optimizer", t.optimizer, {"sgd", "adam"});
  r.number("lr", t.lr, 0.0, 100.0, true);
  r.number("momentum", t.momentum, 0.0, 0.999);
  r.number("weight_decay", t.weightDecay, 0.0, 1.0);
  r.number("beta1", t.beta1, 0.0, 0.9999);
  r.number("beta2", t.beta2, 0.0, 0.999999);
  r.number("epsilon", t.epsilon, 0.0, 1.0, true);
  r.choice("loss", t.loss, {"cross-entropy", "mse"});
  r.boolean("shuffle", t.shuffle);
  r.boolean("drop_last", t.dropLast);
  r.finish();
}

void readPrivacy(SpecReader r, PrivacySpec& p) {
  r.choice("attack", p.attack, {"dlg", "idlg", "analytic"});
  r.choice("defense", p.defense, {"none", "noise", "topk", "fp16", "int8", "dp", "local-steps"});
  r.number("defense_strength", p.defenseStrength, 0.0, 100.0);
  r.number("clip_norm", p.clipNorm, 0.0, 1e6, true);
  r.integerList("images", p.images, 0, 10'000'000, 8);
  r.integer("iterations", p.iterations, 1, 100000);
  r.choice("distance", p.distance, {"l2", "cosine"});
  r.choice("optimizer", p.optimizer, {"lbfgs", "adam"});
  r.number("learning_rate", p.learningRate, 0.0, 100.0, true);
  r.number("tv_weight", p.tvWeight, 0.0, 1e6);
  r.integer("restarts", p.restarts, 1, 100);
  r.numberList("sweep_strengths", p.sweepStrengths, 0.0, 100.0, 32);
  r.choice("utility_training", p.utilityTraining, {"in-process", "cluster"});
  r.boolean("secure_aggregation", p.secureAggregation);
  r.integer("capture_worker", p.captureWorker, -1, 1023);
  r.integer("capture_step", p.captureStep, 0, 100'000'000);
  r.text("capture_from", p.captureFrom, 4096);
  r.finish();
}

constexpr int kMaxWorkers = 64;

void readCluster(SpecReader r, ClusterSpec& c) {
  r.integer("workers", c.workers, 1, kMaxWorkers);
  r.choice("sync", c.sync, {"bsp", "asp", "ssp", "local-sgd"});
  r.integer("staleness", c.staleness, 0, 1000);
  r.integer("local_steps", c.localSteps, 1, 100000);
  r.choice("aggregation", c.aggregation, {"weighted-mean", "mean"});
  r.choice("model_aggregation", c.modelAggregation,
           {"average", "ensemble", "ensemble-compression"});
  r.integer("distill_steps", c.distillSteps, 1, 100000);
  r.number("distill_temperature", c.distillTemperature, 0.0, 100.0, true);
  r.number("distill_lambda", c.distillLambda, 0.0, 1.0);
  r.choice("partition", c.partition, {"shuffle-split", "with-replacement", "dirichlet", "shards"});
  r.integer("reshuffle_every", c.reshuffleEvery, 1, 100000);
  r.numberList("capacities", c.capacities, 0.001, 1000.0, kMaxWorkers);
  r.number("draws_factor", c.drawsFactor, 0.0, 100.0, true);
  r.number("dirichlet_alpha", c.dirichletAlpha, 0.0, 1e6, true);
  r.integer("shards_per_worker", c.shardsPerWorker, 1, 1000);
  r.integer("eval_every", c.evalEvery, 1, 10'000'000);
  r.numberList("slowdown", c.slowdown, 1.0, 1000.0, kMaxWorkers);
  r.numberList("bandwidth_mbps", c.bandwidthMbps, 0.0, 1e6, kMaxWorkers);
  r.text("bind", c.bind, 255);
  r.integer("port", c.port, 0, 65535);
  r.boolean("launch_workers", c.launchWorkers);
  r.integer("join_timeout_s", c.joinTimeoutS, 1, 86400);
  r.integer("heartbeat_ms", c.heartbeatMs, 10, 60000);
  r.integer("peer_timeout_ms", c.peerTimeoutMs, 100, 3'600'000);
  r.integer("handshake_timeout_ms", c.handshakeTimeoutMs, 100, 600'000);
  r.finish();
}

void checkPerWorkerList(const std::vector<double>& list, int workers, const char* path,
                        std::vector<SpecError>& errors) {
  if (list.empty() || static_cast<int>(list.size()) == workers) return;
  errors.push_back({path,
                    "has " + std::to_string(list.size()) +
                        " entries; allowed: none (all workers alike) or one per worker (" +
                        std::to_string(workers) + ")",
                    "per_worker_count",
                    {std::to_string(list.size()), std::to_string(workers)}});
}

}  // namespace

std::vector<SpecError> parseSpec(const nlohmann::json& json, Spec& out) {
  std::vector<SpecError> errors;
  Spec spec;
  SpecReader top(json, "", errors);
  top.integer("version", spec.version, Spec::kVersion, Spec::kVersion);
  top.text("name", spec.name, 200);
  top.text("description", spec.description);
  top.unsignedInteger("seed", spec.seed);
  top.choice("experiment", spec.experiment,
             {"cluster", "averaging", "aggregation", "convexity", "inversion"});
  readDataset(top.object("dataset"), spec.dataset);
  readModel(top.object("model"), spec.model);
  readTraining(top.object("training"), spec.training);
  readCluster(top.object("cluster"), spec.cluster);
  readPrivacy(top.object("privacy"), spec.privacy);
  top.finish();
  if (errors.empty()) errors = validateSpec(spec);
  if (errors.empty()) out = std::move(spec);
  return errors;
}

std::vector<SpecError> parseSpec(const std::string& jsonText, Spec& out) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(jsonText);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based offset; turn it into line:column for the reader.
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < e.byte && i < jsonText.size(); ++i) {
      if (jsonText[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return {{"", "not valid JSON at line " + std::to_string(line) + ", column " +
                     std::to_string(column)}};
  }
  return parseSpec(json, out);
}

std::vector<SpecError> validateSpec(const Spec& s) {
  std::vector<SpecError> errors;
  const auto& d = s.dataset;
  const auto& m = s.model;
  const bool regression = d.name == "height-weight";
  if (m.arch == "lenet5" && !isImageDataset(d.name)) {
    errors.push_back({"model.arch",
                      "\"lenet5\" needs an image data set (fashion-mnist, mnist or "
                      "cifar10); dataset.name is \"" +
                          d.name + "\"",
                      "lenet5_needs_images",
                      {d.name}});
  }
  if (regression && s.training.loss != "mse") {
    errors.push_back({"training.loss",
                      "\"" + s.training.loss +
                          "\" needs class labels; the height-weight data set is "
                          "a regression, allowed: mse",
                      "loss_needs_labels",
                      {s.training.loss}});
  }
  if (m.init == "uniform" && !(m.initLow < m.initHigh)) {
    errors.push_back({"model.init_range", "low must be below high; got [" +
                                              std::to_string(m.initLow) + ", " +
                                              std::to_string(m.initHigh) + "]"});
  }
  if (d.name == "blobs" && d.samples != 0 && d.samples < d.classes * 2) {
    errors.push_back({"dataset.samples", std::to_string(d.samples) +
                                             " is too few; allowed: 0 (default) or at least 2 per "
                                             "class (" +
                                             std::to_string(d.classes * 2) + ")"});
  }
  if (s.experiment == "averaging") {
    if (!regression) {
      errors.push_back({"dataset.name",
                        "\"" + d.name +
                            "\" is not the lesson's data; experiment \"averaging\" allows: "
                            "height-weight"});
    }
    if (m.arch != "linear") {
      errors.push_back({"model.arch", "\"" + m.arch +
                                          "\" is not the lesson's model; experiment "
                                          "\"averaging\" allows: linear"});
    }
    if (s.cluster.partition != "shuffle-split" && s.cluster.partition != "shards") {
      errors.push_back({"cluster.partition",
                        "\"" + s.cluster.partition +
                            "\" is not allowed with experiment \"averaging\"; allowed: "
                            "shuffle-split (people in their order), shards (sorted by height)"});
    }
  }
  if (s.experiment == "inversion") {
    if (m.arch != "mlp" && m.arch != "lenet5") {
      errors.push_back({"model.arch", "\"" + m.arch +
                                          "\" is not attacked yet; experiment \"inversion\" "
                                          "allows: mlp, lenet5"});
    }
    if (!isImageDataset(d.name) && d.name != "blobs" && d.name != "spirals") {
      errors.push_back({"dataset.name", "gradient inversion needs a classification data set"});
    }
    if (s.privacy.images.empty()) {
      errors.push_back({"privacy.images", "no image to attack; allowed: 1 to 8 test-set indices"});
    }
    if (s.privacy.defense == "topk" && s.privacy.defenseStrength >= 1.0) {
      errors.push_back({"privacy.defense_strength",
                        std::to_string(s.privacy.defenseStrength) +
                            " would prune everything; allowed for topk: 0 to below 1"});
    }
  }
  const bool defendedClusters =
      s.experiment == "cluster" ||
      (s.experiment == "inversion" && s.privacy.utilityTraining == "cluster" &&
       !s.privacy.sweepStrengths.empty());
  if (defendedClusters && s.privacy.defense != "none") {
    if (s.privacy.defense == "dp" || s.privacy.defense == "local-steps") {
      errors.push_back({"privacy.defense", "\"" + s.privacy.defense +
                                               "\" needs each example's gradient; in a cluster "
                                               "run allowed: none, noise, topk, fp16, int8"});
    }
    if (s.cluster.sync == "local-sgd") {
      errors.push_back({"privacy.defense",
                        "defends gradient pushes; cluster.sync \"local-sgd\" pushes models"});
    }
  }
  if (s.privacy.secureAggregation) {
    if (s.cluster.sync != "bsp" && s.cluster.sync != "local-sgd") {
      errors.push_back({"privacy.secure_aggregation",
                        "masks cancel only in the sum of a whole round; allowed with "
                        "cluster.sync bsp or local-sgd (is \"" + s.cluster.sync + "\")"});
    }
    if (s.cluster.modelAggregation != "average") {
      errors.push_back({"privacy.secure_aggregation",
                        "the server sees only the round's sum; cluster.model_aggregation \"" +
                            s.cluster.modelAggregation + "\" needs each model (allowed: average)"});
    }
    if (s.cluster.workers < 2) {
      errors.push_back({"privacy.secure_aggregation", "needs at least 2 cluster.workers"});
    }
    if (s.experiment != "cluster" && s.experiment != "inversion") {
      errors.push_back({"privacy.secure_aggregation",
                        "masks a cluster run's pushes; allowed with experiment cluster (or "
                        "inversion, for its cluster-trained privacy-utility runs), not \"" +
                            s.experiment + "\""});
    }
  }
  if (s.privacy.captureWorker >= 0 && s.cluster.sync == "local-sgd") {
    errors.push_back({"privacy.capture_worker",
                      "local SGD pushes models, not gradients; the attack needs cluster.sync "
                      "bsp, asp or ssp"});
  }
  if (s.cluster.modelAggregation != "average" && s.cluster.sync != "local-sgd") {
    errors.push_back({"cluster.model_aggregation",
                      "\"" + s.cluster.modelAggregation +
                          "\" combines whole models; it needs cluster.sync \"local-sgd\" (is \"" +
                          s.cluster.sync + "\")"});
  }
  if ((s.cluster.modelAggregation != "average" || s.experiment == "aggregation" ||
       s.experiment == "convexity") &&
      regression) {
    errors.push_back({"cluster.model_aggregation",
                      "ensembles average class probabilities; the height-weight data set is a "
                      "regression, allowed: average"});
  }
  const auto& c = s.cluster;
  checkPerWorkerList(c.capacities, c.workers, "cluster.capacities", errors);
  checkPerWorkerList(c.slowdown, c.workers, "cluster.slowdown", errors);
  checkPerWorkerList(c.bandwidthMbps, c.workers, "cluster.bandwidth_mbps", errors);
  if (c.peerTimeoutMs <= c.heartbeatMs) {
    errors.push_back(
        {"cluster.peer_timeout_ms", std::to_string(c.peerTimeoutMs) +
                                        " would declare live workers dead; allowed: more than "
                                        "cluster.heartbeat_ms (" +
                                        std::to_string(c.heartbeatMs) + ")"});
  }
  if ((c.partition == "dirichlet" || c.partition == "shards") && regression &&
      s.experiment != "averaging") {  // the lesson sorts people by height for its shards
    errors.push_back({"cluster.partition",
                      "\"" + c.partition +
                          "\" splits by class label; the height-weight data "
                          "set has none, allowed: shuffle-split, with-replacement",
                      "partition_needs_labels",
                      {c.partition}});
  }
  return errors;
}

namespace {
std::string joinErrors(const std::vector<SpecError>& errors) {
  std::string text;
  for (const auto& e : errors) text += (text.empty() ? "" : "; ") + e.text();
  return text;
}
}  // namespace

Spec loadSpecText(const std::string& jsonText) {
  Spec spec;
  auto errors = parseSpec(jsonText, spec);
  if (!errors.empty()) throw Error("invalid spec: " + joinErrors(errors));
  return spec;
}

Spec loadSpecFile(const std::string& path) {
  Spec spec;
  auto errors = parseSpec(readTextFile(path, "spec file"), spec);
  if (!errors.empty()) throw Error(path + ": invalid spec: " + joinErrors(errors));
  return spec;
}

nlohmann::json specToJson(const Spec& s) {
  using nlohmann::json;
  const auto& d = s.dataset;
  const auto& m = s.model;
  const auto& t = s.training;
  const auto& c = s.cluster;
  return json{
      {"version", s.version},
      {"name", s.name},
      {"description", s.description},
      {"seed", s.seed},
      {"experiment", s.experiment},
      {"dataset",
       {{"name", d.name},
        {"path", d.path},
        {"train_limit", d.trainLimit},
        {"test_limit", d.testLimit},
        {"normalize", d.normalize},
        {"samples", d.samples},
        {"classes", d.classes},
        {"noise", d.noise},
        {"test_fraction", d.testFraction}}},
      {"model",
       {{"arch", m.arch},
        {"hidden", m.hidden},
        {"activation", m.activation},
        {"init", m.init},
        {"init_range", json::array({m.initLow, m.initHigh})}}},
      {"training",
       {{"epochs", t.epochs},
        {"batch_size", t.batchSize},
        {"optimizer", t.optimizer},
        {"lr", t.lr},
        {"momentum", t.momentum},
        {"weight_decay", t.weightDecay},
        {"beta1", t.beta1},
        {"beta2", t.beta2},
        {"epsilon", t.epsilon},
        {"loss", t.loss},
        {"shuffle", t.shuffle},
        {"drop_last", t.dropLast}}},
      {"cluster",
       {{"workers", c.workers},
        {"sync", c.sync},
        {"staleness", c.staleness},
        {"local_steps", c.localSteps},
        {"aggregation", c.aggregation},
        {"model_aggregation", c.modelAggregation},
        {"distill_steps", c.distillSteps},
        {"distill_temperature", c.distillTemperature},
        {"distill_lambda", c.distillLambda},
        {"partition", c.partition},
        {"reshuffle_every", c.reshuffleEvery},
        {"capacities", c.capacities},
        {"draws_factor", c.drawsFactor},
        {"dirichlet_alpha", c.dirichletAlpha},
        {"shards_per_worker", c.shardsPerWorker},
        {"eval_every", c.evalEvery},
        {"slowdown", c.slowdown},
        {"bandwidth_mbps", c.bandwidthMbps},
        {"bind", c.bind},
        {"port", c.port},
        {"launch_workers", c.launchWorkers},
        {"join_timeout_s", c.joinTimeoutS},
        {"heartbeat_ms", c.heartbeatMs},
        {"peer_timeout_ms", c.peerTimeoutMs},
        {"handshake_timeout_ms", c.handshakeTimeoutMs}}},
      {"privacy",
       {{"attack", s.privacy.attack},
        {"defense", s.privacy.defense},
        {"defense_strength", s.privacy.defenseStrength},
        {"clip_norm", s.privacy.clipNorm},
        {"images", s.privacy.images},
        {"iterations", s.privacy.iterations},
        {"distance", s.privacy.distance},
        {"optimizer", s.privacy.optimizer},
        {"learning_rate", s.privacy.learningRate},
        {"tv_weight", s.privacy.tvWeight},
        {"restarts", s.privacy.restarts},
        {"sweep_strengths", s.privacy.sweepStrengths},
        {"utility_training", s.privacy.utilityTraining},
        {"secure_aggregation", s.privacy.secureAggregation},
        {"capture_worker", s.privacy.captureWorker},
        {"capture_step", s.privacy.captureStep},
        {"capture_from", s.privacy.captureFrom}}},
  };
}

std::string specToString(const Spec& spec) { return specToJson(spec).dump(2) + "\n"; }

}  // namespace distlab::engine
