#pragma once
#include <stdexcept>
#include <string>

namespace distlab::engine {

/// An error with a one-line, user-facing reason (the CLI prints what() and exits non-zero).
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& reason) : std::runtime_error(reason) {}
};

}  // namespace distlab::engine
