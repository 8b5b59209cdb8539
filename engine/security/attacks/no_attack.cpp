// An honest worker: the run without an attack, and the baseline of every comparison.
#include "security/poison_attack.h"

namespace distlab::engine {
namespace {

class NoAttack final : public PoisonAttack {
 public:
  std::string_view name() const override { return "none"; }
  bool harmless() const override { return true; }
};

}  // namespace

std::unique_ptr<PoisonAttack> makeNoAttack() { return std::make_unique<NoAttack>(); }

}  // namespace distlab::engine
