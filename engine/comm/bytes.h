#pragma once
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace distlab::engine {

/// Appends little-endian values to a byte vector (the wire format's only byte order).
class ByteWriter {
 public:
  explicit ByteWriter(std::vector<std::uint8_t>& out) : m_out(out) {}
  void u8(std::uint8_t v) { m_out.push_back(v); }
  void u16(std::uint16_t v) { put(v); }
  void u32(std::uint32_t v) { put(v); }
  void u64(std::uint64_t v) { put(v); }
  void f64(double v) { put(v); }
  void bytes(std::span<const std::uint8_t> v) { append(v.data(), v.size()); }
  void floats(std::span<const float> v) { append(v.data(), v.size_bytes()); }

 private:
  // x86-64 and AArch64 Linux are little-endian; a big-endian port would byte-swap here.
  template <class T>
  void put(T v) {
    append(&v, sizeof(T));
  }
  // resize + memcpy rather than insert: GCC 12 warns falsely about the latter at -O3.
  void append(const void* data, std::size_t size) {
    if (size == 0) return;
    const std::size_t old = m_out.size();
    m_out.resize(old + size);
    std::memcpy(m_out.data() + old, data, size);
  }
  std::vector<std::uint8_t>& m_out;
};

/// Reads little-endian values from a byte span; every read checks the remaining length first
/// and turns the reader "failed" instead of reading past the end.
class ByteReader {
 public:
  explicit ByteReader(std::span<const std::uint8_t> in) : m_in(in) {}
  bool ok() const { return m_ok; }
  std::size_t remaining() const { return m_in.size() - m_pos; }
  std::uint8_t u8() { return get<std::uint8_t>(); }
  std::uint16_t u16() { return get<std::uint16_t>(); }
  std::uint32_t u32() { return get<std::uint32_t>(); }
  std::uint64_t u64() { return get<std::uint64_t>(); }
  double f64() { return get<double>(); }
  /// n bytes, or an empty span (and failed) if fewer remain.
  std::span<const std::uint8_t> bytes(std::size_t n) {
    if (!m_ok || n > remaining()) return fail<std::span<const std::uint8_t>>();
    auto s = m_in.subspan(m_pos, n);
    m_pos += n;
    return s;
  }

 private:
  template <class T>
  T fail() {
    m_ok = false;
    return T{};
  }
  template <class T>
  T get() {
    if (!m_ok || sizeof(T) > remaining()) return fail<T>();
    T v;
    std::memcpy(&v, m_in.data() + m_pos, sizeof(T));
    m_pos += sizeof(T);
    return v;
  }
  std::span<const std::uint8_t> m_in;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

}  // namespace distlab::engine
