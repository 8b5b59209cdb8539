#include <gtest/gtest.h>

#include "../test_support.h"
#include "core/strategy_registry.h"

namespace distlab::engine {
namespace {

struct Greeting {
  virtual ~Greeting() = default;
  virtual std::string_view name() const = 0;
};
struct Hello final : Greeting {
  std::string_view name() const override { return "hello"; }
};
struct NiHao final : Greeting {
  std::string_view name() const override { return "ni-hao"; }
};
std::unique_ptr<Greeting> makeHello() { return std::make_unique<Hello>(); }
std::unique_ptr<Greeting> makeNiHao() { return std::make_unique<NiHao>(); }

TEST(StrategyRegistryTest, FindsByNameKeepsTheOrderAndNamesTheFieldWhenUnknown) {
  const auto registry = makeRegistry<Greeting>("lesson.greeting", {makeHello, makeNiHao});
  EXPECT_EQ(registry.names(), (std::vector<std::string>{"hello", "ni-hao"}));
  EXPECT_EQ(registry.at("ni-hao").name(), "ni-hao");
  EXPECT_EQ(registry.find("bonjour"), nullptr);
  EXPECT_EQ(testing::errorOf([&] { registry.at("bonjour"); }),
            "lesson.greeting: \"bonjour\" is unknown; allowed values: hello, ni-hao");
}

}  // namespace
}  // namespace distlab::engine
