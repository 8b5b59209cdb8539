// Local SGD (model averaging): every worker takes cluster.local_steps steps on its own, then the
// server combines the round's models (cluster.model_aggregation) at a barrier.
#include <memory>

#include "aggregate/models/model_aggregator.h"
#include "cluster/sync/sync_policy.h"

namespace distlab::engine {
namespace {

class LocalSgd final : public SyncPolicy {
 public:
  std::string_view name() const override { return "local-sgd"; }
  SyncRule rule(const ClusterSpec& c) const override {
    SyncRule r;
    r.staleness = 0;
    r.pushKind = PushKind::Model;
    r.localSteps = c.localSteps;
    r.models = &modelAggregators().at(c.modelAggregation);
    return r;
  }
};

}  // namespace

std::unique_ptr<SyncPolicy> makeLocalSgdPolicy() { return std::make_unique<LocalSgd>(); }

}  // namespace distlab::engine
