#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "crypto/secagg/shamir.h"
#include "crypto/secure_aggregation.h"

namespace distlab::engine {

// What the clients and the server of secure aggregation with dropouts (Bonawitz et al., 2017)
// send one another, and its wire form: plain bytes, read back with every count and length
// checked against the bytes present (a short or padded blob is an Error, never a crash).

/// Round 0: a client's two public keys, one to seal shares and one to agree on masks, and
/// SHA-256 of its self-mask seed, so a seed rebuilt from wrong shares is caught.
struct AdvertisedKeys {
  std::uint32_t client = 0;
  Key32 cipherPublic{}, maskPublic{}, seedDigest{};
};

/// Round 1: `from`'s shares of its mask key and its self-mask seed for `to`, sealed for `to`.
struct SealedShare {
  std::uint32_t from = 0, to = 0;
  std::vector<std::uint8_t> box;
};

/// Round 3: `holder`'s share of `owner`'s self-mask seed (owner survived) or of its mask key
/// (owner dropped out); never both for one owner.
enum class RevealKind : std::uint8_t { SelfMask = 1, MaskKey = 2 };
struct RevealedShare {
  std::uint32_t holder = 0, owner = 0;
  RevealKind kind = RevealKind::SelfMask;
  ShamirShare share;
};

/// Round 2: a client's masked input and, in the clear, the weight it was multiplied by.
struct MaskedInput {
  std::uint32_t client = 0;
  std::uint64_t weight = 0;
  std::vector<std::uint64_t> words;
};

using Bytes = std::vector<std::uint8_t>;

Bytes writeKeys(std::span<const AdvertisedKeys> keys);
std::vector<AdvertisedKeys> readKeys(std::span<const std::uint8_t> bytes);
Bytes writeShares(std::span<const SealedShare> shares);
std::vector<SealedShare> readShares(std::span<const std::uint8_t> bytes);
Bytes writeReveals(std::span<const RevealedShare> reveals);
std::vector<RevealedShare> readReveals(std::span<const std::uint8_t> bytes);
Bytes writeMasked(const MaskedInput& input);
MaskedInput readMasked(std::span<const std::uint8_t> bytes);
Bytes writeIds(std::span<const std::uint32_t> ids);
std::vector<std::uint32_t> readIds(std::span<const std::uint8_t> bytes);

/// Bytes carried in the 4-byte slots of a PARAMS or PUSH (its floats, as raw bits): their count,
/// then the bytes zero-padded to a whole slot.
std::vector<float> bytesToSlots(std::span<const std::uint8_t> bytes);
Bytes slotsToBytes(std::span<const float> slots);

}  // namespace distlab::engine
