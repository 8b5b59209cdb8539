#include "cluster/clock_table.h"

#include <algorithm>

#include "core/error.h"

namespace distlab::engine {

ClockTable::ClockTable(int workers, std::optional<std::uint64_t> staleness)
    : m_clocks(static_cast<std::size_t>(std::max(workers, 0)), 0),
      m_alive(static_cast<std::size_t>(std::max(workers, 0)), true),
      m_staleness(staleness) {
  if (workers < 1)
    throw Error("a cluster needs at least one worker, got " + std::to_string(workers));
}

void ClockTable::tick(int worker) {
  if (!alive(worker)) throw Error("worker " + std::to_string(worker) + " is not alive");
  ++m_clocks.at(static_cast<std::size_t>(worker));
}

void ClockTable::markDead(int worker) { m_alive.at(static_cast<std::size_t>(worker)) = false; }

void ClockTable::markAlive(int worker) {
  const auto rejoinAt = slowest();
  m_alive.at(static_cast<std::size_t>(worker)) = true;
  if (rejoinAt) m_clocks[static_cast<std::size_t>(worker)] = *rejoinAt;
}

int ClockTable::aliveCount() const {
  return static_cast<int>(std::count(m_alive.begin(), m_alive.end(), true));
}

std::optional<std::uint64_t> ClockTable::slowest() const {
  std::optional<std::uint64_t> result;
  for (std::size_t k = 0; k < m_clocks.size(); ++k) {
    if (m_alive[k] && (!result || m_clocks[k] < *result)) result = m_clocks[k];
  }
  return result;
}

bool ClockTable::mayStart(int worker) const {
  if (!alive(worker)) return false;
  if (!m_staleness) return true;  // ASP
  const std::uint64_t c = clock(worker);
  // slowest >= c - s, written without unsigned underflow.
  return *slowest() + *m_staleness >= c;
}

void ClockTable::restore(std::vector<std::uint64_t> clocks, std::vector<bool> alive) {
  if (clocks.size() != m_clocks.size() || alive.size() != m_alive.size()) {
    throw Error("checkpoint: clocks of " + std::to_string(clocks.size()) + " workers, the run has " +
                std::to_string(m_clocks.size()));
  }
  m_clocks = std::move(clocks);
  m_alive = std::move(alive);
}

}  // namespace distlab::engine
