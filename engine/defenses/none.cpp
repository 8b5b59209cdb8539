// No defense: the gradient is shared as computed.
#include <memory>

#include "defenses/defense.h"

namespace distlab::engine {
namespace {

class NoDefense final : public Defense {
 public:
  std::string_view name() const override { return "none"; }
  bool changesGradient() const override { return false; }
};

}  // namespace

std::unique_ptr<Defense> makeNoDefense() { return std::make_unique<NoDefense>(); }

}  // namespace distlab::engine
