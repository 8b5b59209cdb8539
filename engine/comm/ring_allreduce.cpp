#include "comm/ring_allreduce.h"

#include <string>

#include "core/error.h"

namespace distlab::engine {
namespace {

int wrap(int i, int n) { return ((i % n) + n) % n; }

}  // namespace

std::size_t ringChunkBegin(std::size_t length, int ranks, int chunk) {
  return length * static_cast<std::size_t>(chunk) / static_cast<std::size_t>(ranks);
}

void ringAllReduce(std::span<float> values, int rank, int ranks, const RingLinks& links) {
  if (ranks < 1 || rank < 0 || rank >= ranks) {
    throw Error("ring all-reduce: rank " + std::to_string(rank) + " of " + std::to_string(ranks));
  }
  if (ranks == 1) return;
  const std::size_t length = values.size();
  auto span = [&](int chunk) {
    const std::size_t begin = ringChunkBegin(length, ranks, chunk);
    return values.subspan(begin, ringChunkBegin(length, ranks, chunk + 1) - begin);
  };
  auto send = [&](std::uint32_t step, int chunk) {
    const auto part = span(chunk);
    RingChunk message;
    message.step = step;
    message.chunk = static_cast<std::uint32_t>(chunk);
    message.values.assign(part.begin(), part.end());
    links.sendNext(std::move(message));
  };
  auto receive = [&](std::uint32_t step, int chunk) {
    RingChunk got = links.receivePrevious();
    const auto part = span(chunk);
    if (got.step != step || got.chunk != static_cast<std::uint32_t>(chunk) ||
        got.values.size() != part.size()) {
      throw Error("ring all-reduce: rank " + std::to_string(rank) + " expected chunk " +
                  std::to_string(chunk) + " of step " + std::to_string(step) + " (" +
                  std::to_string(part.size()) + " floats), got chunk " + std::to_string(got.chunk) +
                  " of step " + std::to_string(got.step) + " (" +
                  std::to_string(got.values.size()) + " floats)");
    }
    return got;
  };
  const auto steps = static_cast<std::uint32_t>(ranks - 1);
  // Reduce-scatter: at step s a rank passes on chunk (rank - s) and adds chunk (rank - s - 1).
  for (std::uint32_t s = 0; s < steps; ++s) {
    const int out = wrap(rank - static_cast<int>(s), ranks);
    const int in = wrap(rank - static_cast<int>(s) - 1, ranks);
    send(s, out);
    const RingChunk got = receive(s, in);
    auto part = span(in);
    for (std::size_t i = 0; i < part.size(); ++i) part[i] += got.values[i];
  }
  // Now chunk (rank + 1) is summed over all ranks here. All-gather: pass the summed chunks on.
  for (std::uint32_t s = 0; s < steps; ++s) {
    const int out = wrap(rank + 1 - static_cast<int>(s), ranks);
    const int in = wrap(rank - static_cast<int>(s), ranks);
    send(steps + s, out);
    const RingChunk got = receive(steps + s, in);
    std::copy(got.values.begin(), got.values.end(), span(in).begin());
  }
}

}  // namespace distlab::engine
