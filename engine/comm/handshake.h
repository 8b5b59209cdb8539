#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "comm/hmac.h"
#include "core/rng.h"

namespace distlab::engine {

/// The environment variable through which the coordinator hands the per-run token to the workers
/// it starts (never the command line, which every local user can read with `ps`).
inline constexpr const char* kTokenEnvironmentVariable = "DISTLAB_RUN_TOKEN";

/// A fresh random token for one run, 32 bytes as 64 hex digits. The caller supplies the entropy
/// (e.g. std::random_device), so tests can be deterministic.
std::string makeRunToken(std::uint64_t entropyA, std::uint64_t entropyB);

/// A 32-byte challenge nonce.
std::vector<std::uint8_t> makeNonce(Rng& rng);

/// What a peer answers a challenge with: HMAC-SHA256(token, nonce | rank | protocol version), the
/// rank and version as little-endian u32 and u8. Binding the rank stops a peer from replaying
/// another worker's answer.
Digest256 authAnswer(const std::string& token, std::span<const std::uint8_t> nonce,
                     std::uint32_t rank, std::uint8_t version);

/// The coordinator's check of an answer, in constant time.
bool verifyAnswer(const std::string& token, std::span<const std::uint8_t> nonce, std::uint32_t rank,
                  std::uint8_t version, std::span<const std::uint8_t> answer);

}  // namespace distlab::engine
