#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace distlab::engine {

/// The container of DistLab's binary files (model files, checkpoints): a signature, a JSON
/// header, float32 sections, and a CRC-32 that catches a damaged or cut-short file.
///
///   signature (8 bytes) | u32 format version | u32 header bytes H | H bytes of JSON |
///   u32 sections S | S x u64 floats per section | the sections' float32s, back to back |
///   u32 CRC-32 of every byte before it            (all integers and floats little-endian)
struct FloatBundle {
  std::string header;  ///< JSON text
  std::vector<std::vector<float>> sections;
};

using Signature = std::array<char, 8>;

std::vector<std::uint8_t> packBundle(const Signature& signature, std::uint32_t version,
                                     const std::string& header,
                                     std::span<const std::span<const float>> sections);
/// Reads `bytes` back; throws Error starting with `what` when the signature or version is
/// another, the file is cut short or padded, or its checksum does not match.
FloatBundle unpackBundle(std::span<const std::uint8_t> bytes, const Signature& signature,
                         std::uint32_t version, const std::string& what);

}  // namespace distlab::engine
