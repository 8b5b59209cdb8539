#pragma once
#include <cstdint>
#include <functional>

namespace boost::asio {
class io_context;
}

namespace distlab::engine {

/// Busy-polling, as MPI does when a job is not oversubscribed: a process that expects a message
/// within a step keeps checking for it (yielding the core to anyone runnable) instead of sleeping.
/// A sleeping core must be woken by the sender, and on a virtual machine that wake-up costs
/// 20-50 us per message (a halted vCPU) — a quarter of a one-worker step on the lab's MLP.
/// Only worth it when every process of the run has a core of its own: otherwise the spinning
/// takes time from a process that would compute.

/// How long to keep polling after the last message before sleeping: longer than a step, so a
/// worker's compute does not let the coordinator's core fall asleep.
inline constexpr std::int64_t kBusyPollNs = 2'000'000;

/// The cores this process may run on (its affinity mask, so taskset and cpusets count).
int usableCores();

/// Whether `processes` busy processes of one run may poll: each has a core of its own.
/// DISTLAB_BUSY_POLL=0 turns polling off, =1 on regardless (for benchmarks).
bool busyPollFits(int processes);

/// Calls `ready` until it says true or `budgetNs` has passed, yielding the core between calls.
/// Returns what `ready` said last.
bool pollUntil(const std::function<bool()>& ready, std::int64_t budgetNs);

/// io.run(), but after each handler it polls for `budgetNs` before sleeping in the reactor.
/// `mayPoll` is asked before each round of polling (false: a helper thread needs the core).
void runPolling(boost::asio::io_context& io, std::int64_t budgetNs,
                const std::function<bool()>& mayPoll);

}  // namespace distlab::engine
