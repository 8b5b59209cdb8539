// The IDX reader (raw or gzip) on any file: an array whose sizes match its dimensions, or an
// Error naming the problem; never a crash or an allocation the file cannot back.
#include <cstdint>

#include "core/error.h"
#include "data/idx_reader.h"
#include "fuzz_support.h"

using namespace distlab::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::MemoryFile file(data, size);
  try {
    const IdxArray array = readIdxFile(file.path());
    std::size_t elements = 1;
    for (const auto d : array.dims) elements *= d;
    fuzz::require(array.data.size() == elements, "the data fill the dimensions exactly");
  } catch (const Error&) {
  }
  return 0;
}
