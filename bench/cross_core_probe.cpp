// What moving a step's gradient and parameters between two cores costs on this machine: the
// parameter server's SGD step over the default MLP's 235,146 floats, once with the gradient and
// the parameters last written on the server's own core and once on the other core (as a local
// worker leaves them). Pins two threads to cores 0 and 1. Prints the medians of 200 steps each.
// Read beside the one-worker cluster's aggregation span (bench/RESULTS.md).
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

void pin(int core) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(core, &set);
  pthread_setaffinity_np(pthread_self(), sizeof set, &set);
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
  if (std::thread::hardware_concurrency() < 2) {
    std::puts("needs two cores");
    return 1;
  }
  pin(0);
  std::vector<double> same, other;
  for (int s = 0; s < kSteps; ++s) {
    touchAsAWorker(static_cast<float>(s));
    same.push_back(sgdStepMicroseconds());
  }
  std::thread worker([] {
    pin(1);
    for (int s = 0; s < kSteps; ++s) {
      while (turn.load() != 1) {
      }
      touchAsAWorker(static_cast<float>(s));
      turn.store(0);
    }
  });
  for (int s = 0; s < kSteps; ++s) {
    turn.store(1);
    while (turn.load() != 0) {
    }
    other.push_back(sgdStepMicroseconds());
  }
  worker.join();
  std::printf("SGD step over %zu floats: last written on this core %.0f us, on the other core "
              "%.0f us (medians of %d)\n",
              kFloats, median(same), median(other), kSteps);
  return 0;
}
