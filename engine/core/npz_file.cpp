#include "core/npz_file.h"

#include <cstring>
#include <limits>

#include "core/atomic_file.h"
#include "core/error.h"

namespace distlab::engine {
namespace {

void putLe(std::vector<std::uint8_t>& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

std::string shapeText(const std::vector<std::int64_t>& shape) {
  std::string text = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) text += ", ";
    text += std::to_string(shape[i]);
  }
  if (shape.size() == 1) text += ',';  // Python's 1-tuple
  text += ')';
  return text;
}

}  // namespace

std::vector<std::uint8_t> npyBytes(const NpyArray& array) {
  std::int64_t count = 1;
  for (const auto d : array.shape) {
    if (d < 0) throw Error(array.name + ": negative dimension");
    count *= d;
  }
  const bool isFloat = std::holds_alternative<std::vector<float>>(array.values);
  const std::size_t elements = isFloat ? std::get<0>(array.values).size() : std::get<1>(array.values).size();
  if (static_cast<std::size_t>(count) != elements) {
    throw Error(array.name + ": shape " + shapeText(array.shape) + " holds " +
                std::to_string(count) + " values, not " + std::to_string(elements));
  }
  std::string header = std::string("{'descr': '") + (isFloat ? "<f4" : "<i8") +
                       "', 'fortran_order': False, 'shape': " + shapeText(array.shape) + ", }";
  // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64 and
  // ending in a newline, as NumPy writes it.
  const std::size_t unpadded = 10 + header.size() + 1;
  header.append((64 - unpadded % 64) % 64, ' ');
  header += '\n';
  const std::size_t dataBytes = elements * (isFloat ? sizeof(float) : sizeof(std::int64_t));
  const auto* data = isFloat ? static_cast<const void*>(std::get<0>(array.values).data())
                             : static_cast<const void*>(std::get<1>(array.values).data());
  // One allocation, filled in place (GCC 12 warns falsely about growing small byte vectors).
  std::vector<std::uint8_t> out(10 + header.size() + dataBytes);
  const std::uint8_t magic[8] = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  std::memcpy(out.data(), magic, sizeof magic);
  out[8] = static_cast<std::uint8_t>(header.size() & 0xff);
  out[9] = static_cast<std::uint8_t>(header.size() >> 8);
  std::memcpy(out.data() + 10, header.data(), header.size());
  if (dataBytes) std::memcpy(out.data() + 10 + header.size(), data, dataBytes);  // little-endian
  return out;
}

void writeNpz(const std::string& path, std::span<const NpyArray> arrays) {
  std::vector<std::uint8_t> zip, directory;
  for (const auto& array : arrays) {
    const auto member = npyBytes(array);
    const std::string name = array.name + ".npy";
    const auto offset = zip.size();
    if (member.size() > std::numeric_limits<std::uint32_t>::max() ||
        offset > std::numeric_limits<std::uint32_t>::max()) {
      throw Error("cannot write " + path + ": over 4 GiB (zip64 is not written)");
    }
    const auto crc = crc32Of(member);
    // Local file header: stored (method 0), no time, sizes and CRC known up front.
    auto entry = [&](std::vector<std::uint8_t>& out, bool central) {
      putLe(out, central ? 0x02014b50 : 0x04034b50, 4);
      if (central) putLe(out, 20, 2);  // made by
      putLe(out, 20, 2);               // needed to extract: 2.0
      putLe(out, 0, 2);                // flags
      putLe(out, 0, 2);                // method: stored
      putLe(out, 0, 2);                // time
      putLe(out, (1 << 5) | 1, 2);     // date: 1980-01-01
      putLe(out, crc, 4);
      putLe(out, member.size(), 4);
      putLe(out, member.size(), 4);
      putLe(out, name.size(), 2);
      putLe(out, 0, 2);  // extra
      if (central) {
        putLe(out, 0, 2);  // comment
        putLe(out, 0, 2);  // disk
        putLe(out, 0, 2);  // internal attributes
        putLe(out, 0, 4);  // external attributes
        putLe(out, offset, 4);
      }
      out.insert(out.end(), name.begin(), name.end());
    };
    entry(zip, false);
    zip.insert(zip.end(), member.begin(), member.end());
    entry(directory, true);
  }
  const auto directoryOffset = zip.size();
  zip.insert(zip.end(), directory.begin(), directory.end());
  putLe(zip, 0x06054b50, 4);
  putLe(zip, 0, 2);
  putLe(zip, 0, 2);
  putLe(zip, arrays.size(), 2);
  putLe(zip, arrays.size(), 2);
  putLe(zip, directory.size(), 4);
  putLe(zip, directoryOffset, 4);
  putLe(zip, 0, 2);
  writeFileAtomically(path, zip);
}

}  // namespace distlab::engine
