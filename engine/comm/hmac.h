#pragma once
#include <array>
#include <cstdint>
#include <span>

namespace distlab::engine {

using Digest256 = std::array<std::uint8_t, 32>;

/// SHA-256 (FIPS 180-4).
Digest256 sha256(std::span<const std::uint8_t> message);

/// HMAC-SHA256 (RFC 2104): what a worker answers the coordinator's nonce with, keyed by the
/// per-run token, so the token itself never crosses the socket.
Digest256 hmacSha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> message);

/// Equality in time independent of where the inputs first differ (no early exit), so a peer
/// cannot learn a correct MAC byte by byte from response times.
bool constantTimeEqual(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);

}  // namespace distlab::engine
