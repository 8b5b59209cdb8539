#include "core/spec_diff.h"

#include <gtest/gtest.h>

namespace distlab::engine {
namespace {

using nlohmann::json;

TEST(SpecDiffTest, ADefaultWrittenOutEqualsOneLeftOut) {
  const json a = json::parse(R"({"name": "a", "training": {"lr": 0.05}})");
  const json b =
      json::parse(R"({"name": "b", "training": {"lr": 0.05}, "cluster": {"sync": "bsp"}})");
  EXPECT_TRUE(diffSpecs({a, b}).empty());  // bsp is the default; names are not settings
}

TEST(SpecDiffTest, NamesEachDifferingFieldWithEverySpecsValue) {
  const json a = json::parse(R"({"training": {"lr": 0.05}, "cluster": {"sync": "bsp"}})");
  const json b = json::parse(R"({"training": {"lr": 0.1}, "cluster": {"sync": "asp"}})");
  const json c = json::parse(R"({"training": {"lr": 0.1}, "cluster": {"sync": "bsp"}})");
  const auto d = diffSpecs({a, b, c});
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].field, "cluster.sync");  // sorted by name
  EXPECT_EQ(d[0].values, (std::vector<std::string>{"\"bsp\"", "\"asp\"", "\"bsp\""}));
  EXPECT_EQ(d[1].field, "training.lr");
  EXPECT_EQ(d[1].values, (std::vector<std::string>{"0.05", "0.1", "0.1"}));
}

TEST(SpecDiffTest, ListsAreComparedWholeAndAnInvalidSpecAsWritten) {
  const json a = json::parse(R"({"model": {"hidden": [64, 32]}})");
  const json b = json::parse(R"({"model": {"hidden": [64]}})");
  const auto d = diffSpecs({a, b});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].field, "model.hidden");
  EXPECT_EQ(d[0].values[0], "[64,32]");
  // Not a valid spec (an unknown field): compared as it is, so only what it says shows.
  const json bad = json::parse(R"({"model": {"hidden": [64]}, "bogus": 1})");
  const auto withBad = diffSpecs({b, bad});
  bool bogus = false;
  for (const auto& x : withBad) bogus |= x.field == "bogus" && x.values[0].empty();
  EXPECT_TRUE(bogus);
}

}  // namespace
}  // namespace distlab::engine
