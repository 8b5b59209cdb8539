#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace distlab::engine {

/// The global parameters in memory every worker on the coordinator's machine maps, read-only.
/// Under BSP with gradient pushes the parameters change only once every live worker has pushed
/// and waits: the server writes them here as it applies the round, and a PARAMS frame then
/// carries no floats at all, instead of one 940 KB copy into each worker's mailbox (N copies a
/// round; bench/RESULTS.md). The coordinator creates the region and removes its name when the
/// run ends (a restarted worker must still find it); names left by a killed coordinator are
/// removed by the next one (removeStaleSharedParams).
class SharedParams {
 public:
  /// A new region for `floats` parameters (the coordinator's side). Throws Error.
  static std::unique_ptr<SharedParams> create(std::uint32_t floats);
  /// The region the coordinator named, mapped read-only; nullptr when it is not on this machine
  /// or does not match.
  static std::unique_ptr<SharedParams> attach(const std::string& name, std::uint64_t nonce,
                                              std::uint32_t floats);
  ~SharedParams();
  SharedParams(const SharedParams&) = delete;
  SharedParams& operator=(const SharedParams&) = delete;

  const std::string& name() const { return m_name; }
  std::uint64_t nonce() const { return m_nonce; }
  /// The parameters (writable only on the coordinator's side; a worker's mapping faults on a
  /// write, so no worker can change what the others read).
  std::span<float> floats() const { return {m_floats, m_count}; }

 private:
  SharedParams(std::string name, void* address, std::size_t bytes, std::uint64_t nonce,
               std::uint32_t count);
  std::string m_name;
  void* m_address;
  std::size_t m_bytes;
  std::uint64_t m_nonce;
  float* m_floats;
  std::uint32_t m_count;
  bool m_owner = false;
};

/// Removes the names of parameter regions whose coordinator is no longer running (one killed
/// with SIGKILL could not remove its own). Returns how many were removed.
int removeStaleSharedParams();

}  // namespace distlab::engine
