#pragma once

namespace distlab::engine {

/// For processes that allocate and free the same few large sizes over and over (stage
/// processes' frames, an attack's per-example matrices): freed blocks stay in the process for
/// the next allocation instead of going back to the system, whose fresh pages fault in again
/// each time. On this VM that tripled an all-reduce step and cost a gradient-inversion attack
/// 29% of its time (bench/RESULTS.md). Process-wide; call once, early.
void keepFreedMemory();

}  // namespace distlab::engine
