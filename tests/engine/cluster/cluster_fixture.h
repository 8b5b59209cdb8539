#pragma once
// Shared by the tests that run real clusters on loopback: `distlab-engine run` with its worker
// processes, checked through its exit code, stdout, events.jsonl, metrics.csv and params.f32,
// and through /proc.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include <gtest/gtest.h>

#include "../test_support.h"
#include "cluster/worker_schedule.h"
#include "comm/blocking_channel.h"
#include "comm/handshake.h"
#include "core/spec.h"
#include "data/load.h"
#include "engine_process.h"
#include "telemetry/event_codec.h"

namespace distlab::engine::testing {

using namespace std::chrono_literals;

inline constexpr const char* kToken = "0123456789abcdef0123456789abcdef";

/// A small, fast classification run; `cluster` is merged into the spec's cluster section.
inline std::string smallSpec(const std::string& cluster, int epochs = 2,
                             const std::string& training = "") {
  return R"({"name": "cluster test", "seed": 3,
    "dataset": {"name": "blobs", "samples": 1200, "classes": 4, "noise": 0.6},
    "model": {"arch": "mlp", "hidden": [32], "activation": "tanh"},
    "training": {"epochs": )" +
         std::to_string(epochs) + R"(, "batch_size": 32, "lr": 0.1)" + training + R"(},
    "cluster": {"eval_every": 20, "heartbeat_ms": 100, "peer_timeout_ms": 3000, )" +
         cluster + "}}";
}

template <class T>
std::vector<T> eventsOf(const std::vector<Event>& events) {
  std::vector<T> out;
  for (const auto& e : events) {
    if (const auto* t = std::get_if<T>(&e)) out.push_back(*t);
  }
  return out;
}

/// The workers' status changes of one kind.
inline std::vector<WorkerState> workerStates(const std::vector<Event>& events, WorkerStatus status) {
  std::vector<WorkerState> out;
  for (const auto& w : eventsOf<WorkerState>(events)) {
    if (w.status == status) out.push_back(w);
  }
  return out;
}

inline std::map<int, std::size_t> appliedPerWorker(const std::vector<Event>& events) {
  std::map<int, std::size_t> count;
  for (const auto& s : eventsOf<Staleness>(events)) ++count[s.worker];
  return count;
}

/// The rows of a worker's steps [from, to), from its shares in the run's PartitionShare records
/// (an equal share each epoch: the default shuffle-split): full batches, and a shorter last one
/// in each epoch.
inline std::uint64_t rowsOfSteps(const std::vector<Event>& events, int rank, std::uint64_t batch,
                                 std::uint64_t from, std::uint64_t to) {
  std::uint64_t share = 0;
  for (const auto& p : eventsOf<PartitionShare>(events)) {
    if (p.worker == rank && p.epoch == 0) share = p.size;
  }
  const std::uint64_t perEpoch = (share + batch - 1) / batch;
  std::uint64_t rows = 0;
  for (auto step = from; step < to; ++step) {
    const auto start = (step % perEpoch) * batch;
    rows += std::min(batch, share - start);
  }
  return rows;
}

/// The pid the coordinator reported when the worker joined.
inline pid_t workerPid(const std::vector<Event>& events, int rank) {
  for (const auto& w : workerStates(events, WorkerStatus::Joined)) {
    if (w.worker == rank) return w.pid;
  }
  return 0;
}

/// The last evaluation's test accuracy (-1 without one).
inline double lastAccuracy(const std::vector<Event>& events) {
  const auto evaluations = eventsOf<Evaluation>(events);
  return evaluations.empty() ? -1.0 : evaluations.back().testAccuracy;
}

/// A run's raw float32 file (params.f32); empty when it is missing.
inline std::vector<float> readFloats(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return {};
  std::vector<float> values(static_cast<std::size_t>(in.tellg()) / sizeof(float));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(values.data()),
          static_cast<std::streamsize>(values.size() * sizeof(float)));
  return values;
}

/// A file's bytes, for comparing what two writers produced.
inline std::string fileText(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::vector<std::vector<std::string>> csvRows(const std::string& p) {
  std::string text = fileText(p);
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u) << p;  // UTF-8 with a byte-order mark
  std::vector<std::vector<std::string>> rows;
  std::stringstream lines(text.substr(3));
  for (std::string line; std::getline(lines, line);) rows.push_back(splitCsvLine(line));
  return rows;
}

class ClusterRunTest : public TempDirTest {
 protected:
  std::string writeSpec(const std::string& text) {
    const auto p = path("spec.json").string();
    std::ofstream(p) << text;
    m_spec = loadSpecText(text);
    return p;
  }
  std::unique_ptr<EngineProcess> start(const std::string& specText,
                                       std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run", writeSpec(specText), "--out", out()};
    args.insert(args.end(), extra.begin(), extra.end());
    return std::make_unique<EngineProcess>(args, kToken, path("stderr.txt").string());
  }
  std::string out() const { return path("run").string(); }
  std::vector<Event> events() const { return readEvents(out() + "/events.jsonl"); }
  std::string log() const { return fileText(path("stderr.txt").string()); }
  /// `distlab-engine invert` on an inversion spec into path("attack"): its results.csv rows,
  /// header first (none when the attack failed).
  std::vector<std::vector<std::string>> attackWith(const std::string& specText) {
    const std::string spec = path("invert.json").string();
    std::ofstream(spec) << specText;
    EngineProcess invert({"invert", spec, "--out", path("attack").string()}, kToken,
                         path("stderr.txt").string());
    const auto code = invert.wait(120s);
    EXPECT_EQ(code, 0) << log();
    if (code != 0) return {};
    return csvRows(path("attack").string() + "/results.csv");
  }
  std::uint64_t stepsOf(int rank) {
    const TrainTest data = loadDataset(m_spec.dataset, m_spec.seed);
    return WorkerSchedule(m_spec, data.train, rank).totalSteps();
  }
  Spec m_spec;
};

/// A monitor: authenticates like a worker, receives telemetry, sends CONTROL.
class Monitor {
 public:
  explicit Monitor(int port) {
    m_channel.connect("127.0.0.1", static_cast<std::uint16_t>(port), 5000);
    m_channel.send(Hello{PeerRole::Monitor, 0, 0});
    const auto challenge = std::get<Challenge>(m_channel.receive());
    const auto mac = authAnswer(kToken, challenge.nonce, 0, kProtocolVersion);
    m_channel.send(Auth{std::vector<std::uint8_t>(mac.begin(), mac.end())});
    EXPECT_TRUE(std::holds_alternative<Welcome>(m_channel.receive()));
  }
  void send(ControlCommand command, int target = 0, double value = 0) {
    m_channel.send(
        Control{static_cast<std::uint8_t>(command), static_cast<std::uint32_t>(target), value});
  }
  /// Telemetry until SHUTDOWN (the run's end); every batch must decode, with no unknown record.
  std::vector<Event> drain() {
    std::vector<Event> events;
    for (;;) {
      const Message m = m_channel.receive();
      if (const auto* t = std::get_if<Telemetry>(&m)) {
        const auto r = decodeTelemetry(*t, events);
        EXPECT_TRUE(r.ok) << r.error;
        EXPECT_EQ(r.unknown, 0u);
      }
      if (std::holds_alternative<Shutdown>(m)) return events;
    }
  }

 private:
  BlockingChannel m_channel;
};

}  // namespace distlab::engine::testing
