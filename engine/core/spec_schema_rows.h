#pragma once
// For the files that hold the schema's tables (spec_schema*.cpp) only: how a row names its slot
// and its choices, and the tables of the sections kept in files of their own.
#include <span>
#include <string>
#include <vector>

#include "core/spec_schema.h"

#define SLOT(member) [](Spec& s) -> FieldSlot { return &s.member; }
#define CHOICES(...) [] { return std::vector<std::string>{__VA_ARGS__}; }

namespace distlab::engine {

inline constexpr int kMaxWorkers = 64;
/// The most clients a federated run simulates (fl.clients).
inline constexpr int kMaxClients = 10000;

std::span<const SpecField> privacySpecFields();    ///< spec_schema_privacy.cpp
std::span<const SpecField> federatedSpecFields();  ///< spec_schema_federated.cpp
std::span<const SpecField> securitySpecFields();   ///< spec_schema_security.cpp

}  // namespace distlab::engine
