// Lesson 1 (`run` on "experiment": "averaging"): the lecture's weight = b * height + a over its
// people on K clients, gradient averaging against model averaging, computed exactly in this
// process. The result's tables hold everything the Averaging view draws.
#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

#include "core/spec_problems.h"
#include "aggregate/pushes/push_aggregator.h"
#include "core/error.h"
#include "data/load.h"
#include "lessons/averaging/averaging_lesson.h"
#include "lessons/experiment.h"
#include "lessons/lesson_result.h"

namespace distlab::engine {
namespace {

// When rounding each share up to one person leaves the last client no one (many clients, few
// people): the shares rounded down, each at least one, then the largest ones trimmed or the
// largest remainders topped up until they hold n.
std::vector<std::size_t> balancedSizes(std::size_t n, const std::vector<double>& share,
                                       double total) {
  std::vector<std::size_t> sizes(share.size());
  std::vector<double> exact(share.size());
  std::size_t given = 0;
  for (std::size_t k = 0; k < share.size(); ++k) {
    exact[k] = static_cast<double>(n) * share[k] / total;
    sizes[k] = std::max<std::size_t>(1, static_cast<std::size_t>(exact[k]));
    given += sizes[k];
  }
  for (; given > n; --given) --*std::max_element(sizes.begin(), sizes.end());
  for (; given < n; ++given) {
    std::size_t most = 0;
    for (std::size_t k = 1; k < sizes.size(); ++k) {
      if (exact[k] - static_cast<double>(sizes[k]) > exact[most] - static_cast<double>(sizes[most])) {
        most = k;
      }
    }
    ++sizes[most];
  }
  return sizes;
}

// Client sizes in proportion to the capacities (equal when none), each at least one person.
std::vector<std::size_t> clientSizes(std::size_t n, int clients,
                                     const std::vector<double>& capacities) {
  if (static_cast<std::size_t>(clients) > n) {
    throw SpecProblemError(specProblem("cluster.workers", "more_clients_than_people",
                                       {std::to_string(clients), std::to_string(n)}));
  }
  std::vector<double> share(static_cast<std::size_t>(clients), 1.0);
  if (!capacities.empty()) share = capacities;
  const double total = std::accumulate(share.begin(), share.end(), 0.0);
  std::vector<std::size_t> sizes;
  std::size_t given = 0;
  for (std::size_t k = 0; k < share.size(); ++k) {
    if (given >= n) return balancedSizes(n, share, total);  // rounding up took everyone
    const std::size_t size =
        k + 1 == share.size()
            ? n - given
            : std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(
                                           static_cast<double>(n) * share[k] / total)));
    sizes.push_back(size);
    given += size;
  }
  if (given != n || sizes.back() == 0) {
    throw SpecProblemError(specProblem("cluster.capacities", "capacities_do_not_split",
                                       {std::to_string(n), std::to_string(clients)}));
  }
  return sizes;
}

// The lesson's own two splits of cluster.partition: "shards" gives each client a band of
// heights (non-IID); anything else keeps the people in their order (the lecture's halves).
Points orderedForClients(Points all, const std::string& partition) {
  if (partition != "shards") return all;
  std::vector<std::size_t> order(all.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t x, std::size_t y) { return all.height[x] < all.height[y]; });
  Points sorted;
  for (const std::size_t i : order) {
    sorted.height.push_back(all.height[i]);
    sorted.weight.push_back(all.weight[i]);
  }
  return sorted;
}

void addLine(ResultTable& t, std::size_t a, std::size_t b, const Line& l) {
  t.columns[a].numbers.push_back(l.a);
  t.columns[b].numbers.push_back(l.b);
}

