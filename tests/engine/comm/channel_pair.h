#pragma once
#include <thread>

#include "comm/blocking_channel.h"

namespace distlab::engine::testing {

/// Two blocking channels connected over loopback: `sender` dialled `receiver`'s listener.
struct ChannelPair {
  BlockingListener listener{"127.0.0.1"};
  BlockingChannel sender, receiver;

  ChannelPair() {
    std::thread accepting([&] { listener.accept(receiver, 5000); });
    sender.connect("127.0.0.1", listener.port(), 5000);
    accepting.join();
  }
};

}  // namespace distlab::engine::testing
