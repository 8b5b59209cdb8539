#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace distlab::engine {

/// A POSIX shared-memory object this process has just made and mapped read-write.
struct NewShm {
  std::string name;     ///< `prefix` + this process's pid + "-" + the nonce in hex
  std::uint64_t nonce;  ///< random: a peer proves it attached the object it was told of
  void* address;
};

/// Makes an object of `bytes` (all of it reserved, zeros) and maps it. Throws Error naming it; on
/// failure nothing is left behind.
NewShm createShm(const char* prefix, std::size_t bytes);

/// Maps the object `name` if it is one this engine makes (starts with `prefix`, no further '/')
/// and exactly `bytes` long, read-only unless `writable`; nullptr when it is not on this machine
/// or does not fit.
void* mapShm(const std::string& name, const char* prefix, std::size_t bytes, bool writable);

}  // namespace distlab::engine
