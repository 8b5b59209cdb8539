#pragma once
#include <cstdint>
#include <string_view>

#include "core/spec.h"

namespace distlab::engine {

/// FNV-1a (64 bits) of a text.
std::uint64_t fnv1a(std::string_view text);
/// The spec's fingerprint: FNV-1a of specToString(spec), the text a run folder's spec.json holds.
std::uint64_t specHash(const Spec& spec);

}  // namespace distlab::engine
