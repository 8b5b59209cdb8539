#pragma once
#include <string>

namespace distlab::engine {

/// The whole file as a string; throws Error("cannot open <what> <path>") when it cannot be read.
std::string readTextFile(const std::string& path, const std::string& what = "file");

}  // namespace distlab::engine
