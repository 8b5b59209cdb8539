#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace distlab::engine {

/// Path of the running executable (readlink /proc/self/exe), so the coordinator can start its
/// workers from the same binary whatever the current directory or PATH.
std::string selfExecutablePath();

/// A child that ended, as reap() reports it.
struct ExitedChild {
  int pid = 0;
  int rank = 0;
  int status = 0;  ///< raw waitpid status
  /// "exited with status 1" or "killed by signal 9 (Killed)".
  std::string describe() const;
};

/// Starts and stops the worker processes of a run.
///
/// Children get PR_SET_PDEATHSIG(SIGKILL), so they die with the coordinator even when it is
/// killed with SIGKILL and cannot clean up; they stay in the coordinator's process group, so
/// Ctrl-C in a terminal reaches them too. PDEATHSIG fires when the *thread* that forked exits,
/// not the process: call spawn() from the coordinator's main thread only, or workers die when a
/// helper thread ends. Not thread-safe.
class Launcher {
 public:
  Launcher() = default;
  /// terminateAll(500 ms): no worker outlives its launcher.
  ~Launcher();
  Launcher(const Launcher&) = delete;
  Launcher& operator=(const Launcher&) = delete;

  /// Starts argv[0] (a path: PATH is not searched) with argv and the current environment plus
  /// extraEnv (NAME, value; secrets go here, never in argv, which every local user can read).
  /// The child has SIGINT/SIGTERM at their default and no blocked signals. Throws Error naming
  /// the program and the reason if it cannot start; an exec failure in the child is reported
  /// here too, not as an exit status later. rank is kept for reap(). Returns the pid.
  int spawn(const std::vector<std::string>& argv,
            const std::vector<std::pair<std::string, std::string>>& extraEnv, int rank);
  /// Signals one of our live children; false (nothing sent) if the pid is not ours or was reaped.
  bool signal(int pid, int sig);
  /// The children that ended since the last call (waitpid WNOHANG; never blocks).
  std::vector<ExitedChild> reap();
  /// SIGTERM to every live child, up to `grace` for them to go, SIGKILL for the rest; reaps all.
  /// Idempotent.
  void terminateAll(std::chrono::milliseconds grace);
  std::vector<int> livePids() const;
  /// The newest live child started for this rank.
  std::optional<int> pidOfRank(int rank) const;

 private:
  struct Child {
    int pid;
    int rank;
  };
  std::vector<Child> m_children;  ///< not yet reaped, oldest first
};

}  // namespace distlab::engine
