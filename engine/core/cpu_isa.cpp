#include "core/cpu_isa.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>

#include "core/error.h"

namespace distlab::engine {
namespace {

constexpr int kUnset = -1;
std::atomic<int> g_active{kUnset};

Isa chooseIsa() {
  const char* wanted = std::getenv("DISTLAB_ISA");
  if (!wanted || !*wanted) return cpuHas(Isa::Avx512) ? Isa::Avx512 : Isa::Avx2;
  const std::string_view name{wanted};
  for (const Isa isa : {Isa::Avx2, Isa::Avx512}) {
    if (name != isaName(isa)) continue;
    if (!cpuHas(isa)) {
      throw Error("DISTLAB_ISA: this CPU cannot run '" + std::string(name) + "' (use avx2)");
    }
    return isa;
  }
  throw Error("DISTLAB_ISA: '" + std::string(name) + "' is not one of avx2, avx512");
}

// Runs before main, compiled for the oldest x86-64: the rest of the program uses AVX2 anywhere,
// so on an older CPU it would die of an illegal instruction without a word.
__attribute__((constructor(101), target("arch=x86-64"))) void requireAvx2() {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return;
  static const char message[] =
      "error: DistLab needs a CPU with AVX2 and FMA (x86-64-v3, 2013 or later); this one lacks "
      "them\n";
  [[maybe_unused]] const auto written = write(2, message, sizeof message - 1);
  _exit(1);
}

}  // namespace

bool cpuHas(Isa isa) {
  __builtin_cpu_init();
  switch (isa) {
    case Isa::Avx2:
      return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case Isa::Avx512:
      return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
             __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
  }
  return false;
}

Isa activeIsa() {
  int isa = g_active.load(std::memory_order_relaxed);
  if (isa == kUnset) {
    isa = static_cast<int>(chooseIsa());
    g_active.store(isa, std::memory_order_relaxed);
  }
  return static_cast<Isa>(isa);
}

void useIsa(Isa isa) {
  if (!cpuHas(isa)) {
    throw Error("this CPU cannot run the " + std::string(isaName(isa)) + " kernels");
  }
  g_active.store(static_cast<int>(isa), std::memory_order_relaxed);
}

bool cpuIsAmd() {
  static const bool amd = [] {  // asked on every product (nn/gemm.cpp)
    __builtin_cpu_init();
    return __builtin_cpu_is("amd") != 0;
  }();
  return amd;
}

std::string_view isaName(Isa isa) { return isa == Isa::Avx512 ? "avx512" : "avx2"; }

}  // namespace distlab::engine
