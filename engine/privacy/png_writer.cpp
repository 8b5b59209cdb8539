#include "privacy/png_writer.h"

#include <zlib.h>

#include <fstream>

#include "core/error.h"

namespace distlab::engine {
namespace {

void putU32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

// A chunk: length, type, data, CRC-32 of type and data (PNG spec, section 5.3).
void chunk(std::string& out, const char* type, const std::string& data) {
  putU32(out, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  out += body;
  putU32(out, static_cast<std::uint32_t>(
                  crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

}  // namespace

void writeGrayPng(const std::string& path, int width, int height,
                  const std::vector<std::uint8_t>& pixels) {
  if (width <= 0 || height <= 0 || pixels.size() != static_cast<std::size_t>(width) * height) {
    throw Error("png: " + std::to_string(pixels.size()) + " pixels for " + std::to_string(width) +
                "x" + std::to_string(height));
  }
  std::string raw;  // each row: filter byte 0 (none), then the pixels
  for (int r = 0; r < height; ++r) {
    raw += '\0';
    raw.append(reinterpret_cast<const char*>(pixels.data()) + static_cast<std::size_t>(r) * width,
               static_cast<std::size_t>(width));
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string compressed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &size,
                reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                Z_BEST_COMPRESSION) != Z_OK) {
    throw Error("png: cannot compress " + path);
  }
  compressed.resize(size);
  std::string header;
  putU32(header, static_cast<std::uint32_t>(width));
  putU32(header, static_cast<std::uint32_t>(height));
  header += std::string("\x08\x00\x00\x00\x00", 5);  // 8 bits, grayscale, deflate, no filter, no interlace
  std::string png = "\x89PNG\r\n\x1a\n";
  chunk(png, "IHDR", header);
  chunk(png, "IDAT", compressed);
  chunk(png, "IEND", "");
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << png;
  out.close();
  if (!out) throw Error("cannot write " + path);
}

}  // namespace distlab::engine
