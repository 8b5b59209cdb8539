#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace distlab::engine {

/// Writes an 8-bit grayscale PNG (one byte per pixel, row by row), zlib-compressed. Throws Error
/// naming the path when it cannot.
void writeGrayPng(const std::string& path, int width, int height,
                  const std::vector<std::uint8_t>& pixels);

}  // namespace distlab::engine
