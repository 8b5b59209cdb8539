#include "core/text_file.h"

#include <fstream>
#include <sstream>

#include "core/error.h"

namespace distlab::engine {

std::string readTextFile(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open " + what + " " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace distlab::engine
