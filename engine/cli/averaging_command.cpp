// `distlab-engine run` on a spec with "experiment": "averaging": lesson 1 in one process. Writes
// averaging.json (everything the window's Averaging view draws) and prints the one-step table.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>

#include <nlohmann/json.hpp>

#include "aggregate/averaging_lesson.h"
#include "cli/commands.h"
#include "core/error.h"
#include "data/load.h"

namespace distlab::engine {
namespace {

// Client sizes in proportion to the capacities (equal when none), each at least one person.
std::vector<std::size_t> clientSizes(std::size_t n, int clients, const std::vector<double>& capacities) {
  std::vector<double> share(static_cast<std::size_t>(clients), 1.0);
  if (!capacities.empty()) share = capacities;
  const double total = std::accumulate(share.begin(), share.end(), 0.0);
  std::vector<std::size_t> sizes;
  std::size_t given = 0;
  for (std::size_t k = 0; k < share.size(); ++k) {
    const std::size_t size =
        k + 1 == share.size()
            ? n - given
            : std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(
                                           static_cast<double>(n) * share[k] / total)));
    sizes.push_back(size);
    given += size;
  }
  if (given != n || sizes.back() == 0) {
    throw Error("cluster.capacities: " + std::to_string(n) + " people cannot be split " +
                std::to_string(clients) + " ways in these proportions");
  }
  return sizes;
}

nlohmann::json pair(const Line& l) { return nlohmann::json::array({l.a, l.b}); }

nlohmann::json path(const std::vector<Line>& lines) {
  auto j = nlohmann::json::array();
  for (const Line& l : lines) j.push_back(pair(l));
  return j;
}

}  // namespace

int runAveragingLesson(const Spec& spec, const std::string& outDir) {
  const TrainTest data = loadDataset(spec.dataset, spec.seed);
  Points all;
  for (Eigen::Index i = 0; i < data.train.x.rows(); ++i) {
    all.height.push_back(data.train.x(i, 0));
    all.weight.push_back(data.train.targets(i, 0));
  }
  if (spec.cluster.partition == "shards") {
    // Non-IID: each client gets a band of heights.
    std::vector<std::size_t> order(all.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return all.height[x] < all.height[y]; });
    Points sorted;
    for (const std::size_t i : order) {
      sorted.height.push_back(all.height[i]);
      sorted.weight.push_back(all.weight[i]);
    }
    all = std::move(sorted);
  }
  const auto sizes = clientSizes(all.size(), spec.cluster.workers, spec.cluster.capacities);
  const auto clients = splitPoints(all, sizes);
  AveragingOptions o;
  o.lr = spec.training.lr;
  o.rounds = spec.training.epochs;
  o.localSteps = spec.cluster.localSteps;
  o.weighted = spec.cluster.aggregation == "weighted-mean";
  const OneStep one = averagingOneStep(clients, o.start, o.lr, o.weighted);
  // For comparison: the plain mean over clients, which is the central step only when the
  // clients are the same size.
  const OneStep plain = averagingOneStep(clients, o.start, o.lr, false);
  const AveragingRun run = runAveraging(clients, o);

  nlohmann::ordered_json j;
  j["start"] = pair(o.start);
  j["lr"] = o.lr;
  j["rounds"] = o.rounds;
  j["local_steps"] = o.localSteps;
  j["weighted"] = o.weighted;
  j["client_sizes"] = sizes;
  j["client_weights"] = one.weights;
  j["one_step"] = {{"central", pair(one.central)},
                   {"gradient_averaging", pair(one.gradientAveraging)},
                   {"model_averaging", pair(one.modelAveraging)},
                   {"client_gradients", path(one.clientGradients)},
                   {"client_models", path(one.clientModels)},
                   {"plain_mean", pair(plain.gradientAveraging)}};
  j["central"] = path(run.central);
  j["gradient_averaging"] = path(run.gradientAveraging);
  j["model_averaging"] = path(run.modelAveraging);
  auto clientPaths = nlohmann::json::array();
  for (const auto& p : run.clientPaths) clientPaths.push_back(path(p));
  j["client_paths"] = clientPaths;
  j["averaged_model_loss"] = run.averagedModelLoss;
  j["mean_client_loss"] = run.meanClientLoss;
  auto people = nlohmann::json::array();
  for (std::size_t k = 0; k < clients.size(); ++k) {
    for (std::size_t i = 0; i < clients[k].size(); ++i) {
      people.push_back({clients[k].height[i], clients[k].weight[i], k});
    }
  }
  j["people"] = people;  // [height, weight, client]
  const std::string file = outDir + "/averaging.json";
  std::ofstream out(file);
  out << j.dump(1) << '\n';
  out.close();
  if (!out) throw Error("cannot write " + file);

  std::printf("one step from a = %g, b = %g with lr %g:\n", o.start.a, o.start.b, o.lr);
  std::printf("  central descent     a = %.9g, b = %.9g\n", one.central.a, one.central.b);
  std::printf("  gradient averaging  a = %.9g, b = %.9g\n", one.gradientAveraging.a,
              one.gradientAveraging.b);
  std::printf("  model averaging     a = %.9g, b = %.9g\n", one.modelAveraging.a,
              one.modelAveraging.b);
  const Line& ga = run.gradientAveraging.back();
  const Line& ma = run.modelAveraging.back();
  std::printf("after %d rounds of %d local steps: gradient averaging a = %.6g, b = %.6g; model "
              "averaging a = %.6g, b = %.6g\n",
              o.rounds, o.localSteps, ga.a, ga.b, ma.a, ma.b);
  std::fprintf(stderr, "wrote %s\n", file.c_str());
  return 0;
}

}  // namespace distlab::engine
