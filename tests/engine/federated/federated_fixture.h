#pragma once
// Shared by the tests that run lesson 6 on real worker processes.
#include <string>

#include "../cluster/cluster_fixture.h"

namespace distlab::engine::testing {

/// Fashion-MNIST's first `trainLimit` examples on `workers` worker processes; plain SGD with
/// `batch` examples a step; `fl` is the spec's fl section.
inline std::string federatedSpec(const std::string& fl,
                                 const std::string& partition = "shuffle-split", int workers = 2,
                                 int batch = 25, int trainLimit = 100) {
  return R"({"name": "federated test", "seed": 7, "experiment": "federated",
    "dataset": {"name": "fashion-mnist", "train_limit": )" + std::to_string(trainLimit) +
         R"(, "test_limit": 200},
    "model": {"arch": "mlp", "hidden": [16], "activation": "tanh"},
    "training": {"batch_size": )" + std::to_string(batch) + R"(, "lr": 0.1},
    "cluster": {"workers": )" + std::to_string(workers) + R"(, "partition": ")" + partition +
         R"(", "dirichlet_alpha": 0.3},
    "fl": )" + fl + "}";
}

}  // namespace distlab::engine::testing
