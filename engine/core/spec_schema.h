#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/spec.h"

namespace distlab::engine {

// The spec's schema: every field declared once, in one table (spec_schema.cpp). Parsing,
// validation of each value, writing, the JSON Schema export, `spec --explain` and the window's
// Experiment panel all read this table; a field's default is the value a default-constructed
// Spec holds in the member the table binds (core/spec.h), so it exists once too.

/// What a field holds, as JSON.
enum class FieldType : std::uint8_t {
  Integer,      ///< a whole number in [min, max]
  Unsigned,     ///< a whole number >= 0 (64 bits: the seed)
  Number,       ///< a finite number in [min, max] (or (min, max] when minExclusive)
  Text,         ///< a string of at most maxItems bytes
  Choice,       ///< one of choices()
  Boolean,      ///< true or false
  IntegerList,  ///< at most maxItems integers, each in [min, max]
  NumberList,   ///< at most maxItems numbers, each in [min, max]
  NumberPair,   ///< [low, high]
};

/// Where a field's value lives in a Spec.
using FieldSlot = std::variant<int*, std::uint64_t*, double*, std::string*, bool*,
                               std::vector<int>*, std::vector<double>*, std::pair<double*, double*>>;

/// The Experiment panel's groups, in the order it shows them.
enum class FieldGroup : std::uint8_t {
  General,
  Dataset,
  Model,
  Training,
  Partitioning,
  Synchronization,
  Aggregation,
  Heterogeneity,
  Network,
  Privacy,
  ModelPartitioning,
  Federated,
  Security,
};
inline constexpr int kFieldGroupCount = 13;
/// "general", "dataset", ... (stable ids for the window and the schema export).
const char* fieldGroupName(FieldGroup group);

struct SpecField {
  std::string_view path;  ///< JSON path, "seed" or "training.lr"
  FieldType type = FieldType::Integer;
  FieldGroup group = FieldGroup::General;
  bool advanced = false;  ///< the form shows it under "More settings" of its group
  double min = 0.0, max = 0.0;  ///< allowed range (of every item, for lists)
  bool minExclusive = false;
  std::size_t maxItems = 0;  ///< lists: items; text: bytes
  /// Choice: the allowed values, in the order shown (a strategy registry's names, or a list).
  std::vector<std::string> (*choices)() = nullptr;
  std::string_view unit{};    ///< "examples", "ms", "Mbit/s" ... (empty: none)
  std::string_view label{};   ///< a short English name, e.g. "Learning rate"
  std::string_view help{};    ///< one English sentence in the lecture's terms
  std::string_view usedBy{};  ///< the experiments that read it, space separated, or "all"
  /// What the minimum stands for in an Integer field ("all" for a limit of 0, "none" for a
  /// worker of -1), or empty when it is just a number.
  std::string_view minMeans{};
  /// When the field matters at all, beyond its experiment: "path=value|value", several such
  /// clauses space separated, any one enough ("model_parallel.mode=tensor|skeleton"); a clause
  /// on a field the experiment does not read does not apply; empty: always. The form hides it
  /// otherwise.
  std::string_view shownWhen{};
  FieldSlot (*slot)(Spec&) = nullptr;
};

/// Reads every field of a spec's JSON through the schema (types, ranges, allowed values,
/// unknown keys) without the rules between fields (validateSpec); parseSpec is both.
std::vector<SpecError> readSpecFields(const nlohmann::json& json, Spec& out);

/// Every field, in the order specToJson writes them.
std::span<const SpecField> specSchema();
/// The field at a JSON path ("training.lr"), or nullptr.
const SpecField* findSpecField(std::string_view path);
/// The sections of the spec that hold fields ("dataset", "model", ...), in order.
std::vector<std::string> specSections();

/// The field's value in a spec, as JSON.
nlohmann::json fieldValue(const Spec& spec, const SpecField& field);
/// The field's default (its value in Spec{}), as JSON.
nlohmann::json fieldDefault(const SpecField& field);
/// "an integer from 1 to 64", "one of bsp, asp, ssp, local-sgd", ... (what the field allows).
std::string describeAllowed(const SpecField& field);
/// "integer", "number", "string", "boolean", "list of numbers", ... (the field's JSON type).
const char* fieldTypeName(FieldType type);

/// The spec's JSON Schema (draft 2020-12): every field's type, default, range or allowed
/// values, unit (x-unit), help (description) and the experiments that use it (x-used-by).
nlohmann::json specJsonSchema();
/// Several lines for people: the field's path and label, type, what it allows, default, unit,
/// who uses it and its help. Throws Error naming the path (and the nearest fields) if unknown.
std::string explainSpecField(std::string_view path);

/// The fields a mistyped path may have meant (by spelling or by label, in any section), nearest
/// first, at most three: "training.learning_rate" -> "training.lr".
/// withSections: a misspelt top-level key may also be a section ("trainig" -> "training"),
/// where a section is a valid answer (a spec's keys; not `spec --explain` or `--vary`).
std::vector<std::string> suggestSpecFields(std::string_view path, bool withSections = false);

/// Up to `count` known names closest to `name` (edit distance, then shared words), nearest first;
/// only names close enough to be a likely typo or synonym.
std::vector<std::string> nearestNames(std::string_view name, std::span<const std::string> known,
                                      std::size_t count = 3);

}  // namespace distlab::engine
