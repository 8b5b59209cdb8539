#include "core/float_bundle.h"

#include <cstring>

#include "core/atomic_file.h"
#include "core/error.h"

namespace distlab::engine {
namespace {

constexpr std::size_t kMaxHeader = 16u << 20;
constexpr std::size_t kMaxSections = 1024;

void putLe(std::vector<std::uint8_t>& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

std::uint64_t getLe(const std::uint8_t* p, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(p[i]) << (8 * i);
  return v;
}

}  // namespace

std::vector<std::uint8_t> packBundle(const Signature& signature, std::uint32_t version,
                                     const std::string& header,
                                     std::span<const std::span<const float>> sections) {
  std::vector<std::uint8_t> out(signature.begin(), signature.end());
  putLe(out, version, 4);
  putLe(out, header.size(), 4);
  out.insert(out.end(), header.begin(), header.end());
  putLe(out, sections.size(), 4);
  std::size_t floats = 0;
  for (const auto& s : sections) putLe(out, s.size(), 8), floats += s.size();
  out.reserve(out.size() + floats * sizeof(float) + 4);
  for (const auto& s : sections) {
    const auto start = out.size();
    out.resize(start + s.size_bytes());
    if (!s.empty()) std::memcpy(out.data() + start, s.data(), s.size_bytes());  // x86-64: LE
  }
  putLe(out, crc32Of(out), 4);
  return out;
}

FloatBundle unpackBundle(std::span<const std::uint8_t> bytes, const Signature& signature,
                         std::uint32_t version, const std::string& what) {
  const auto fail = [&](const std::string& why) { throw Error(what + ": " + why); };
  const std::uint8_t* p = bytes.data();
  std::size_t at = 0;
  const auto need = [&](std::size_t n) {
    if (bytes.size() < 4 || at + n > bytes.size() - 4) fail("cut short");
  };
  need(16);
  if (std::memcmp(p, signature.data(), signature.size()) != 0)
    fail("not this kind of file (its signature is another)");
  const auto fileVersion = getLe(p + 8, 4);
  if (fileVersion != version) {
    fail("format version " + std::to_string(fileVersion) + "; this engine reads version " +
         std::to_string(version));
  }
  const auto headerBytes = getLe(p + 12, 4);
  at = 16;
  if (headerBytes > kMaxHeader) fail("header of " + std::to_string(headerBytes) + " bytes");
  need(headerBytes + 4);
  FloatBundle bundle;
  bundle.header.assign(reinterpret_cast<const char*>(p + at), headerBytes);
  at += headerBytes;
  const auto count = getLe(p + at, 4);
  at += 4;
  if (count > kMaxSections) fail(std::to_string(count) + " sections");
  need(count * 8);
  std::vector<std::uint64_t> sizes(count);
  std::uint64_t floats = 0;
  for (auto& s : sizes) {
    s = getLe(p + at, 8);
    at += 8;
    if (s > bytes.size() / sizeof(float)) fail("a section larger than the file");
    floats += s;
  }
  if (at + floats * sizeof(float) + 4 != bytes.size()) {
    fail(at + floats * sizeof(float) + 4 > bytes.size() ? "cut short" : "longer than its sections");
  }
  if (crc32Of(bytes.first(bytes.size() - 4)) != getLe(p + bytes.size() - 4, 4))
    fail("damaged (its checksum does not match)");
  for (const auto s : sizes) {
    auto& section = bundle.sections.emplace_back(s);
    if (s) std::memcpy(section.data(), p + at, s * sizeof(float));
    at += s * sizeof(float);
  }
  return bundle;
}

}  // namespace distlab::engine
