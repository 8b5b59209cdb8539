#include "core/text_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"

namespace distlab::engine {

std::string readTextFile(const std::string& path, const std::string& what) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw Error("cannot open " + what + " " + path + ": it is a folder; give a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open " + what + " " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace distlab::engine
