// Paillier at the lab's key size (2048 bits, so n^2 has 4096): making a key, encrypting one
// packed plaintext (31 values in 64-bit slots), the server's addition of two ciphertexts, and
// decrypting one. One MLP update of the default lesson (235,146 floats) is 7,586 ciphertexts.
#include <benchmark/benchmark.h>

#include <vector>

#include "crypto/paillier.h"

using namespace distlab::engine;

namespace {

const PaillierPrivateKey& key2048() {
  static const PaillierPrivateKey key = generatePaillierKey(2048);
  return key;
}

void BM_PaillierKeygen(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(generatePaillierKey(static_cast<int>(state.range(0))));
}

void BM_PaillierEncryptPacked(benchmark::State& state) {
  const PaillierPublicKey pub = key2048().publicKey();
  const PaillierPacking packing;
  const std::vector<float> values(static_cast<std::size_t>(packing.slots(pub.bits())), 0.01f);
  for (auto _ : state) benchmark::DoNotOptimize(encryptUpdate(pub, values, packing));
  state.counters["values"] = static_cast<double>(values.size());
}

void BM_PaillierAdd(benchmark::State& state) {
  const PaillierPublicKey pub = key2048().publicKey();
  const PaillierPacking packing;
  const std::vector<float> values(31, 0.01f);
  const auto a = encryptUpdate(pub, values, packing), b = encryptUpdate(pub, values, packing);
  for (auto _ : state) benchmark::DoNotOptimize(pub.add(a[0], b[0]));
}

void BM_PaillierDecrypt(benchmark::State& state) {
  const PaillierPublicKey pub = key2048().publicKey();
  const PaillierPacking packing;
  const std::vector<float> values(31, 0.01f);
  const auto a = encryptUpdate(pub, values, packing);
  for (auto _ : state) benchmark::DoNotOptimize(key2048().decrypt(a[0]));
}

}  // namespace

BENCHMARK(BM_PaillierKeygen)->Arg(2048)->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PaillierEncryptPacked)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PaillierAdd)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PaillierDecrypt)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
