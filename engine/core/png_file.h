#pragma once
#include <cstdint>
#include <span>
#include <string>

namespace distlab::engine {

/// Writes an 8-bit PNG through libpng: `channels` 1 (grey) or 3 (RGB), row by row. Written to a
/// temporary name next to `path` and renamed, so a reader never sees half a file. Throws Error
/// naming the path when it cannot.
void writePng(const std::string& path, int width, int height, int channels,
              std::span<const std::uint8_t> pixels);

}  // namespace distlab::engine
