#include "core/float_file.h"

#include <fstream>

#include "core/error.h"

namespace distlab::engine {

void writeFloatFile(const std::string& path, std::span<const float> values) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(values.data()),
            static_cast<std::streamsize>(values.size_bytes()));
  if (!out) throw Error("cannot write " + path);
}

std::vector<float> readFloatFile(const std::string& path, std::size_t expected) {
  std::ifstream in(path, std::ios::binary);
  std::vector<float> values(expected);
  in.read(reinterpret_cast<char*>(values.data()),
          static_cast<std::streamsize>(expected * sizeof(float)));
  if (!in || in.peek() != std::char_traits<char>::eof()) {
    throw Error(path + ": not " + std::to_string(expected) + " float32 values");
  }
  return values;
}

}  // namespace distlab::engine
