#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace distlab::engine {

/// Raw little-endian float32 files: a model's parameters (RUN/params.f32), a captured gradient.
/// Throws Error naming the path when it cannot be written.
void writeFloatFile(const std::string& path, std::span<const float> values);
/// Reads exactly `expected` floats; throws Error naming the path when the file holds another
/// number of bytes or cannot be read.
std::vector<float> readFloatFile(const std::string& path, std::size_t expected);

}  // namespace distlab::engine
