// The spec's schema drives parsing, writing, validation messages, `--schema` and `--explain`:
// these tests go through every field of the table, so a field added there is tested here too.
#include <cmath>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../test_support.h"
#include "core/spec_problems.h"
#include "core/spec_schema.h"

namespace distlab::engine {
namespace {

using nlohmann::json;

// A JSON document holding `value` at the field's path.
json withField(const SpecField& f, const json& value) {
  json doc = json::object();
  const std::string path(f.path);
  const auto dot = path.find('.');
  if (dot == std::string::npos) {
    doc[path] = value;
  } else {
    doc[path.substr(0, dot)][path.substr(dot + 1)] = value;
  }
  return doc;
}

// A value the field allows that is not its default.
json otherValue(const SpecField& f) {
  const json def = fieldDefault(f);
  switch (f.type) {
    case FieldType::Integer:
      return def.get<long long>() == static_cast<long long>(f.max) ? static_cast<long long>(f.min)
                                                                   : static_cast<long long>(f.max);
    case FieldType::Unsigned:
      return def.get<std::uint64_t>() + 12345;
    case FieldType::Number: {
      const double v = f.min + (f.max - f.min) * 0.37;
      return v == def.get<double>() ? f.max : v;
    }
    case FieldType::Text:
      return def.get<std::string>() + "更改";
    case FieldType::Choice:
      for (const auto& c : f.choices()) {
        if (c != def.get<std::string>()) return c;
      }
      return def;
    case FieldType::Boolean:
      return !def.get<bool>();
    case FieldType::IntegerList:
      return json::array({static_cast<long long>(f.max), static_cast<long long>(f.min)});
    case FieldType::NumberList:
      return json::array({f.max, f.min});
    case FieldType::NumberPair:
      return json::array({-0.25, 0.75});
  }
  return def;
}

TEST(SpecSchemaTest, EveryFieldHasAPathLabelHelpAndAPlaceInTheForm) {
  std::set<std::string_view> paths;
  for (const SpecField& f : specSchema()) {
    SCOPED_TRACE(std::string(f.path));
    EXPECT_TRUE(paths.insert(f.path).second) << "declared twice";
    EXPECT_FALSE(f.label.empty());
    EXPECT_FALSE(f.help.empty());
    EXPECT_FALSE(f.usedBy.empty());
    EXPECT_STRNE(fieldGroupName(f.group), "unknown");
    EXPECT_NE(f.slot, nullptr);
    EXPECT_EQ(findSpecField(f.path), &f);
    if (f.type == FieldType::Choice) {
      EXPECT_FALSE(f.choices().empty());
    }
  }
  EXPECT_EQ(findSpecField("training.nope"), nullptr);
}

TEST(SpecSchemaTest, EveryFieldsDefaultIsAllowedAndTheDefaultsMakeAValidSpec) {
  Spec spec;
  EXPECT_TRUE(parseSpec(std::string("{}"), spec).empty());
  for (const SpecField& f : specSchema()) {
    Spec read;
    EXPECT_TRUE(readSpecFields(withField(f, fieldDefault(f)), read).empty()) << f.path;
  }
}

TEST(SpecSchemaTest, EveryFieldParsesWritesAndParsesBackToTheSameValue) {
  for (const SpecField& f : specSchema()) {
    SCOPED_TRACE(std::string(f.path));
    if (f.type == FieldType::Integer && f.min == f.max) continue;  // one value only: "version"
    // One choice so far (model_parallel.mode: pipeline; tensor and skeleton are to come).
    if (f.type == FieldType::Choice && f.choices().size() == 1) continue;
    const json value = otherValue(f);
    ASSERT_NE(value, fieldDefault(f));
    Spec first;
    const auto errors = readSpecFields(withField(f, value), first);
    ASSERT_TRUE(errors.empty()) << errors.front().text();
    EXPECT_EQ(fieldValue(first, f), value);
    const json written = specToJson(first);
    Spec second;
    ASSERT_TRUE(readSpecFields(written, second).empty());
    EXPECT_EQ(specToJson(second), written);
    EXPECT_EQ(fieldValue(second, f), value);
  }
}

// Each kind of bad value, for every field that can hold it; the error names the field (or the
// list item), the value as written, and what is allowed.
TEST(SpecSchemaTest, ABadValueOfEveryFieldGivesAnErrorNamingTheFieldAndWhatIsAllowed) {
  int checked = 0;
  for (const SpecField& f : specSchema()) {
    std::vector<std::pair<json, std::string>> bad;  // value, the path the error must carry
    const std::string path(f.path);
    bad.push_back({json::object({{"x", 1}}), path});  // a wrong type for every field
    switch (f.type) {
      case FieldType::Integer:
        bad.push_back({static_cast<long long>(f.max) + 1, path});
        bad.push_back({static_cast<long long>(f.min) - 1, path});
        bad.push_back({f.min + 0.5, path});
        break;
      case FieldType::Unsigned:
        bad.push_back({-1, path});
        break;
      case FieldType::Number:
        bad.push_back({f.max * 2 + 1, path});
        bad.push_back({f.minExclusive ? f.min : f.min - 1, path});
        break;
      case FieldType::Text:
        bad.push_back({std::string(f.maxItems + 1, 'x'), path});
        break;
      case FieldType::Choice:
        bad.push_back({"no-such-value", path});
        break;
      case FieldType::Boolean:
        bad.push_back({1, path});
        break;
      case FieldType::IntegerList:
        bad.push_back({json::array({static_cast<long long>(f.min), static_cast<long long>(f.max) + 1}),
                       path + "[1]"});
        bad.push_back({json(std::vector<long long>(f.maxItems + 1, static_cast<long long>(f.min))),
                       path});
        break;
      case FieldType::NumberList:
        bad.push_back({json::array({f.min, f.max * 2 + 1}), path + "[1]"});
        bad.push_back({json(std::vector<double>(f.maxItems + 1, f.min)), path});
        break;
      case FieldType::NumberPair:
        bad.push_back({json::array({1}), path});
        break;
    }
    for (const auto& [value, where] : bad) {
      SCOPED_TRACE(path + " = " + value.dump().substr(0, 40));
      Spec spec;
      const auto errors = readSpecFields(withField(f, value), spec);
      ASSERT_EQ(errors.size(), 1u);
      EXPECT_EQ(errors[0].path, where);
      const std::string& m = errors[0].message;
      EXPECT_TRUE(m.find("allowed") != std::string::npos || m.find("expected") != std::string::npos)
          << m;
      if (value.is_primitive() && !value.is_string()) {
        EXPECT_NE(m.find(value.dump()), std::string::npos) << m;
      }
      // Said by a code and its values, so a window can say it in its own language.
      EXPECT_EQ(m, fillPlaceholders(specProblemText(errors[0].code), errors[0].args))
          << errors[0].code;
      ++checked;
    }
  }
  EXPECT_GT(checked, 2 * static_cast<int>(specSchema().size()));
}

TEST(SpecSchemaTest, AChoiceListsTheRegisteredStrategiesInItsError) {
  Spec spec;
  const auto errors = readSpecFields(json::parse(R"({"cluster": {"partition": "random"}})"), spec);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("shuffle-split, with-replacement, dirichlet, shards"),
            std::string::npos)
      << errors[0].message;
}

TEST(SpecSchemaTest, AnUnknownKeySuggestsTheFieldItProbablyMeant) {
  struct Case {
    const char* json;
    const char* suggestion;
  };
  const Case cases[] = {
      {R"({"training": {"learning_rate": 0.1}})", "\"training.lr\""},  // by the field's label
      {R"({"training": {"epoch": 3}})", "\"training.epochs\""},        // by spelling
      {R"({"epochs": 3})", "\"training.epochs\""},                     // in another section
      {R"({"cluster": {"staleness_bound": 2}})", "\"cluster.staleness\""},
  };
  for (const auto& c : cases) {
    Spec spec;
    const auto errors = readSpecFields(json::parse(c.json), spec);
    ASSERT_EQ(errors.size(), 1u) << c.json;
    EXPECT_NE(errors[0].message.find("did you mean"), std::string::npos) << errors[0].message;
    EXPECT_NE(errors[0].message.find(c.suggestion), std::string::npos) << errors[0].message;
  }
  Spec spec;
  const auto none = readSpecFields(json::parse(R"({"zzzzqqq": 1})"), spec);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].message.find("did you mean"), std::string::npos) << none[0].message;
}

