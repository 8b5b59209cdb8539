#pragma once
#include <fstream>
#include <string>

#include "nn/trainer.h"

namespace distlab::engine {

/// Appends one CSV row per epoch to DIR/metrics.csv, flushed at once so a crash loses nothing
/// already measured.
class MetricsWriter {
 public:
  explicit MetricsWriter(const std::string& path);
  void write(const EpochReport& report);
  static constexpr const char* kHeader =
      "epoch,step,train_loss,test_loss,test_accuracy,samples_per_s,train_s,elapsed_s";

 private:
  std::ofstream m_out;
  std::string m_path;
};

}  // namespace distlab::engine
