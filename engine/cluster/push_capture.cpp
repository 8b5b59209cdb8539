#include "cluster/push_capture.h"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/float_file.h"
#include "core/text_file.h"

namespace distlab::engine {
void writePushCapture(const std::string& dir, const PushCapture& c, const std::string& specText) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error("cannot create " + dir + ": " + ec.message());
  // capture.json last: a reader that finds it finds the rest complete.
  writeFloatFile(dir + "/gradient.f32", c.gradient);
  writeFloatFile(dir + "/params.f32", c.parameters);
  if (!specText.empty()) {
    std::ofstream spec(dir + "/spec.json", std::ios::trunc);
    spec << specText;
    if (!spec) throw Error("cannot write " + dir + "/spec.json");
  }
  nlohmann::ordered_json j;
  j["worker"] = c.worker;
  j["step"] = c.step;
  j["base_version"] = c.baseVersion;
  j["server_version"] = c.serverVersion;
  j["samples"] = c.samples;
  j["masked"] = c.masked;
  j["values"] = c.gradient.size();
  j["rows"] = c.rows;
  std::ofstream out(dir + "/capture.json", std::ios::trunc);
  out << j.dump(1) << '\n';
  if (!out) throw Error("cannot write " + dir + "/capture.json");
}

std::string captureFolder(const std::string& path) {
  namespace fs = std::filesystem;
  if (fs::exists(fs::path(path) / "capture.json")) return path;
  if (fs::exists(fs::path(path) / "capture" / "capture.json")) return path + "/capture";
  throw Error("privacy.capture_from: " + path +
              " holds no captured push (capture.json, or capture/capture.json in a run folder)");
}

PushCapture readPushCapture(const std::string& dir) {
  PushCapture c;
  try {
    const auto j = nlohmann::json::parse(readTextFile(dir + "/capture.json", "capture"));
    c.worker = j.at("worker").get<int>();
    c.step = j.at("step").get<std::uint64_t>();
    c.baseVersion = j.at("base_version").get<std::uint64_t>();
    c.serverVersion = j.at("server_version").get<std::uint64_t>();
    c.samples = j.at("samples").get<std::uint32_t>();
    c.masked = j.value("masked", false);
    c.rows = j.at("rows").get<std::vector<std::size_t>>();
    const auto values = j.at("values").get<std::size_t>();
    c.gradient = readFloatFile(dir + "/gradient.f32", values);
    c.parameters = readFloatFile(dir + "/params.f32", values);
  } catch (const nlohmann::json::exception& e) {
    throw Error(dir + "/capture.json: " + e.what());
  }
  return c;
}

}  // namespace distlab::engine