TEST(SpecSchemaTest, TheJsonSchemaHoldsEveryFieldWithItsDefaultAndRange) {
  const json schema = specJsonSchema();
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["additionalProperties"], false);
  for (const SpecField& f : specSchema()) {
    const std::string path(f.path);
    const auto dot = path.find('.');
    const json& p = dot == std::string::npos
                        ? schema["properties"][path]
                        : schema["properties"][path.substr(0, dot)]["properties"][path.substr(dot + 1)];
    SCOPED_TRACE(path);
    ASSERT_TRUE(p.is_object());
    EXPECT_EQ(p["default"], fieldDefault(f));
    EXPECT_EQ(p["description"], f.help);
    if (f.type == FieldType::Choice) {
      EXPECT_EQ(p["enum"], f.choices());
    }
    if (f.type == FieldType::Integer) {
      EXPECT_EQ(p["maximum"], static_cast<long long>(f.max));
    }
  }
  EXPECT_EQ(schema["properties"]["cluster"]["properties"]["bandwidth_mbps"]["x-unit"], "Mbit/s");
}

TEST(SpecSchemaTest, ExplainSaysWhatAFieldHoldsAndNamesTheNearestForATypo) {
  const std::string lr = explainSpecField("training.lr");
  EXPECT_NE(lr.find("Learning rate"), std::string::npos) << lr;
  EXPECT_NE(lr.find("> 0 and <= 100"), std::string::npos) << lr;
  EXPECT_NE(lr.find("default: 0.1"), std::string::npos) << lr;
  const std::string limit = explainSpecField("dataset.train_limit");
  EXPECT_NE(limit.find("0 means: all"), std::string::npos) << limit;
  EXPECT_NE(limit.find("unit:    examples"), std::string::npos) << limit;
  for (const SpecField& f : specSchema()) EXPECT_NO_THROW(explainSpecField(f.path)) << f.path;
  const std::string error = testing::errorOf([] { explainSpecField("training.learnng_rate"); });
  EXPECT_NE(error.find("did you mean \"training.lr\""), std::string::npos) << error;
  // A section is no field to explain: not offered for a misspelt one (a spec's keys get it).
  const std::string section = testing::errorOf([] { explainSpecField("trainig"); });
  EXPECT_EQ(section.find("\"training\""), std::string::npos) << section;
}

}  // namespace
}  // namespace distlab::engine
