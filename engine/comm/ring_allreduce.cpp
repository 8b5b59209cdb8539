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

void ringAllReduce(std::span<float> values, int rank, int ranks, const RingLinks& links,
                   int segments) {
  if (ranks < 1 || rank < 0 || rank >= ranks || segments < 1) {
    throw Error("ring all-reduce: rank " + std::to_string(rank) + " of " + std::to_string(ranks) +
                ", " + std::to_string(segments) + " segments a chunk");
  }
  if (ranks == 1) return;
  const std::size_t length = values.size();
  // Segment j of chunk c is piece c * segments + j of the vector cut into ranks * segments.
  const int pieces = ranks * segments;
  auto span = [&](int chunk, int j) {
    const int piece = chunk * segments + j;
    const std::size_t begin = ringChunkBegin(length, pieces, piece);
    return values.subspan(begin, ringChunkBegin(length, pieces, piece + 1) - begin);
  };
  auto send = [&](std::uint32_t step, int chunk, int j) {
    const auto part = span(chunk, j);
    RingChunk message;
    message.step = step;
    message.chunk = static_cast<std::uint32_t>(chunk * segments + j);
    message.values.assign(part.begin(), part.end());
    links.sendNext(std::move(message));
  };
  auto receive = [&](std::uint32_t step, int chunk, int j) {
    RingChunk got = links.receivePrevious();
    const auto part = span(chunk, j);
    const auto piece = static_cast<std::uint32_t>(chunk * segments + j);
    if (got.step != step || got.chunk != piece || got.values.size() != part.size()) {
      throw Error("ring all-reduce: rank " + std::to_string(rank) + " expected piece " +
                  std::to_string(piece) + " of step " + std::to_string(step) + " (" +
                  std::to_string(part.size()) + " floats), got piece " + std::to_string(got.chunk) +
                  " of step " + std::to_string(got.step) + " (" +
                  std::to_string(got.values.size()) + " floats)");
    }
    return got;
  };
  const int steps = ranks - 1;
  const auto step = [](int s) { return static_cast<std::uint32_t>(s); };
  // Reduce-scatter: at step s a rank passes on chunk (rank - s) and adds chunk (rank - s - 1).
  // A segment goes on as soon as it is summed (the next step passes on what this one added),
  // so the hops of one step overlap those of the next: the ring is a pipeline.
  for (int j = 0; j < segments; ++j) send(0, rank, j);
  for (int s = 0; s < steps; ++s) {
    const int in = wrap(rank - s - 1, ranks);
    for (int j = 0; j < segments; ++j) {
      const RingChunk got = receive(step(s), in, j);
      auto part = span(in, j);
      for (std::size_t i = 0; i < part.size(); ++i) part[i] += got.values[i];
      // After the last step chunk (rank + 1) is summed over all ranks: the all-gather's first
      // step hands it on.
      send(step(s + 1), in, j);
    }
  }
  // All-gather: pass the summed chunks on, each received segment at once.
  for (int s = 0; s < steps; ++s) {
    const int in = wrap(rank - s, ranks);
    for (int j = 0; j < segments; ++j) {
      const RingChunk got = receive(step(steps + s), in, j);
      std::copy(got.values.begin(), got.values.end(), span(in, j).begin());
      if (s + 1 < steps) send(step(steps + s + 1), in, j);
    }
  }
}

}  // namespace distlab::engine