LessonResult resultOf(const AveragingOptions& o, const std::vector<std::size_t>& sizes,
                      const std::vector<Points>& clients, const OneStep& one,
                      const OneStep& plain, const AveragingRun& run) {
  LessonResult r;
  r.lesson = "averaging";
  r.tables.push_back({"averaging_settings",
                      {numbers("start_a", {o.start.a}), numbers("start_b", {o.start.b}),
                       numbers("lr", {o.lr}), numbers("rounds", {double(o.rounds)}),
                       numbers("local_steps", {double(o.localSteps)}),
                       numbers("weighted", {o.weighted ? 1.0 : 0.0})}});
  ResultTable oneStep{"averaging_one_step", {texts("method"), numbers("a"), numbers("b")}};
  for (const auto& [method, line] : {std::pair{"central", one.central},
                                     {"gradient_averaging", one.gradientAveraging},
                                     {"model_averaging", one.modelAveraging},
                                     {"plain_mean", plain.gradientAveraging}}) {
    oneStep.columns[0].texts.emplace_back(method);
    addLine(oneStep, 1, 2, line);
  }
  r.tables.push_back(std::move(oneStep));
  ResultTable perClient{"averaging_clients",
                        {numbers("client"), numbers("size"), numbers("weight"),
                         numbers("gradient_a"), numbers("gradient_b"), numbers("model_a"),
                         numbers("model_b")}};
  for (std::size_t k = 0; k < sizes.size(); ++k) {
    perClient.columns[0].numbers.push_back(static_cast<double>(k));
    perClient.columns[1].numbers.push_back(static_cast<double>(sizes[k]));
    perClient.columns[2].numbers.push_back(one.weights[k]);
    addLine(perClient, 3, 4, one.clientGradients[k]);
    addLine(perClient, 5, 6, one.clientModels[k]);
  }
  r.tables.push_back(std::move(perClient));
  ResultTable rounds{"averaging_rounds",
                     {numbers("round"), numbers("central_a"), numbers("central_b"),
                      numbers("gradient_averaging_a"), numbers("gradient_averaging_b"),
                      numbers("model_averaging_a"), numbers("model_averaging_b"),
                      numbers("averaged_model_loss"), numbers("mean_client_loss")}};
  for (std::size_t i = 0; i < run.central.size(); ++i) {
    rounds.columns[0].numbers.push_back(static_cast<double>(i));
    addLine(rounds, 1, 2, run.central[i]);
    addLine(rounds, 3, 4, run.gradientAveraging[i]);
    addLine(rounds, 5, 6, run.modelAveraging[i]);
    // The losses are measured after each round: none at the start.
    rounds.columns[7].numbers.push_back(i ? run.averagedModelLoss[i - 1] : NAN);
    rounds.columns[8].numbers.push_back(i ? run.meanClientLoss[i - 1] : NAN);
  }
  r.curves.push_back({"averaged_model_loss", "round", "loss", {}, {}});
  r.curves.push_back({"mean_client_loss", "round", "loss", {}, {}});
  for (std::size_t i = 0; i < run.averagedModelLoss.size(); ++i) {
    for (auto& [curve, values] : {std::pair{&r.curves[0], &run.averagedModelLoss},
                                  std::pair{&r.curves[1], &run.meanClientLoss}}) {
      curve->x.push_back(static_cast<double>(i + 1));
      curve->y.push_back((*values)[i]);
    }
  }
  r.tables.push_back(std::move(rounds));
  ResultTable paths{"averaging_client_paths",
                    {numbers("client"), numbers("step"), numbers("a"), numbers("b")}};
  for (std::size_t k = 0; k < run.clientPaths.size(); ++k) {
    for (std::size_t s = 0; s < run.clientPaths[k].size(); ++s) {
      paths.columns[0].numbers.push_back(static_cast<double>(k));
      paths.columns[1].numbers.push_back(static_cast<double>(s));
      addLine(paths, 2, 3, run.clientPaths[k][s]);
    }
  }
  r.tables.push_back(std::move(paths));
  ResultTable people{"averaging_people", {numbers("height"), numbers("weight"), numbers("client")}};
  for (std::size_t k = 0; k < clients.size(); ++k) {
    for (std::size_t i = 0; i < clients[k].size(); ++i) {
      people.columns[0].numbers.push_back(clients[k].height[i]);
      people.columns[1].numbers.push_back(clients[k].weight[i]);
      people.columns[2].numbers.push_back(static_cast<double>(k));
    }
  }
  r.tables.push_back(std::move(people));
  return r;
}

class AveragingExperiment final : public Experiment {
 public:
  std::string_view name() const override { return "averaging"; }
  bool usesPartitioner() const override { return false; }

  void validate(const Spec& s, std::vector<SpecError>& errors) const override {
    if (s.dataset.name != "height-weight") {
      errors.push_back(specProblem("dataset.name", "not_the_lessons_data",
                                   {s.dataset.name, "averaging", "height-weight"}));
    }
    if (s.model.arch != "linear") {
      errors.push_back(
          specProblem("model.arch", "not_the_lessons_model", {s.model.arch, "averaging", "linear"}));
    }
    if (s.cluster.partition != "shuffle-split" && s.cluster.partition != "shards") {
      errors.push_back(specProblem("cluster.partition", "averaging_partition", {s.cluster.partition}));
    }
  }

  int run(const Spec& spec, RunContext& context) const override {
    const TrainTest data = loadLessonData(spec, context);
    Points all;
    for (Eigen::Index i = 0; i < data.train.x.rows(); ++i) {
      all.height.push_back(data.train.x(i, 0));
      all.weight.push_back(data.train.targets(i, 0));
    }
    all = orderedForClients(std::move(all), spec.cluster.partition);
    const auto sizes = clientSizes(all.size(), spec.cluster.workers, spec.cluster.capacities);
    const auto clients = splitPoints(all, sizes);
    AveragingOptions o;
    o.lr = spec.training.lr;
    o.rounds = spec.training.epochs;
    o.localSteps = spec.cluster.localSteps;
    o.weighted = pushAggregators().at(spec.cluster.aggregation).weighsByExamples();
    const OneStep one = averagingOneStep(clients, o.start, o.lr, o.weighted);
    // For comparison: the plain mean over clients, which is the central step only when the
    // clients are the same size.
    const OneStep plain = averagingOneStep(clients, o.start, o.lr, false);
    const AveragingRun run = runAveraging(clients, o);
    std::printf("one step from a = %g, b = %g with lr %g:\n", o.start.a, o.start.b, o.lr);
    std::printf("  central descent     a = %.9g, b = %.9g\n", one.central.a, one.central.b);
    std::printf("  gradient averaging  a = %.9g, b = %.9g\n", one.gradientAveraging.a,
                one.gradientAveraging.b);
    std::printf("  model averaging     a = %.9g, b = %.9g\n", one.modelAveraging.a,
                one.modelAveraging.b);
    finishLesson(resultOf(o, sizes, clients, one, plain, run), context);
    return 0;
  }
};

}  // namespace

std::unique_ptr<Experiment> makeAveragingExperiment() {
  return std::make_unique<AveragingExperiment>();
}

}  // namespace distlab::engine
