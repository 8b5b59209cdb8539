#include "lessons/property/property_rounds.h"

#include <algorithm>
#include <filesystem>

#include "cluster/push_capture.h"
#include "core/error.h"

namespace distlab::engine {

std::vector<PropertyRound> readPropertyRounds(const std::string& runFolder, const Dataset& train,
                                              int propertyClass, double lr) {
  namespace fs = std::filesystem;
  const fs::path series = fs::path(runFolder) / "capture-series";
  std::vector<std::string> folders;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(series, ec)) {
    if (entry.is_directory() && fs::exists(entry.path() / "capture.json")) {
      folders.push_back(entry.path().string());
    }
  }
  if (ec || folders.empty()) {
    throw Error(series.string() + " holds no captured push (the run kept none: is "
                                  "privacy.capture_worker a worker of the run?)");
  }
  std::vector<PushCapture> captures;
  for (const auto& f : folders) {
    captures.push_back(readPushCapture(f));
    for (const std::size_t r : captures.back().rows) {
      if (r >= train.size()) {
        throw Error(f + ": row " + std::to_string(r) + " is past the training set's " +
                    std::to_string(train.size()));
      }
    }
  }
  // In step order (the folders' names sort so only below a million steps).
  std::sort(captures.begin(), captures.end(),
            [](const PushCapture& a, const PushCapture& b) { return a.step < b.step; });
  std::vector<PropertyRound> rounds;
  for (std::size_t i = 0; i < captures.size(); ++i) {
    PushCapture& c = captures[i];
    PropertyRound round;
    round.hasProperty = batchHasClass(train, c.rows, propertyClass);
    if (c.masked) {
      // The round's mean, from the step the server took with it: the next round's parameters.
      if (i + 1 == captures.size()) break;
      const PushCapture& next = captures[i + 1];
      if (next.baseVersion != c.baseVersion + 1 || next.parameters.size() != c.parameters.size()) {
        continue;  // not consecutive rounds: this step is not the server's
      }
      round.observed.resize(c.parameters.size());
      for (std::size_t j = 0; j < c.parameters.size(); ++j) {
        round.observed[j] = static_cast<float>((c.parameters[j] - next.parameters[j]) / lr);
      }
    } else {
      round.observed = std::move(c.gradient);
    }
    round.parameters = std::move(c.parameters);
    rounds.push_back(std::move(round));
  }
  return rounds;
}

}  // namespace distlab::engine
