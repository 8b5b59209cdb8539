#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace distlab::engine {

/// Bytes read from a blocking socket ahead of the frame being decoded. Each refill asks the
/// kernel for up to a buffer's worth, so a small frame (header, prefix and floats) costs one
/// system call where reading its three parts cost three; a large remainder is read straight
/// into its destination, with no copy. One reader thread only.
class ReadAhead {
 public:
  /// Remainders from this many bytes skip the buffer.
  static constexpr std::size_t kDirectBytes = 16 * 1024;

  ReadAhead() : m_buffer(64 * 1024) {}

  /// Bytes already read from the socket and not yet taken.
  std::size_t buffered() const { return m_end - m_begin; }
  /// Forgets them (a new connection).
  void clear() { m_begin = m_end = 0; }

  /// Reads exactly `n` bytes into `dst` from `fd`: 0 when done, -1 when the peer closed the
  /// connection first, else the errno that stopped it.
  int read(int fd, void* dst, std::size_t n);

 private:
  std::vector<std::uint8_t> m_buffer;
  std::size_t m_begin = 0, m_end = 0;
};

}  // namespace distlab::engine
