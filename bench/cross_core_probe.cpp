// What moving a step's gradient and parameters between two cores costs on this machine: the
// parameter server's SGD step over the default MLP's 235,146 floats, once with the gradient and
// the parameters last written on the server's own core and once on the other core (as a local
// worker leaves them). Pins two threads to cores 0 and 1. Prints the medians of 200 steps each.
// Read beside the one-worker cluster's aggregation span (bench/RESULTS.md).
#include <immintrin.h>
#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

constexpr std::size_t kFloats = 235146;
constexpr int kSteps = 200;
std::vector<float> gradient(kFloats), params(kFloats);
std::atomic<int> turn{0};
volatile float sink = 0;

/// Runs the calling thread on `core`; false (and says so) where it may not.
bool pin(int core) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(core, &set);
  if (pthread_setaffinity_np(pthread_self(), sizeof set, &set) != 0 || sched_getcpu() != core) {
    std::printf("cannot run on core %d\n", core);
    return false;
  }
  return true;
}

/// Waits for the other thread's turn with PAUSE, as a polling process would.
void waitFor(int value) {
  while (turn.load() != value) _mm_pause();
}

double sgdStepMicroseconds() {
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < kFloats; ++i) params[i] -= 0.1f * gradient[i];
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
}

/// A worker's share of a step: writes the gradient and reads the parameters.
void touchAsAWorker(float value) {
  for (std::size_t i = 0; i < kFloats; ++i) gradient[i] = value;
  float sum = 0;
  for (std::size_t i = 0; i < kFloats; ++i) sum += params[i];
  sink = sum;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main() {
  if (std::thread::hardware_concurrency() < 2 || !pin(0)) {
    std::puts("needs two cores it may run on");
    return 1;
  }
  // The other core spins in both cases (so both compete alike for a shared core, if the two are
  // hyperthreads of one): in the first it only waits, in the second it writes the gradient and
  // reads the parameters before each step, as a local worker does.
  std::vector<double> same, other;
  std::atomic<bool> pinned{true};
  std::thread worker([&pinned] {
    pinned = pin(1);
    for (int s = 0; s < 2 * kSteps; ++s) {
      waitFor(1);
      if (s >= kSteps) touchAsAWorker(static_cast<float>(s));
      turn.store(0);
    }
  });
  for (int s = 0; s < 2 * kSteps; ++s) {
    if (s < kSteps) touchAsAWorker(static_cast<float>(s));
    turn.store(1);
    waitFor(0);
    (s < kSteps ? same : other).push_back(sgdStepMicroseconds());
  }
  worker.join();
  if (!pinned) return 1;
  std::printf("SGD step over %zu floats: last written on this core %.0f us, on the other core "
              "%.0f us (medians of %d)\n",
              kFloats, median(same), median(other), kSteps);
  return 0;
}
