#pragma once
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/spec.h"

namespace distlab::engine {

/// Reads the fields of one JSON object into C++ values, recording a SpecError (with the field's
/// full path, the offending value and what is allowed) for each problem instead of stopping.
/// A missing key keeps the default already in the output variable. finish() reports unknown keys.
class SpecReader {
 public:
  SpecReader(const nlohmann::json& object, std::string path, std::vector<SpecError>& errors);

  void integer(const char* key, int& out, long long min, long long max);
  void unsignedInteger(const char* key, std::uint64_t& out);
  /// A number in [min, max], or (min, max] when minExclusive.
  void number(const char* key, double& out, double min, double max, bool minExclusive = false);
  void text(const char* key, std::string& out, std::size_t maxLength = 4096);
  void choice(const char* key, std::string& out, const std::vector<std::string>& allowed);
  void boolean(const char* key, bool& out);
  void integerList(const char* key, std::vector<int>& out, int min, int max, std::size_t maxItems);
  void numberList(const char* key, std::vector<double>& out, double min, double max,
                  std::size_t maxItems);
  void numberPair(const char* key, double& first, double& second);
  /// The nested object under key (an empty one when missing; an error when not an object).
  SpecReader object(const char* key);
  /// Records an error for every key that no read above asked for, with the fields it may have
  /// meant (by spelling or by label, in any section).
  void finish();

 private:
  const nlohmann::json* find(const char* key);
  std::string pathOf(const char* key) const;
  /// A problem of the field under key (core/spec_problems.h).
  void fail(const char* key, std::string_view code, std::vector<std::string> args);
  /// The value has the wrong JSON type: its text and type, then `more`.
  void wrongType(const char* key, const nlohmann::json& value, std::string_view code,
                 std::vector<std::string> more = {});

  const nlohmann::json& m_object;
  std::string m_path;
  std::vector<SpecError>& m_errors;
  std::set<std::string> m_known;
  bool m_isObject;
};

/// The JSON text of a value for messages: strings quoted, numbers as written.
std::string describeJson(const nlohmann::json& value);

}  // namespace distlab::engine
