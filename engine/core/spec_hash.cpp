#include "core/spec_hash.h"

namespace distlab::engine {

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t specHash(const Spec& spec) { return fnv1a(specToString(spec)); }

}  // namespace distlab::engine
