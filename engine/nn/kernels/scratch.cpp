#include "nn/kernels/scratch.h"

#include <array>
#include <vector>

namespace distlab::engine::kernels {

float* scratchFloats(int slot, std::size_t count) {
  thread_local std::array<std::vector<float>, 2> buffers;
  auto& buffer = buffers.at(static_cast<std::size_t>(slot));
  if (buffer.size() < count) buffer.resize(count);
  return buffer.data();
}

}  // namespace distlab::engine::kernels
