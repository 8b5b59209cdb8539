#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace distlab::engine {

/// One worker's PUSH as the honest-but-curious server keeps it for the privacy lesson: the
/// gradient, the parameters it was computed on, and (for scoring the attack only) the training
/// rows of that step.
struct PushCapture {
  int worker = 0;
  std::uint64_t step = 0;
  std::uint64_t baseVersion = 0;    ///< the parameters' version the worker computed on
  std::uint64_t serverVersion = 0;  ///< the server's version when the push arrived
  std::uint32_t samples = 0;
  bool masked = false;  ///< secure aggregation: `gradient` is what a masked push reads as
  std::vector<float> gradient, parameters;
  std::vector<std::size_t> rows;
};

/// Writes DIR/capture.json, DIR/gradient.f32 and DIR/params.f32 (DIR created), and the run's
/// spec as DIR/spec.json when specText is not empty; throws Error.
void writePushCapture(const std::string& dir, const PushCapture& capture,
                      const std::string& specText = {});
/// Reads them back; throws Error naming the file and what is wrong.
PushCapture readPushCapture(const std::string& dir);
/// The capture folder that `path` names: itself when it holds capture.json, else its capture/
/// (a run folder whose spec captured a push); throws Error naming privacy.capture_from.
std::string captureFolder(const std::string& path);

}  // namespace distlab::engine
