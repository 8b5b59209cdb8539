#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "comm/messages.h"

namespace boost::asio {
class io_context;
}

namespace distlab::engine {

class Session;

/// A peer whose frames come by a transport of their own (MPI under mpirun), for the coordinator
/// to take in as it takes an accepted TCP connection: it still says HELLO and answers the
/// challenge.
struct LinkedPeer {
  std::shared_ptr<Session> session;
  std::string from;      ///< for the log: "rank 2 on node7"
  bool sameHost = true;  ///< shares the coordinator's steady clock
};

/// Owns such a transport for one coordinator; destroyed before the coordinator's event loop.
class SessionSource {
 public:
  virtual ~SessionSource() = default;
  virtual std::vector<LinkedPeer> peers() = 0;
};

/// Made once the coordinator listens, on its event loop, with the frame limits of its model.
using SessionSourceFactory =
    std::function<std::unique_ptr<SessionSource>(boost::asio::io_context&, DecodeLimits)>;

}  // namespace distlab::engine
