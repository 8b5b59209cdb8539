#include "comm/busy_poll.h"

#include <sched.h>

#include <boost/asio/io_context.hpp>
#include <cstdlib>
#include <cstring>

#include "core/stopwatch.h"

namespace distlab::engine {

int usableCores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) return 1;
  return CPU_COUNT(&set);
}

bool busyPollFits(int processes) {
  if (const char* forced = std::getenv("DISTLAB_BUSY_POLL")) {
    if (std::strcmp(forced, "0") == 0) return false;
    if (std::strcmp(forced, "1") == 0) return true;
  }
  return processes <= usableCores();
}

bool pollUntil(const std::function<bool()>& ready, std::int64_t budgetNs) {
  const auto start = steadyNowNs();
  for (;;) {
    if (ready()) return true;
    if (steadyNowNs() - start >= budgetNs) return false;
    sched_yield();  // a runnable thread of ours (the evaluator, a helper) gets the core at once
  }
}

void runPolling(boost::asio::io_context& io, std::int64_t budgetNs,
                const std::function<bool()>& mayPoll) {
  while (!io.stopped()) {
    if (io.poll() > 0) continue;
    if (mayPoll() && pollUntil([&io] { return io.stopped() || io.poll() > 0; }, budgetNs)) {
      continue;
    }
    if (io.run_one() == 0) break;  // out of work, or stopped
  }
}

}  // namespace distlab::engine
