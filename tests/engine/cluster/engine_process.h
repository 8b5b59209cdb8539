#pragma once
// Test support: runs the real distlab-engine binary with its stdout on a pipe, so a test can read
// "listening HOST:PORT", and waits for it with deadlines (never fixed sleeps).
#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "telemetry/events.h"

namespace distlab::engine::testing {

class EngineProcess {
 public:
  /// Starts DISTLAB_ENGINE_EXE with args; DISTLAB_RUN_TOKEN=token in its environment; stderr
  /// appended to stderrPath.
  /// With `netns`, it runs in that network namespace (as `ip netns exec NAME` would); with a
  /// `launcher` (say mpirun and its options), that program runs the engine.
  EngineProcess(const std::vector<std::string>& args, const std::string& token,
                const std::string& stderrPath, const std::string& netns = "",
                const std::vector<std::string>& launcher = {});
  ~EngineProcess();  // SIGKILL if still running
  EngineProcess(const EngineProcess&) = delete;
  EngineProcess& operator=(const EngineProcess&) = delete;

  pid_t pid() const { return m_pid; }
  /// The next stdout line, or nothing if none came before the deadline (or stdout closed).
  std::optional<std::string> readLine(std::chrono::milliseconds timeout);
  /// Everything it writes to stdout until it closes it (or the deadline): a `--stream` run's frames.
  std::string readAll(std::chrono::milliseconds timeout);
  /// The port of the first line "listening HOST:PORT" (0 if it did not come).
  int waitForPort(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  /// Exit code (128 + signal when killed), or nothing if it is still running at the deadline.
  std::optional<int> wait(std::chrono::milliseconds timeout);
  void signal(int sig) const { ::kill(m_pid, sig); }

 private:
  pid_t m_pid = -1;
  int m_stdout = -1;
  std::string m_buffer;
  std::optional<int> m_exit;
};

/// Every event of an events.jsonl (a partly written last line is ignored).
std::vector<Event> readEvents(const std::string& path);
/// Is a process with this pid still running (zombies count as gone)?
bool processAlive(pid_t pid);
/// Polls until pred() or the timeout; returns pred()'s last value.
template <class Pred>
bool waitUntil(Pred pred, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    ::usleep(10'000);
  }
  return true;
}

}  // namespace distlab::engine::testing
