// The readers of DistLab's own binary files on any bytes: checkpoints (run --resume) and model
// files (--load-model, export-model). What reads is written again and reads back the same.
#include <cstdint>
#include <cstring>

#include "cluster/checkpoint.h"
#include "core/error.h"
#include "fuzz_support.h"
#include "nn/model_file.h"

using namespace distlab::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const Checkpoint c = unpackCheckpoint({data, size}, "fuzz");
    const Checkpoint back = unpackCheckpoint(packCheckpoint(c), "fuzz");
    fuzz::require(back.server.version == c.server.version, "the version comes back");
    fuzz::require(back.server.parameters == c.server.parameters, "the parameters come back");
    fuzz::require(back.server.clocks == c.server.clocks, "the clocks come back");
  } catch (const Error&) {
  }
  try {
    const ModelFile m = parseModelFile({data, size}, "fuzz");
    fuzz::require(m.outputs >= 1 && m.input.size() >= 1, "a model file that reads is sane");
  } catch (const Error&) {
  }
  return 0;
}
