// model_parallel.mode "skeleton": the random skeleton partition (随机划分 / 骨架网络). The
// coordinator runs the rounds: every reselect_every rounds it picks the skeleton of important
// neurons and draws each worker's sub-network; each round every worker trains its sub-network
// (modelpar/skeleton_worker.h) and the coordinator merges them (modelpar/skeleton_plan.h).
// Afterwards the same rounds with the whole network (model averaging) for comparison.
#include <cstdio>

#include "cluster/launcher.h"
#include "core/spec_problems.h"
#include "core/stopwatch.h"
#include "lessons/lesson_result.h"
#include "lessons/model_parallel/model_parallel_tables.h"
#include "modelpar/model_layout.h"
#include "modelpar/partition_mode.h"
#include "modelpar/skeleton_plan.h"
#include "modelpar/skeleton_worker.h"
#include "nn/evaluate.h"
#include "nn/loss.h"

namespace distlab::engine {
namespace {

class SkeletonMode final : public PartitionMode {
 public:
  std::string_view name() const override { return "skeleton"; }
  int processes(const Spec& spec) const override { return spec.modelParallel.shards; }
  ModelSplit split() const override { return ModelSplit::Skeleton; }

  void validate(const Spec& s, std::vector<SpecError>& errors) const override {
    if (s.model.arch != "mlp" || s.model.hidden.empty()) {
      errors.push_back(specProblem("model.arch", "skeleton_needs_mlp", {s.model.arch}));
    }
  }

  bool runProcess(BlockingChannel& coordinator, int rank, const Spec& spec,
                  const std::string& token) const override {
    runSkeletonWorker(coordinator, rank, spec, token);
    return true;  // it ends on the coordinator's goodbye
  }

  bool drivesRounds() const override { return true; }

  void runRounds(RoundHost& host, const Spec& spec, std::size_t trainExamples,
                 Model& whole) const override {
    const auto& mp = spec.modelParallel;
    const std::uint64_t rounds = skeletonRounds(spec, trainExamples);
    const auto local = static_cast<std::uint64_t>(spec.cluster.localSteps);
    const std::uint64_t evalRounds =
        std::max<std::uint64_t>(1, (static_cast<std::uint64_t>(mp.evalEvery) + local - 1) / local);
    const int workers = host.processes();
    std::vector<SubNetwork> subs(static_cast<std::size_t>(workers));
    for (std::uint64_t round = 0; round < rounds; ++round) {
      if (round % static_cast<std::uint64_t>(mp.reselectEvery) == 0) {
        auto skeleton = selectSkeleton(whole, mp.skeletonFraction);
        for (int k = 0; k < workers; ++k) {
          Rng rng = Rng::stream(spec.seed, RngPurpose::Partition,
                                round * static_cast<std::uint64_t>(workers) +
                                    static_cast<std::uint64_t>(k) + 1);
          subs[static_cast<std::size_t>(k)] = drawSubNetwork(whole, skeleton, mp.skeletonExtra, rng);
        }
        std::vector<std::vector<std::vector<std::uint32_t>>> each;
        for (const auto& sub : subs) each.push_back(sub.neurons);
        host.record(ModelLayout{steadyNowNs(), ModelSplit::Skeleton, round,
                                skeletonLayout(whole, skeleton, each)});
        host.keepSubNetworks(std::move(skeleton), std::move(each));
      }
      for (int k = 0; k < workers; ++k) {
        const auto& sub = subs[static_cast<std::size_t>(k)];
        host.send(k, Mask{round, sub.neurons});
        host.send(k, Params{round, {}}, subNetworkParameters(whole, sub));
      }
      std::vector<std::vector<float>> trained;
      for (auto& push : host.collect(round)) trained.push_back(std::move(push.values));
      const auto t0 = steadyNowNs();
      mergeSubNetworks(whole, subs, trained);
      host.record(Span{kServerLane, SpanKind::Aggregate, t0, steadyNowNs(), round, 0});
      const bool last = round + 1 == rounds;
      if ((round + 1) % evalRounds == 0 || last) host.evaluate(round + 1, whole.parameters(), last);
    }
  }

  /// The skeleton run beside model averaging of the whole network (every worker keeps every
  /// neuron: the same rounds, data and seed, a run of its own): accuracy, bytes through the
  /// coordinator and the model each worker holds.
  std::vector<ResultTable> results(const ModeRun& run) const override {
    Spec full = run.spec;
    full.modelParallel.skeletonFraction = 1.0;
    const PipelineRunResult averaging = runPipeline({*this, full, selfExecutablePath(), run.token,
                                                     nullptr, run.data.train.size(),
                                                     &run.data.test, 0});
    const auto accuracy = [&](const std::vector<float>& params) {
      std::copy(params.begin(), params.end(), run.whole.parameters().begin());
      return evaluate(run.whole, run.data.test, lossFromName(run.spec.training.loss)).accuracy;
    };
    ResultTable t{"skeleton_vs_averaging",
                  {texts("method", {"skeleton", "model_averaging"}), numbers("test_accuracy"),
                   numbers("bytes_to_workers"), numbers("bytes_from_workers"),
                   numbers("worker_parameters"), numbers("model_parameters")}};
    for (const PipelineRunResult* r : {&run.result, &averaging}) {
      const double row[] = {accuracy(r->parameters), static_cast<double>(r->bytesToWorkers),
                            static_cast<double>(r->bytesFromWorkers),
                            static_cast<double>(r->workerParameters),
                            static_cast<double>(run.whole.parameterCount())};
      for (std::size_t c = 0; c < std::size(row); ++c) t.columns[c + 1].numbers.push_back(row[c]);
    }
    std::fprintf(stderr,
                 "skeleton: accuracy %.4f, %.1f MB to the workers, %zu parameters a worker; "
                 "model averaging: %.4f, %.1f MB, %zu\n",
                 t.columns[1].numbers[0], t.columns[2].numbers[0] / 1e6,
                 run.result.workerParameters, t.columns[1].numbers[1],
                 t.columns[2].numbers[1] / 1e6, averaging.workerParameters);
    return {std::move(t), layoutTable(skeletonLayout(run.whole, run.result.skeleton, run.result.subNetworks))};
  }

  std::string summary(const Spec& spec, const PipelineRunResult& r) const override {
    return "skeleton: " + std::to_string(spec.modelParallel.shards) + " workers, " +
           std::to_string(r.steps) + " rounds, sub-networks of " +
           std::to_string(r.workerParameters) + " parameters";
  }
};

}  // namespace

std::unique_ptr<PartitionMode> makeSkeletonMode() { return std::make_unique<SkeletonMode>(); }

}  // namespace distlab::engine
