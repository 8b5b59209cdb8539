#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace distlab::engine {

/// Path of the running executable, so the coordinator starts workers from the same binary.
std::string selfExecutablePath();

/// A child that ended.
struct ExitedChild {
  int pid = 0;
  int rank = 0;
  int status = 0;  ///< raw waitpid status
  /// "exited with status 1" or "was killed by signal 9 (Killed)".
  std::string describe() const;
};

/// Starts and stops the worker processes of a run. Children get PR_SET_PDEATHSIG(SIGKILL), so
/// they die with the coordinator even when it is killed with SIGKILL; they stay in the
/// coordinator's process group, so Ctrl-C in a terminal reaches them too. PDEATHSIG fires when
/// the *thread* that forked exits: call spawn() from the coordinator's main thread.
class Launcher {
 public:
  Launcher() = default;
  ~Launcher() { terminateAll(std::chrono::milliseconds(500)); }
  Launcher(const Launcher&) = delete;
  Launcher& operator=(const Launcher&) = delete;

  /// Starts argv[0] with argv, the current environment plus extraEnv (secrets go here, never in
  /// argv, which every local user can read). Throws Error naming the program and the reason if
  /// it cannot start (an exec failure in the child is reported here too).
  int spawn(const std::vector<std::string>& argv,
            const std::vector<std::pair<std::string, std::string>>& extraEnv, int rank);
  /// Signals one of our live children; false if the pid is not ours (or already reaped).
  bool signal(int pid, int sig);
  /// The children that ended since the last call (non-blocking).
  std::vector<ExitedChild> reap();
  /// SIGTERM to every live child, up to `grace` for them to go, SIGKILL for the rest; reaps all.
  void terminateAll(std::chrono::milliseconds grace);
  std::vector<int> livePids() const;
  /// The newest live child started for this rank.
  std::optional<int> pidOfRank(int rank) const;

 private:
  struct Child {
    int pid;
    int rank;
  };
  std::vector<Child> m_children;  ///< live (not yet reaped), oldest first
};

}  // namespace distlab::engine
