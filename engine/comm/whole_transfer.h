#pragma once
#include <cstddef>
#include <limits>

#include <boost/system/error_code.hpp>

namespace distlab::engine {

/// A completion condition for boost::asio::read/write and their async forms: go on until the
/// buffers are full, letting each system call move as much as is ready. Asio's transfer_all()
/// caps every call at 64 KB (default_max_transfer_size), which cut a 940 KB frame into 15 calls
/// and as many wake-ups and tripled the PUSH+PARAMS round trip (bench/RESULTS.md).
struct WholeTransfer {
  std::size_t operator()(const boost::system::error_code& error, std::size_t) const {
    return error ? 0 : static_cast<std::size_t>(std::numeric_limits<int>::max());
  }
};

}  // namespace distlab::engine
