#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace distlab::engine {

/// The strategies of one family (sync rules, partitioners, defenses ...), each one stateless
/// object chosen by the name the spec gives. A strategy is one class in one file that defines a
/// factory (`std::unique_ptr<Family> makeX()`), plus one line in its family's registry list;
/// nothing else compares its name. The order of the list is the order the spec's schema, the
/// form and `--schema` show the names in.
template <class Strategy>
class StrategyRegistry {
 public:
  /// `field` is the spec path whose values the family's names are ("cluster.sync").
  StrategyRegistry(std::string field, std::vector<std::unique_ptr<Strategy>> strategies)
      : m_field(std::move(field)), m_strategies(std::move(strategies)) {}

  /// The strategy of that name, or nullptr.
  const Strategy* find(std::string_view name) const {
    for (const auto& s : m_strategies) {
      if (s->name() == name) return s.get();
    }
    return nullptr;
  }
  /// The strategy of that name; throws Error naming the field and the registered names.
  const Strategy& at(std::string_view name) const {
    if (const auto* s = find(name)) return *s;
    std::string list;
    for (const auto& n : names()) list += (list.empty() ? "" : ", ") + n;
    throw Error(m_field + ": \"" + std::string(name) + "\" is unknown; allowed values: " + list);
  }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& s : m_strategies) out.emplace_back(s->name());
    return out;
  }

 private:
  std::string m_field;
  std::vector<std::unique_ptr<Strategy>> m_strategies;
};

/// Builds a registry from factories: `makeRegistry<SyncPolicy>("cluster.sync", {makeBsp, ...})`.
template <class Strategy>
StrategyRegistry<Strategy> makeRegistry(std::string field,
                                        std::initializer_list<std::unique_ptr<Strategy> (*)()> makers) {
  std::vector<std::unique_ptr<Strategy>> all;
  for (auto make : makers) all.push_back(make());
  return StrategyRegistry<Strategy>(std::move(field), std::move(all));
}

}  // namespace distlab::engine
