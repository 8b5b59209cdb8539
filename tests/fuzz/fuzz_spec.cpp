// The spec reader on any text: a list of problems or a spec, never a crash; and a spec it
// accepts is written back to a text it accepts again, unchanged.
#include <cstdint>
#include <string>

#include "core/spec.h"
#include "fuzz_support.h"

using namespace distlab::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Spec spec;
  const auto errors = parseSpec(text, spec);
  for (const auto& e : errors) {
    fuzz::require(!e.text().empty(), "every problem says something");
    fuzz::require(e.text().size() < 4096, "a problem is one short line, the input not echoed");
  }
  if (!errors.empty()) return 0;
  const std::string written = specToString(spec);
  Spec again;
  fuzz::require(parseSpec(written, again).empty(), "a written spec reads back");
  fuzz::require(specToString(again) == written, "and is the same spec");
  return 0;
}
