#include "cluster/launcher.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <thread>

#include "core/error.h"

extern char** environ;

namespace distlab::engine {
namespace {

std::string cannotStart(const std::string& program, int err) {
  return "cannot start " + program + ": " + std::strerror(err);
}

/// waitpid that retries on EINTR.
pid_t waitFor(pid_t pid, int* status, int options) {
  pid_t r;
  do {
    r = ::waitpid(pid, status, options);
  } while (r < 0 && errno == EINTR);
  return r;
}

/// The child's side of spawn(), between fork and exec: async-signal-safe calls only (no
/// allocation, no locks), everything it needs was built before fork.
[[noreturn]] void execChild(char* const* args, char* const* envp, pid_t parent, int errorFd) {
  ::prctl(PR_SET_PDEATHSIG, static_cast<unsigned long>(SIGKILL));  // prctl reads an unsigned long
  // The coordinator may have died between fork and prctl; then nothing would ever kill us.
  if (::getppid() != parent) ::_exit(1);
  struct sigaction byDefault {};
  byDefault.sa_handler = SIG_DFL;
  ::sigaction(SIGINT, &byDefault, nullptr);
  ::sigaction(SIGTERM, &byDefault, nullptr);
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::execve(args[0], args, envp);
  const int err = errno;  // exec failed: tell the parent why (the pipe closes on success)
  [[maybe_unused]] const ssize_t n = ::write(errorFd, &err, sizeof err);
  ::_exit(127);
}

}  // namespace

std::string selfExecutablePath() {
  std::string buffer(256, '\0');
  for (;;) {
    const ssize_t n = ::readlink("/proc/self/exe", buffer.data(), buffer.size());
    if (n < 0) throw Error(std::string("cannot find this program's path: ") + std::strerror(errno));
    if (static_cast<std::size_t>(n) < buffer.size()) {  // else it may have been cut short
      buffer.resize(static_cast<std::size_t>(n));
      return buffer;
    }
    buffer.resize(buffer.size() * 2);
  }
}

std::string ExitedChild::describe() const {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return "killed by signal " + std::to_string(sig) + " (" + ::strsignal(sig) + ")";
  }
  return "ended with wait status " + std::to_string(status);
}

Launcher::~Launcher() { terminateAll(std::chrono::milliseconds(500)); }

int Launcher::spawn(const std::vector<std::string>& argv,
                    const std::vector<std::pair<std::string, std::string>>& extraEnv, int rank) {
  if (argv.empty() || argv[0].empty()) throw Error("cannot start a worker: no program given");
  for (const auto& [name, value] : extraEnv) {
    if (name.empty() || name.find('=') != std::string::npos) {
      throw Error("cannot start " + argv[0] + ": bad environment variable name '" + name + "'");
    }
  }
  // Everything the child needs is built before fork: after it, only async-signal-safe calls.
  std::vector<std::string> envStrings;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const bool overridden = std::any_of(extraEnv.begin(), extraEnv.end(), [&](const auto& kv) {
      return entry.size() > kv.first.size() && entry.starts_with(kv.first) &&
             entry[kv.first.size()] == '=';
    });
    if (!overridden) envStrings.emplace_back(entry);
  }
  for (const auto& [name, value] : extraEnv) envStrings.push_back(name + "=" + value);
  std::vector<std::string> argStrings = argv;
  std::vector<char*> envp, args;
  for (auto& s : envStrings) envp.push_back(s.data());
  envp.push_back(nullptr);
  for (auto& s : argStrings) args.push_back(s.data());
  args.push_back(nullptr);

  int errorPipe[2];
  if (::pipe2(errorPipe, O_CLOEXEC) != 0) throw Error(cannotStart(argv[0], errno));
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int err = errno;
    ::close(errorPipe[0]);
    ::close(errorPipe[1]);
    throw Error(cannotStart(argv[0], err));
  }
  if (pid == 0) {
    ::close(errorPipe[0]);
    execChild(args.data(), envp.data(), parent, errorPipe[1]);
  }
  ::close(errorPipe[1]);
  int childErrno = 0;
  ssize_t n;
  do {
    n = ::read(errorPipe[0], &childErrno, sizeof childErrno);
  } while (n < 0 && errno == EINTR);
  ::close(errorPipe[0]);
  if (n == static_cast<ssize_t>(sizeof childErrno)) {
    waitFor(pid, nullptr, 0);
    throw Error(cannotStart(argv[0], childErrno));
  }
  m_children.push_back({pid, rank});
  return pid;
}

bool Launcher::signal(int pid, int sig) {
  const bool ours = std::any_of(m_children.begin(), m_children.end(),
                                [&](const Child& c) { return c.pid == pid; });
  // A child not yet reaped cannot have its pid reused, so this never hits a stranger.
  return ours && ::kill(pid, sig) == 0;
}

std::vector<ExitedChild> Launcher::reap() {
  std::vector<ExitedChild> exited;
  std::erase_if(m_children, [&](const Child& c) {
    int status = 0;
    const pid_t r = waitFor(c.pid, &status, WNOHANG);
    if (r == c.pid) {
      exited.push_back({c.pid, c.rank, status});
      return true;
    }
    return r < 0 && errno == ECHILD;  // reaped behind our back: no status to report
  });
  return exited;
}

void Launcher::terminateAll(std::chrono::milliseconds grace) {
  reap();
  if (m_children.empty()) return;
  for (const auto& c : m_children) ::kill(c.pid, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + grace;
  for (;;) {
    reap();
    const auto now = std::chrono::steady_clock::now();
    if (m_children.empty() || now >= deadline) break;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
        std::chrono::milliseconds(5), deadline - now));
  }
  for (const auto& c : m_children) ::kill(c.pid, SIGKILL);
  for (const auto& c : m_children) waitFor(c.pid, nullptr, 0);
  m_children.clear();
}

std::vector<int> Launcher::livePids() const {
  std::vector<int> pids;
  for (const auto& c : m_children) pids.push_back(c.pid);
  return pids;
}

std::optional<int> Launcher::pidOfRank(int rank) const {
  for (auto it = m_children.rbegin(); it != m_children.rend(); ++it) {
    if (it->rank == rank) return it->pid;
  }
  return std::nullopt;
}

}  // namespace distlab::engine
