#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "comm/messages.h"

namespace distlab::engine {

/// Where chunk `c` of a ring all-reduce over `length` floats among `ranks` starts: chunks are as
/// equal as can be (their lengths differ by at most one; with fewer floats than ranks, some are
/// empty). chunkBegin(ranks, ...) is the length.
std::size_t ringChunkBegin(std::size_t length, int ranks, int chunk);

/// How a rank talks to its ring: send to the next rank, receive from the previous one. send
/// must not wait for the receiver (every rank sends before it receives): queue or buffer it.
/// The all-reduce fills a chunk's step, chunk and values; the links may stamp its round.
struct RingLinks {
  std::function<void(RingChunk)> sendNext;
  std::function<RingChunk()> receivePrevious;
};

/// Sums `values` over every rank of the ring in place, Baidu/Horovod style: a reduce-scatter
/// (N-1 steps, each rank sending one chunk and adding the one it receives) leaves each rank one
/// chunk summed over all, an all-gather (N-1 steps) hands those chunks round. Each rank sends
/// 2(N-1)/N of the floats in all, whatever N. Every rank ends with the same bits: each chunk is
/// summed once, in one order, and copied. Throws Error when a received chunk is not the one
/// expected (another step, piece or length).
/// With `segments` > 1 each chunk travels as that many pieces (a RING frame each, its `chunk`
/// field chunk * segments + piece), and a rank passes each piece on as soon as it has it, so a
/// step's transfers overlap the next step's instead of waiting for whole chunks. Every link is
/// already busy at every step of the plain ring, so this mostly hides uneven hops (measured in
/// bench/RESULTS.md). The sums are those of one segment (the same order of additions).
void ringAllReduce(std::span<float> values, int rank, int ranks, const RingLinks& links,
                   int segments = 1);

}  // namespace distlab::engine
