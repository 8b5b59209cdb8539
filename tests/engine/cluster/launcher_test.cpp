#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../test_support.h"
#include "cluster/launcher.h"
#include "core/error.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using testing::errorOf;

/// Polls pred() in small steps until it holds or the timeout passes; returns its last value.
template <class Pred>
bool pollUntil(Pred pred, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    ::usleep(5'000);
  }
  return true;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// The value of one "Name:\tvalue" line of /proc/<pid>/status ("" if there is none).
std::string statusField(int pid, const std::string& name) {
  std::istringstream in(readFile("/proc/" + std::to_string(pid) + "/status"));
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with(name + ":")) {
      const auto start = line.find_first_not_of(" \t", name.size() + 1);
      return start == std::string::npos ? "" : line.substr(start);
    }
  }
  return "";
}

std::uint64_t signalSet(int pid, const std::string& name) {
  return std::stoull(statusField(pid, name), nullptr, 16);
}

constexpr std::uint64_t bit(int sig) { return std::uint64_t{1} << (sig - 1); }

/// Has the process ended? A zombie counts as ended: after its parent died it waits for init (or
/// a subreaper) to reap it.
bool processGone(int pid) {
  if (::kill(pid, 0) != 0) return errno == ESRCH;
  const std::string stat = readFile("/proc/" + std::to_string(pid) + "/stat");
  const auto paren = stat.rfind(')');  // the command name may contain spaces and parentheses
  if (paren == std::string::npos || paren + 2 >= stat.size()) return true;
  const char state = stat[paren + 2];
  return state == 'Z' || state == 'X';
}

/// Has the command running in pid become `name` (i.e. has a shell exec'd it)?
bool runs(int pid, const std::string& name) {
  return readFile("/proc/" + std::to_string(pid) + "/comm") == name + "\n";
}

/// Reaps until the child is reported (or 5 s pass).
std::vector<ExitedChild> reapUntilEnded(Launcher& launcher) {
  std::vector<ExitedChild> ended;
  pollUntil(
      [&] {
        ended = launcher.reap();
        return !ended.empty();
      },
      5s);
  return ended;
}

TEST(LauncherTest, SelfExecutablePathIsThisTestBinary) {
  const std::string path = selfExecutablePath();
  EXPECT_EQ(std::filesystem::path(path), std::filesystem::canonical("/proc/self/exe"));
  EXPECT_EQ(std::filesystem::path(path).filename(), "distlab_engine_tests");
}

TEST(LauncherTest, ReapReportsTheExitStatusAndTheRank) {
  Launcher launcher;
  const int pid = launcher.spawn({"/bin/sh", "-c", "exit 3"}, {}, 7);
  EXPECT_GT(pid, 0);
  const auto ended = reapUntilEnded(launcher);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].pid, pid);
  EXPECT_EQ(ended[0].rank, 7);
  ASSERT_TRUE(WIFEXITED(ended[0].status));
  EXPECT_EQ(WEXITSTATUS(ended[0].status), 3);
  EXPECT_EQ(ended[0].describe(), "exited with status 3");
  EXPECT_TRUE(launcher.livePids().empty());
  EXPECT_TRUE(launcher.reap().empty());   // reported once
  EXPECT_FALSE(launcher.signal(pid, 0));  // reaped: no longer ours
}

class LauncherFileTest : public testing::TempDirTest {};

