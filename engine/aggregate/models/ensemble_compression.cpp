// EC-DNN (Sun et al., 2017): the round's ensemble is distilled into one model of local size on
// the training data (cluster.distill_*), which every worker then continues from.
#include <memory>

#include "aggregate/distillation.h"
#include "aggregate/models/model_aggregator.h"
#include "core/rng.h"
#include "nn/builders.h"

namespace distlab::engine {
namespace {

class EnsembleCompression final : public ModelAggregator {
 public:
  std::string_view name() const override { return "ensemble-compression"; }
  bool keepsMembers() const override { return true; }
  bool compressesMembers() const override { return true; }

  RoundCompressor makeCompressor(const Spec& spec, const Dataset& train) const override {
    auto teacher = std::make_shared<Model>(buildModelFor(spec, train));
    auto student = std::make_shared<Model>(buildModelFor(spec, train));
    auto rng = std::make_shared<Rng>(Rng::stream(spec.seed, RngPurpose::Shuffle, 7919));
    DistillOptions distill;
    distill.steps = spec.cluster.distillSteps;
    distill.batchSize = spec.training.batchSize;
    distill.lr = spec.training.lr;
    distill.temperature = spec.cluster.distillTemperature;
    distill.lambda = spec.cluster.distillLambda;
    return [teacher, student, rng, distill, &train](std::span<const float> members,
                                                    std::span<float> global) {
      std::copy(global.begin(), global.end(), student->parameters().begin());
      distillEnsemble(*teacher, *student, members, train, distill, *rng);
      const auto compressed = student->parameters();
      std::copy(compressed.begin(), compressed.end(), global.begin());
    };
  }
};

}  // namespace

std::unique_ptr<ModelAggregator> makeEnsembleCompressionModels() {
  return std::make_unique<EnsembleCompression>();
}

}  // namespace distlab::engine
