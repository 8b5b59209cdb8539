#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace distlab::engine {

/// One array of a NumPy .npz archive: row-major (C order) values and their shape.
struct NpyArray {
  std::string name;  ///< the key np.load gives it (".npy" is added in the archive)
  std::vector<std::int64_t> shape;
  std::variant<std::vector<float>, std::vector<std::int64_t>> values;  ///< <f4 or <i8
};

/// Writes `arrays` as an uncompressed .npz (a zip of .npy files, format 1.0), atomically: a
/// temporary file renamed into place, so a failure leaves no half archive. Throws Error naming
/// the file and what failed (a shape that does not match its values, an archive over 4 GiB).
void writeNpz(const std::string& path, std::span<const NpyArray> arrays);

/// The .npy bytes of one array (header and data).
std::vector<std::uint8_t> npyBytes(const NpyArray& array);

}  // namespace distlab::engine
