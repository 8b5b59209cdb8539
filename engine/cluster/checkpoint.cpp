#include "cluster/checkpoint.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/float_bundle.h"

namespace distlab::engine {
namespace {

constexpr Signature kSignature = {'D', 'L', 'C', 'K', 'P', 'T', '\0', '\0'};
constexpr std::uint32_t kFormatVersion = 1;

}  // namespace

std::vector<std::uint8_t> packCheckpoint(const Checkpoint& c) {
  const ServerState& s = c.server;
  auto ranks = nlohmann::json::array();
  for (const auto& r : c.ranks) {
    ranks.push_back({{"restarts_used", r.restartsUsed}, {"death_clock", r.deathClock},
                     {"missed_steps", r.missedSteps}, {"missed_examples", r.missedExamples}});
  }
  std::vector<bool> alive = s.alive;
  const nlohmann::json header = {
      {"format", "distlab-checkpoint"}, {"spec_hash", c.specHash},
      {"version", s.version},           {"round", s.round},
      {"lost_rounds", s.lostRounds},    {"clocks", s.clocks},
      {"applied", s.applied},           {"alive", alive},
      {"optimizer_steps", s.optimizer.steps},
      {"optimizer_buffers", s.optimizer.buffers.size()},
      {"members", s.members.size()},    {"ranks", ranks},
      {"elapsed_ns", c.elapsedNs},      {"samples", c.samples},
      {"bytes_to_server", c.bytesToServer}, {"bytes_to_workers", c.bytesToWorkers},
      {"last_eval_version", c.lastEvalVersion}};
  // Sections: parameters, the optimizer's buffers, the members, the judging memory.
  std::vector<std::span<const float>> sections = {s.parameters};
  for (const auto& b : s.optimizer.buffers) sections.emplace_back(b);
  for (const auto& m : s.members) sections.emplace_back(m);
  sections.emplace_back(s.robustCenter);
  return packBundle(kSignature, kFormatVersion, header.dump(), sections);
}

Checkpoint unpackCheckpoint(std::span<const std::uint8_t> bytes, const std::string& what) {
  FloatBundle bundle = unpackBundle(bytes, kSignature, kFormatVersion, what);
  Checkpoint c;
  try {
    const auto h = nlohmann::json::parse(bundle.header);
    ServerState& s = c.server;
    c.specHash = h.at("spec_hash").get<std::uint64_t>();
    s.version = h.at("version").get<std::uint64_t>();
    s.round = h.at("round").get<std::uint64_t>();
    s.lostRounds = h.at("lost_rounds").get<std::uint64_t>();
    s.clocks = h.at("clocks").get<std::vector<std::uint64_t>>();
    s.applied = h.at("applied").get<std::vector<std::uint64_t>>();
    s.alive = h.at("alive").get<std::vector<bool>>();
    s.optimizer.steps = h.at("optimizer_steps").get<std::int64_t>();
    const auto buffers = h.at("optimizer_buffers").get<std::size_t>();
    const auto members = h.at("members").get<std::size_t>();
    if (bundle.sections.size() != 2 + buffers + members)
      throw Error(what + ": its sections do not match its header");
    std::size_t next = 0;
    s.parameters = std::move(bundle.sections[next++]);
    for (std::size_t i = 0; i < buffers; ++i) s.optimizer.buffers.push_back(std::move(bundle.sections[next++]));
    for (std::size_t i = 0; i < members; ++i) s.members.push_back(std::move(bundle.sections[next++]));
    s.robustCenter = std::move(bundle.sections[next]);
    for (const auto& r : h.at("ranks")) {
      c.ranks.push_back({r.at("restarts_used").get<int>(), r.at("death_clock").get<std::uint64_t>(),
                         r.at("missed_steps").get<std::uint64_t>(),
                         r.at("missed_examples").get<std::uint64_t>()});
    }
    c.elapsedNs = h.at("elapsed_ns").get<std::int64_t>();
    c.samples = h.at("samples").get<std::uint64_t>();
    c.bytesToServer = h.at("bytes_to_server").get<std::uint64_t>();
    c.bytesToWorkers = h.at("bytes_to_workers").get<std::uint64_t>();
    c.lastEvalVersion = h.at("last_eval_version").get<std::uint64_t>();
  } catch (const nlohmann::json::exception& e) {
    throw Error(what + ": unreadable header: " + e.what());
  }
  return c;
}

std::string checkpointPath(const std::string& runDir) { return runDir + "/checkpoint.bin"; }

Checkpoint readCheckpoint(const std::string& runDir, std::uint64_t specHash) {
  const std::string path = checkpointPath(runDir);
  if (!std::filesystem::exists(path)) {
    throw Error("--resume: " + runDir + " holds no checkpoint.bin (a run writes one only with "
                "cluster.checkpoint_every > 0)");
  }
  const std::string bytes = readBinaryFile(path, "checkpoint");
  Checkpoint c = unpackCheckpoint({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()},
                                  "checkpoint " + path);
  if (c.specHash != specHash) {
    throw Error("checkpoint " + path + " belongs to another spec than " + runDir +
                "/spec.json (it was changed after the run started)");
  }
  return c;
}

}  // namespace distlab::engine
