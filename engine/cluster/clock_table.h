#pragma once
#include <cstdint>
#include <optional>
#include <vector>

namespace distlab::engine {

/// The clocks (steps finished) of a run's workers, which of them are alive, and the
/// stale-synchronous rule (Ho et al., 2013): a worker that has finished c steps may start step
/// c + 1 only while the slowest live worker has finished at least c - s. A bound of 0 is BSP (a
/// barrier every step); no bound is ASP. Dead workers leave the barrier, so the others go on.
class ClockTable {
 public:
  /// staleness: s for SSP, 0 for BSP, std::nullopt for ASP.
  ClockTable(int workers, std::optional<std::uint64_t> staleness);

  void tick(int worker);  ///< the worker finished one more step
  void markDead(int worker);
  /// A restarted worker rejoins at the slowest live clock (it pulls current parameters first).
  void markAlive(int worker);

  /// A checkpoint's clocks and live workers, put back; throws Error for another worker count.
  void restore(std::vector<std::uint64_t> clocks, std::vector<bool> alive);
  const std::vector<std::uint64_t>& all() const { return m_clocks; }
  const std::vector<bool>& liveness() const { return m_alive; }

  std::uint64_t clock(int worker) const { return m_clocks.at(static_cast<std::size_t>(worker)); }
  bool alive(int worker) const { return m_alive.at(static_cast<std::size_t>(worker)); }
  int aliveCount() const;
  /// The smallest clock among live workers (nothing when none is alive).
  std::optional<std::uint64_t> slowest() const;
  /// May this (live) worker start its next step now?
  bool mayStart(int worker) const;

 private:
  std::vector<std::uint64_t> m_clocks;
  std::vector<bool> m_alive;
  std::optional<std::uint64_t> m_staleness;
};

}  // namespace distlab::engine
