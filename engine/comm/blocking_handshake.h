#pragma once
#include <cstdint>
#include <string>

#include "comm/blocking_channel.h"
#include "comm/messages.h"
#include "core/rng.h"

namespace distlab::engine {

/// The joining side of the handshake over a blocking channel: HELLO, the answer to the
/// CHALLENGE, then the WELCOME it returns. Throws Error when refused.
Welcome joinPeer(BlockingChannel& channel, PeerRole role, std::uint32_t rank,
                 const std::string& token);

/// The accepting side: reads HELLO, sends a CHALLENGE and checks the AUTH against the run's
/// token; returns the HELLO. On a wrong answer it sends SHUTDOWN and throws Error. The caller
/// sends the WELCOME.
Hello admitPeer(BlockingChannel& channel, const std::string& token, Rng& rng);

}  // namespace distlab::engine
