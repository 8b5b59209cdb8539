#pragma once
#include <string_view>

namespace distlab::engine {

/// The instruction sets the hand-written kernels are built for. The whole build targets AVX2
/// (x86-64-v3); AVX-512 kernels are picked at run time where the CPU has them.
enum class Isa { Avx2, Avx512 };

/// Whether this CPU can run the kernels of `isa`.
bool cpuHas(Isa isa);

/// The kernels in use: DISTLAB_ISA (avx2 | avx512) if set, else the best this CPU runs. Chosen
/// once, on the first call; throws Error on a bad DISTLAB_ISA (naming the allowed values) or one
/// the CPU lacks.
Isa activeIsa();

/// Switches the kernels (tests run every variant the machine can execute); throws Error if the
/// CPU lacks `isa`.
void useIsa(Isa isa);

std::string_view isaName(Isa isa);

/// Whether the CPU is AMD's: some products are faster through our kernels there than through
/// OpenBLAS's (nn/gemm.cpp).
bool cpuIsAmd();

}  // namespace distlab::engine
