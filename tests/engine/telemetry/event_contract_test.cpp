// docs/events.md is the contract people read: it must name every record, every field and every
// enum value the codecs write, so a change to a record cannot go undocumented.
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "event_samples.h"

namespace distlab::engine {
namespace {

using namespace event_fields;

std::string contract() {
  std::ifstream in(std::string(DISTLAB_SOURCE_DIR) + "/docs/events.md");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Every field name (and nested record's fields, and enum values) of a record type.
template <class T>
void names(std::vector<std::string>& out) {
  T record{};
  visit(record, [&](const char* name, auto& member) {
    using M = std::decay_t<decltype(member)>;
    out.emplace_back(name);
    if constexpr (EventEnum<M>) {
      for (const char* value : EnumNames<M>::names) {
        if (value) out.emplace_back(value);
      }
    } else if constexpr (Record<M>) {
      names<M>(out);
    } else if constexpr (testing::IsVector<M>::value) {
      using Item = typename M::value_type;
      if constexpr (Record<Item>) names<Item>(out);
    }
  });
}

template <std::size_t I = 0>
void everyRecord(const std::string& doc) {
  if constexpr (I < std::variant_size_v<Event>) {
    const std::string record = eventName(I);
    EXPECT_NE(doc.find("### `" + record + "`"), std::string::npos) << record;
    std::vector<std::string> fields;
    names<std::variant_alternative_t<I, Event>>(fields);
    for (const auto& field : fields) {
      EXPECT_NE(doc.find("`" + field + "`"), std::string::npos) << record << "." << field;
    }
    everyRecord<I + 1>(doc);
  }
}

TEST(EventContractTest, TheDocumentNamesEveryRecordFieldAndEnumValue) {
  const std::string doc = contract();
  ASSERT_FALSE(doc.empty());
  EXPECT_NE(doc.find("version " + std::to_string(kEventsVersion)), std::string::npos);
  everyRecord(doc);
}

}  // namespace
}  // namespace distlab::engine
