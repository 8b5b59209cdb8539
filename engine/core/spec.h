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

/// The experiment spec: the one input of every run, single-process or cluster.
struct Spec {
  static constexpr int kVersion = 1;
  int version = kVersion;
  std::string name = "untitled";
  std::string description;
  std::uint64_t seed = 1;
  DatasetSpec dataset;
  ModelSpec model;
  TrainingSpec training;
};

/// One validation problem: the JSON path of the field and a sentence naming the value and what
/// is allowed, e.g. {"training.lr", "-1 is out of range; allowed: > 0 and <= 100"}.
struct SpecError {
  std::string path;
  std::string message;
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
