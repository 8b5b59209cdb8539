#include "cluster/launcher.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include "core/error.h"

extern char** environ;

namespace distlab::engine {

std::string selfExecutablePath() {
  char buffer[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n <= 0) throw Error(std::string("cannot find this program's path: ") + std::strerror(errno));
  return std::string(buffer, static_cast<std::size_t>(n));
}

std::string ExitedChild::describe() const {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return "was killed by signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
  }
  return "ended (status " + std::to_string(status) + ")";
}

int Launcher::spawn(const std::vector<std::string>& argv,
                    const std::vector<std::pair<std::string, std::string>>& extraEnv, int rank) {
  if (argv.empty()) throw Error("cannot start a worker: no program given");
  // Everything the child needs is built before fork: only async-signal-safe calls after it.
  std::vector<std::string> envStrings;
  for (char** e = environ; *e; ++e) {
    bool replaced = false;
    for (const auto& [name, value] : extraEnv) {
      replaced |= std::strncmp(*e, name.c_str(), name.size()) == 0 && (*e)[name.size()] == '=';
    }
    if (!replaced) envStrings.emplace_back(*e);
  }
  for (const auto& [name, value] : extraEnv) envStrings.push_back(name + "=" + value);
  std::vector<char*> envp, args;
  for (auto& s : envStrings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argvCopy = argv;
  for (auto& s : argvCopy) args.push_back(s.data());
  args.push_back(nullptr);

  int errPipe[2];
  if (::pipe2(errPipe, O_CLOEXEC) != 0) {
    throw Error("cannot start " + argv[0] + ": " + std::strerror(errno));
  }
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int err = errno;
    ::close(errPipe[0]);
    ::close(errPipe[1]);
    throw Error("cannot start " + argv[0] + ": " + std::strerror(err));
  }
  if (pid == 0) {
    ::close(errPipe[0]);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);  // the coordinator died before prctl took effect
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    ::sigaction(SIGINT, &dfl, nullptr);
    ::sigaction(SIGTERM, &dfl, nullptr);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execve(args[0], args.data(), envp.data());
    const int err = errno;  // exec failed: tell the parent why
    [[maybe_unused]] const auto n = ::write(errPipe[1], &err, sizeof err);
    ::_exit(127);
  }
  ::close(errPipe[1]);
  int childErrno = 0;
  ssize_t n;
  do {
    n = ::read(errPipe[0], &childErrno, sizeof childErrno);
  } while (n < 0 && errno == EINTR);
  ::close(errPipe[0]);
  if (n == sizeof childErrno) {  // the pipe closed on exec only if exec succeeded
    ::waitpid(pid, nullptr, 0);
    throw Error("cannot start " + argv[0] + ": " + std::strerror(childErrno));
  }
  m_children.push_back({pid, rank});
  return pid;
}

bool Launcher::signal(int pid, int sig) {
  for (const auto& c : m_children) {
    if (c.pid == pid) return ::kill(pid, sig) == 0;
  }
  return false;
}

std::vector<ExitedChild> Launcher::reap() {
  std::vector<ExitedChild> exited;
  std::erase_if(m_children, [&](const Child& c) {
    int status = 0;
    if (::waitpid(c.pid, &status, WNOHANG) != c.pid) return false;
    exited.push_back({c.pid, c.rank, status});
    return true;
  });
  return exited;
}

void Launcher::terminateAll(std::chrono::milliseconds grace) {
  if (m_children.empty()) return;
  for (const auto& c : m_children) ::kill(c.pid, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (!m_children.empty() && std::chrono::steady_clock::now() < deadline) {
    reap();
    if (!m_children.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  for (const auto& c : m_children) ::kill(c.pid, SIGKILL);
  for (const auto& c : m_children) ::waitpid(c.pid, nullptr, 0);
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
