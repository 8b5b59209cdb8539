#pragma once
// Per-thread scratch floats for the kernels. Kept out of the kernel files on purpose: a
// std::vector used after kernels_avx512.cpp's `#pragma GCC target` is compiled for AVX-512, and
// the linker may keep that copy of its (shared, weak) member functions for the whole program,
// where an AVX2-only CPU would stop on an illegal instruction.
#include <cstddef>

namespace distlab::engine::kernels {

/// At least `count` floats for this thread, kept between calls (slot 0 and 1 are independent).
/// Valid until the next call with the same slot on the same thread.
float* scratchFloats(int slot, std::size_t count);

}  // namespace distlab::engine::kernels
