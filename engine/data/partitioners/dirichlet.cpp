// Non-IID label skew: each class's rows shared out by Dirichlet(alpha) proportions.
#include <memory>

#include "data/partitioners/partitioner.h"

namespace distlab::engine {
namespace {

class Dirichlet final : public Partitioner {
 public:
  std::string_view name() const override { return "dirichlet"; }
  bool splitsAgain() const override { return false; }
  bool needsLabels() const override { return true; }
  Partition split(const PartitionInput& data, const Spec& spec, int) const override {
    auto rng = Rng::stream(spec.seed, RngPurpose::Partition, 0);
    return dirichletLabelSkew(data.labels, data.numClasses, spec.cluster.workers,
                              spec.cluster.dirichletAlpha, rng);
  }
};

}  // namespace

std::unique_ptr<Partitioner> makeDirichlet() { return std::make_unique<Dirichlet>(); }

}  // namespace distlab::engine
