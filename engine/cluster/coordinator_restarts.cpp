// Lost workers: started again (cluster.restarts, or a monitor's RESTART) to rejoin at the
// barrier's step, and what a lost worker left untrained, counted and reported at the end.
#include <csignal>
#include <cstdio>

#include "cluster/coordinator_impl.h"
#include "core/error.h"

namespace distlab::engine {

bool Coordinator::Impl::restartByPolicy(int rank) {
  auto& slot = workers.at(static_cast<std::size_t>(rank));
  if (ending || !spec.cluster.launchWorkers || slot.restartsUsed >= spec.cluster.restarts) {
    return false;
  }
  ++slot.restartsUsed;
  std::fprintf(stderr, "worker %d: starting it again (restart %d of %d)\n", rank,
               slot.restartsUsed, spec.cluster.restarts);
  beginRestart(rank, WorkerReason::RestartPolicy);
  return true;
}

void Coordinator::Impl::beginRestart(int rank, WorkerReason why) {
  auto& slot = workers.at(static_cast<std::size_t>(rank));
  const int pid = startWorker(rank);
  if (pid == 0) return;  // it stays lost: said by startWorker
  slot.state = WorkerSlot::State::Waiting;
  slot.restarting = why;
  slot.pid = pid;
  slot.rejoinDeadlineNs =
      now() + static_cast<std::int64_t>(spec.cluster.joinTimeoutS) * 1'000'000'000;
}

void Coordinator::Impl::restartFailed(int rank, const std::string& what) {
  auto& slot = workers.at(static_cast<std::size_t>(rank));
  std::fprintf(stderr, "worker %d: its new process %s before rejoining\n", rank, what.c_str());
  slot.state = WorkerSlot::State::Dead;
  slot.restarting = WorkerReason::None;
  WorkerState died;
  died.worker = rank;
  died.status = WorkerStatus::Died;
  died.reason = WorkerReason::ConnectionClosed;
  died.pid = slot.pid;
  workerState(died);
  if (!restartByPolicy(rank)) checkEnd();
}

void Coordinator::Impl::watchRestarts(const std::vector<ExitedChild>& exited) {
  for (const auto& child : exited) {
    const auto& slot = workers.at(static_cast<std::size_t>(child.rank));
    // Only the new process counts: the lost one is reaped here too, later or sooner.
    if (slot.restarting != WorkerReason::None && child.pid == slot.pid) {
      restartFailed(child.rank, child.describe());
      if (ending) return;
    }
  }
  const auto t = now();
  for (auto& slot : workers) {
    if (slot.restarting != WorkerReason::None && t > slot.rejoinDeadlineNs) {
      // Given up: killed now, and reaped (as a failed restart) at a later tick.
      launcher.signal(slot.pid, SIGKILL);
      slot.rejoinDeadlineNs = std::numeric_limits<std::int64_t>::max();
    }
  }
}

void Coordinator::Impl::noteRejoin(int rank, std::uint64_t startClock) {
  auto& slot = workers.at(static_cast<std::size_t>(rank));
  const auto h = static_cast<std::uint64_t>(ps->rule().localSteps);
  if (startClock > slot.deathClock) {
    slot.missedSteps += (startClock - slot.deathClock) * h;
    slot.missedExamples += examplesOf(rank, slot.deathClock * h, startClock * h);
  }
  slot.restarting = WorkerReason::None;
}

WorkerSchedule& Coordinator::Impl::scheduleOf(int rank) {
  const auto r = static_cast<std::size_t>(rank);
  if (schedules.size() <= r) schedules.resize(workers.size());
  if (!schedules[r]) schedules[r] = std::make_unique<WorkerSchedule>(spec, data.train, rank);
  return *schedules[r];
}

std::uint64_t Coordinator::Impl::examplesOf(int rank, std::uint64_t from, std::uint64_t to) {
  auto& schedule = scheduleOf(rank);
  to = std::min(to, schedule.totalSteps());
  std::uint64_t rows = 0;
  for (auto step = from; step < to; ++step) rows += schedule.batch(step).size();
  return rows;
}

std::string Coordinator::Impl::reportUntrained() {
  const auto h = static_cast<std::uint64_t>(ps->rule().localSteps);
  std::string sentence;
  for (int rank = 0; rank < static_cast<int>(workers.size()); ++rank) {
    const auto& slot = workers[static_cast<std::size_t>(rank)];
    const auto total = scheduleOf(rank).totalSteps();
    auto say = [&](UntrainedCause cause, std::uint64_t steps, std::uint64_t examples) {
      recorder.record(ShareUntrained{now(), rank, cause, steps, total, examples});
      char line[200];
      std::snprintf(line, sizeof line, "%sworker %d: %llu of %llu steps untrained (%llu examples, %s)",
                    sentence.empty() ? "" : "; ", rank, static_cast<unsigned long long>(steps),
                    static_cast<unsigned long long>(total),
                    static_cast<unsigned long long>(examples),
                    cause == UntrainedCause::NotRestarted ? "lost and not restarted"
                                                          : "skipped while it was down");
      sentence += line;
    };
    if (slot.missedSteps > 0) {
      say(UntrainedCause::MissedWhileDown, std::min(slot.missedSteps, total), slot.missedExamples);
    }
    if (slot.state == WorkerSlot::State::Dead) {
      const auto from = std::min(ps->clocks().clock(rank) * h, total);
      if (from < total) say(UntrainedCause::NotRestarted, total - from, examplesOf(rank, from, total));
    }
  }
  return sentence;
}

}  // namespace distlab::engine
