#pragma once
// A float buffer that starts on a 64-byte boundary, so an AVX-512 load of a 64-float-aligned
// offset never straddles two cache lines (Eigen aligns to 32 bytes in an AVX2 build).
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

namespace distlab::engine {

class AlignedFloats {
 public:
  float* data() { return m_data.get(); }
  const float* data() const { return m_data.get(); }
  std::size_t size() const { return m_size; }
  /// Keeps the contents when n is the current size; otherwise they are undefined.
  void resize(std::size_t n) {
    if (n == m_size) return;
    const std::size_t bytes = (n * sizeof(float) + kAlign - 1) / kAlign * kAlign;
    m_data.reset(static_cast<float*>(std::aligned_alloc(kAlign, bytes > 0 ? bytes : kAlign)));
    if (!m_data) throw std::bad_alloc();
    m_size = n;
  }
  void setZero() { std::memset(m_data.get(), 0, m_size * sizeof(float)); }
  void setZero(std::size_t n) {
    resize(n);
    setZero();
  }

 private:
  static constexpr std::size_t kAlign = 64;
  struct Free {
    void operator()(float* p) const { std::free(p); }
  };
  std::unique_ptr<float[], Free> m_data;
  std::size_t m_size = 0;
};

}  // namespace distlab::engine