TEST_F(LauncherFileTest, AProgramThatCannotStartThrowsNamingItAndTheReason) {
  Launcher launcher;
  const std::string missing = "/nonexistent/distlab-no-such-program";
  const std::string error = errorOf([&] { launcher.spawn({missing, "--flag"}, {}, 0); });
  EXPECT_NE(error.find(missing), std::string::npos) << error;
  EXPECT_NE(error.find("No such file or directory"), std::string::npos) << error;

  // Exists but is not executable: the exec failure also comes back from spawn.
  const std::string notExecutable = path("not-executable.sh").string();
  std::ofstream(notExecutable) << "#!/bin/sh\n";
  std::filesystem::permissions(
      notExecutable, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  const std::string denied = errorOf([&] { launcher.spawn({notExecutable}, {}, 0); });
  EXPECT_NE(denied.find(notExecutable), std::string::npos) << denied;
  EXPECT_NE(denied.find("Permission denied"), std::string::npos) << denied;

  EXPECT_NE(errorOf([&] { launcher.spawn({}, {}, 0); }), "");
  EXPECT_NE(errorOf([&] { launcher.spawn({"/bin/true"}, {{"A=B", "c"}}, 0); }), "");
  EXPECT_TRUE(launcher.livePids().empty());
  EXPECT_TRUE(launcher.reap().empty());  // the failed children were waited for already
}

TEST_F(LauncherFileTest, TheExtraEnvironmentReachesTheChildButNotItsCommandLine) {
  const std::string secret = "s3cr3t-token-0123456789abcdef";
  const std::string file = path("secret.txt").string();
  Launcher launcher;
  const int pid = launcher.spawn(
      {"/bin/sh", "-c", "printf %s \"$DISTLAB_TEST_SECRET\" > \"$1\"; exec sleep 30", "sh", file},
      {{"DISTLAB_TEST_SECRET", secret}, {"PATH", "/usr/bin:/bin"}}, 2);
  EXPECT_EQ(launcher.pidOfRank(2), pid);
  ASSERT_TRUE(pollUntil([&] { return runs(pid, "sleep"); }, 5s));  // printf is done
  EXPECT_EQ(readFile(file), secret);
  const std::string cmdline = readFile("/proc/" + std::to_string(pid) + "/cmdline");
  EXPECT_NE(cmdline.find("sleep"), std::string::npos);
  EXPECT_EQ(cmdline.find(secret), std::string::npos);
  EXPECT_EQ(cmdline.find("DISTLAB_TEST_SECRET"), std::string::npos);
}

TEST(LauncherTest, TheChildStartsWithDefaultSignalsAndStaysInOurProcessGroup) {
  // Ignore SIGINT and block SIGTERM here, as a coordinator might; the child must not inherit it.
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  ASSERT_EQ(::sigaction(SIGINT, &ignore, &previous), 0);
  sigset_t blocked, oldMask;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGTERM);
  ASSERT_EQ(::pthread_sigmask(SIG_BLOCK, &blocked, &oldMask), 0);

  Launcher launcher;
  int pid = 0;
  const std::string error = errorOf([&] { pid = launcher.spawn({"/bin/sleep", "30"}, {}, 0); });
  ::sigaction(SIGINT, &previous, nullptr);
  ::pthread_sigmask(SIG_SETMASK, &oldMask, nullptr);
  ASSERT_EQ(error, "");

  ASSERT_TRUE(pollUntil([&] { return runs(pid, "sleep"); }, 5s));
  EXPECT_EQ(signalSet(pid, "SigBlk"), 0u);
  EXPECT_EQ(signalSet(pid, "SigIgn") & (bit(SIGINT) | bit(SIGTERM)), 0u);
  EXPECT_EQ(::getpgid(pid), ::getpgrp());
}

TEST(LauncherTest, SignalThenReapReportsTheKillingSignal) {
  Launcher launcher;
  const int pid = launcher.spawn({"/bin/sleep", "30"}, {}, 4);
  EXPECT_FALSE(launcher.signal(::getpid(), 0));  // not our child: nothing is sent
  EXPECT_TRUE(launcher.signal(pid, SIGKILL));
  const auto ended = reapUntilEnded(launcher);
  ASSERT_EQ(ended.size(), 1u);
  EXPECT_EQ(ended[0].pid, pid);
  EXPECT_EQ(ended[0].rank, 4);
  ASSERT_TRUE(WIFSIGNALED(ended[0].status));
  EXPECT_EQ(WTERMSIG(ended[0].status), SIGKILL);
  EXPECT_EQ(ended[0].describe(), "killed by signal 9 (Killed)");
  EXPECT_FALSE(launcher.signal(pid, SIGKILL));
}

TEST(LauncherTest, PidOfRankIsTheNewestLiveChildOfThatRank) {
  Launcher launcher;
  const int first = launcher.spawn({"/bin/sleep", "30"}, {}, 1);
  const int second = launcher.spawn({"/bin/sleep", "30"}, {}, 1);
  const int other = launcher.spawn({"/bin/sleep", "30"}, {}, 2);
  EXPECT_EQ(launcher.livePids(), (std::vector<int>{first, second, other}));
  EXPECT_EQ(launcher.pidOfRank(1), second);
  EXPECT_EQ(launcher.pidOfRank(2), other);
  EXPECT_EQ(launcher.pidOfRank(3), std::nullopt);
  ASSERT_TRUE(launcher.signal(second, SIGKILL));
  ASSERT_EQ(reapUntilEnded(launcher).size(), 1u);
  EXPECT_EQ(launcher.pidOfRank(1), first);
}

