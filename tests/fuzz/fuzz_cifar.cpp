// The CIFAR-10 binary reader on any file: whole records (label byte + 3072 pixel bytes) with
// labels 0-9, or an Error naming the problem.
#include <cstdint>

#include "core/error.h"
#include "data/cifar_reader.h"
#include "fuzz_support.h"

using namespace distlab::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::MemoryFile file(data, size);
  try {
    const Dataset d = readCifar10({file.path()});
    fuzz::require(d.labels.size() == d.size(), "one label per example");
    for (std::size_t i = 0; i < d.size(); ++i) {
      fuzz::require(d.labels[i] >= 0 && d.labels[i] < 10, "labels are classes 0-9");
    }
  } catch (const Error&) {
  }
  return 0;
}
