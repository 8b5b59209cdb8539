#include "lessons/run_folder.h"

#include <cctype>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "core/error.h"

namespace distlab::engine {

std::string defaultOutDir(const Spec& spec) {
  std::string slug;
  for (char c : spec.name) slug += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  const std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
  return "runs/" + slug + "-" + stamp;
}

std::string prepareRunFolder(const Spec& spec, const std::string& outDirOption) {
  const std::string outDir = outDirOption.empty() ? defaultOutDir(spec) : outDirOption;
  std::error_code ec;
  std::filesystem::create_directories(outDir, ec);
  if (ec) throw Error("cannot create output folder " + outDir + ": " + ec.message());
  std::ofstream specCopy(outDir + "/spec.json");
  specCopy << specToString(spec);
  if (!specCopy) throw Error("cannot write " + outDir + "/spec.json");
  return outDir;
}

}  // namespace distlab::engine
