#include "engine_process.h"

#include "telemetry/json_lines.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace distlab::engine::testing {

EngineProcess::EngineProcess(const std::vector<std::string>& args, const std::string& token,
                             const std::string& stderrPath, const std::string& netns,
                             const std::vector<std::string>& launcher) {
  const std::string netnsPath = netns.empty() ? "" : "/var/run/netns/" + netns;
  int pipeFds[2];
  if (::pipe2(pipeFds, O_CLOEXEC) != 0) return;
  std::vector<std::string> argvStrings = launcher;
  argvStrings.push_back(DISTLAB_ENGINE_EXE);
  argvStrings.insert(argvStrings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argvStrings) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string tokenVar = "DISTLAB_RUN_TOKEN=" + token;
  m_pid = ::fork();
  if (m_pid == 0) {
    ::dup2(pipeFds[1], STDOUT_FILENO);
    const int err = ::open(stderrPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (err >= 0) ::dup2(err, STDERR_FILENO);
    ::putenv(const_cast<char*>(tokenVar.c_str()));
    if (!netnsPath.empty()) {
      const int ns = ::open(netnsPath.c_str(), O_RDONLY | O_CLOEXEC);
      if (ns < 0 || ::setns(ns, CLONE_NEWNET) != 0) ::_exit(126);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(pipeFds[1]);
  m_stdout = pipeFds[0];
}

EngineProcess::~EngineProcess() {
  if (m_pid > 0 && !m_exit) {
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, nullptr, 0);
  }
  if (m_stdout >= 0) ::close(m_stdout);
}

std::optional<std::string> EngineProcess::readLine(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (const auto nl = m_buffer.find('\n'); nl != std::string::npos) {
      std::string line = m_buffer.substr(0, nl);
      m_buffer.erase(0, nl + 1);
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd p{m_stdout, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char chunk[4096];
    const auto n = ::read(m_stdout, chunk, sizeof chunk);
    if (n <= 0) return std::nullopt;  // closed
    m_buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

std::string EngineProcess::readAll(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string all = std::move(m_buffer);
  m_buffer.clear();
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return all;
    pollfd p{m_stdout, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char chunk[65536];
    const auto n = ::read(m_stdout, chunk, sizeof chunk);
    if (n <= 0) return all;  // closed
    all.append(chunk, static_cast<std::size_t>(n));
  }
}

int EngineProcess::waitForPort(std::chrono::milliseconds timeout) {
  const auto line = readLine(timeout);
  const std::string prefix = "listening ";
  if (!line || line->rfind(prefix, 0) != 0) return 0;
  return std::atoi(line->c_str() + line->rfind(':') + 1);
}

std::optional<int> EngineProcess::wait(std::chrono::milliseconds timeout) {
  if (m_exit) return m_exit;
  waitUntil(
      [&] {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) != m_pid) return false;
        m_exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return true;
      },
      timeout);
  return m_exit;
}

std::vector<Event> readEvents(const std::string& path) {
  std::ifstream in(path);
  std::vector<Event> events;
  std::string line;
  while (std::getline(in, line)) {
    Event e;
    if (fromJsonLine(line, e)) events.push_back(std::move(e));
  }
  return events;
}

bool processAlive(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  if (!stat) return false;
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  const auto close = text.rfind(')');
  return close != std::string::npos && close + 2 < text.size() && text[close + 2] != 'Z';
}

}  // namespace distlab::engine::testing
