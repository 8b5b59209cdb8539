#include "comm/session.h"

namespace distlab::engine {

std::string CloseReason::text() const {
  switch (kind) {
    case Kind::Requested:
      return "closed";
    case Kind::PeerClosed:
      return "peer closed the connection";
    case Kind::BadFrame:
      return describe(static_cast<DecodeError>(code));
    case Kind::Timeout:
      return "no heartbeat for " + std::to_string(code) + " ms";
    default:
      return detail;
  }
}

}  // namespace distlab::engine
