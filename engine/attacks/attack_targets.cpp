#include "attacks/attack_target.h"

#include "attacks/model_inversion.h"

namespace distlab::engine {
namespace {

class MlpTarget final : public AttackTarget {
 public:
  MlpTarget(const AttackMlp& model, const MlpGradient& shared) : m_model(model), m_shared(shared) {}
  DlgResult fit(int batch, const DlgOptions& o, const std::vector<int>& labels) const override {
    return invertGradient(m_model, m_shared, batch, o, labels);
  }
  int readLabel() const override { return idlgLabel(m_shared); }
  std::optional<VecD> firstLayerInput() const override { return analyticFirstLayer(m_shared); }

 private:
  AttackMlp m_model;
  MlpGradient m_shared;
};

class NetTarget final : public AttackTarget {
 public:
  NetTarget(const AttackNet& net, const MlpGradient& shared) : m_net(net), m_shared(shared) {}
  DlgResult fit(int batch, const DlgOptions& o, const std::vector<int>& labels) const override {
    return invertNetGradient(m_net, m_shared, batch, o, labels);
  }
  int readLabel() const override { return idlgLabel(m_shared); }

 private:
  AttackNet m_net;
  MlpGradient m_shared;
};

class ModelTarget final : public AttackTarget {
 public:
  ModelTarget(Model& model, std::span<const float> observed)
      : m_model(model), m_observed(observed.begin(), observed.end()) {}
  DlgResult fit(int, const DlgOptions& o, const std::vector<int>& labels) const override {
    return invertModelGradient(m_model, m_observed, labels, o);
  }
  int readLabel() const override { return idlgLabelOf(m_model, m_observed); }
  bool fitsLabels() const override { return false; }

 private:
  Model& m_model;
  std::vector<float> m_observed;
};

}  // namespace

std::unique_ptr<AttackTarget> mlpTarget(const AttackMlp& model, const MlpGradient& shared) {
  return std::make_unique<MlpTarget>(model, shared);
}
std::unique_ptr<AttackTarget> netTarget(const AttackNet& net, const MlpGradient& shared) {
  return std::make_unique<NetTarget>(net, shared);
}
std::unique_ptr<AttackTarget> modelTarget(Model& model, std::span<const float> observed) {
  return std::make_unique<ModelTarget>(model, observed);
}

}  // namespace distlab::engine