TEST(LauncherTest, TerminateAllKillsAChildThatIgnoresSigterm) {
  Launcher launcher;
  // exec, so that no orphaned sleep is left behind when the shell is killed.
  const int stubborn = launcher.spawn({"/bin/sh", "-c", "trap '' TERM; exec sleep 30"}, {}, 0);
  const int obedient = launcher.spawn({"/bin/sleep", "30"}, {}, 1);
  // Wait until the trap is in place (the exec comes after it), or SIGTERM would be obeyed.
  ASSERT_TRUE(pollUntil([&] { return runs(stubborn, "sleep"); }, 5s));
  ASSERT_NE(signalSet(stubborn, "SigIgn") & bit(SIGTERM), 0u);

  const auto grace = 300ms;
  const auto start = std::chrono::steady_clock::now();
  launcher.terminateAll(grace);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_GE(took, grace);  // it did give the stubborn child its grace
  EXPECT_LT(took, grace + 20s);  // not the 30 s the child would sleep: it was killed
  EXPECT_TRUE(launcher.livePids().empty());
  EXPECT_TRUE(launcher.reap().empty());
  // Both were reaped by terminateAll: the pids are no longer ours (nor zombies).
  EXPECT_EQ(::waitpid(stubborn, nullptr, WNOHANG), -1);
  EXPECT_EQ(::waitpid(obedient, nullptr, WNOHANG), -1);
  launcher.terminateAll(grace);  // idempotent
}

TEST(LauncherTest, TerminateAllDoesNotWaitOutTheGraceForObedientChildren) {
  Launcher launcher;
  launcher.spawn({"/bin/sleep", "30"}, {}, 0);
  launcher.spawn({"/bin/sleep", "30"}, {}, 1);
  const auto start = std::chrono::steady_clock::now();
  launcher.terminateAll(10s);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 8s);  // under the 10 s grace
  EXPECT_TRUE(launcher.livePids().empty());
}

TEST(LauncherTest, ChildrenDieWithTheirLauncherEvenOnKillNine) {
  // Be a subreaper for this test: the orphaned child is reparented to us, so we can reap it and
  // see how it died (pid 1 of a container may never reap it, leaving a zombie behind).
  int wasSubreaper = 0;
  ::prctl(PR_GET_CHILD_SUBREAPER, &wasSubreaper);
  const bool subreaper = ::prctl(PR_SET_CHILD_SUBREAPER, 1UL) == 0;
  struct SubreaperGuard {
    int was;
    ~SubreaperGuard() { ::prctl(PR_SET_CHILD_SUBREAPER, static_cast<unsigned long>(was)); }
  } subreaperGuard{wasSubreaper};

  int pipeFds[2];
  ASSERT_EQ(::pipe(pipeFds), 0);
  const pid_t helper = ::fork();
  ASSERT_GE(helper, 0);
  if (helper == 0) {  // the helper: a stand-in coordinator that gets killed with SIGKILL
    ::close(pipeFds[0]);
    try {
      Launcher launcher;
      const int pid = launcher.spawn({"/bin/sleep", "30"}, {}, 0);
      if (::write(pipeFds[1], &pid, sizeof pid) != static_cast<ssize_t>(sizeof pid)) ::_exit(3);
      for (;;) ::pause();
    } catch (...) {
      ::_exit(2);
    }
  }
  ::close(pipeFds[1]);
  struct HelperGuard {  // never leave the helper behind, whatever fails
    pid_t pid;
    ~HelperGuard() {
      if (pid <= 0) return;  // reaped already (its pid may have been reused since)
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  } guard{helper};

  int sleeper = 0;
  ssize_t n;
  do {
    n = ::read(pipeFds[0], &sleeper, sizeof sleeper);
  } while (n < 0 && errno == EINTR);
  ::close(pipeFds[0]);
  ASSERT_EQ(n, static_cast<ssize_t>(sizeof sleeper)) << "the helper could not start its child";
  ASSERT_GT(sleeper, 0);
  EXPECT_FALSE(processGone(sleeper));

  ASSERT_EQ(::kill(helper, SIGKILL), 0);
  ASSERT_EQ(::waitpid(helper, nullptr, 0), helper);
  guard.pid = 0;
  int status = 0;
  bool reaped = false;
  EXPECT_TRUE(pollUntil(
      [&] {
        if (!subreaper) return processGone(sleeper);
        reaped = ::waitpid(sleeper, &status, WNOHANG) == sleeper;
        return reaped;
      },
      5s))
      << "pid " << sleeper << " outlived its launcher";
  if (reaped) {
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "wait status " << status;
  } else if (!processGone(sleeper)) {  // the test failed: do not leak the child
    ::kill(sleeper, SIGKILL);
    if (subreaper) ::waitpid(sleeper, nullptr, 0);
  }
}

}  // namespace
}  // namespace distlab::engine
