#pragma once
#include <cstdint>
#include <span>
#include <string>

namespace distlab::engine {

/// Writes `bytes` to `path` so that a reader, or a crash at any moment, sees the old file or the
/// whole new one, never a part: written to PATH.part, flushed to the disk (fsync), renamed over
/// PATH, and the folder flushed so the rename itself survives a power cut. Throws Error naming
/// the file and the failing step; the partial file is removed.
void writeFileAtomically(const std::string& path, std::span<const std::uint8_t> bytes);

/// The whole file; throws Error naming it when it cannot be read.
std::string readBinaryFile(const std::string& path, const std::string& what);

/// CRC-32 (zlib's, as zip uses) of bytes.
std::uint32_t crc32Of(std::span<const std::uint8_t> bytes);

}  // namespace distlab::engine
