#include "telemetry/run_tables.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/spec.h"
#include "core/text_file.h"

namespace distlab::engine {
namespace {

std::int64_t runStartNs(std::span<const Event> events) {
  for (const Event& event : events) {
    if (const auto* l = std::get_if<Lifecycle>(&event); l && l->kind == LifecycleKind::RunStarted) {
      return l->timeNs;
    }
  }
  std::int64_t first = 0;
  bool any = false;
  for (const Event& event : events) {
    const std::int64_t t = eventTime(event);
    first = any ? std::min(first, t) : t;
    any = true;
  }
  return first;
}

// Shortest text that reads back as the same double ("0.1", not "0.10000000000000001").
std::string number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char text[32];
  for (int precision = 6; precision <= 17; ++precision) {
    std::snprintf(text, sizeof text, "%.*g", precision, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  return text;
}

std::string seconds(std::int64_t ns, std::int64_t startNs) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", static_cast<double>(ns - startNs) / 1e9);
  return text;
}

std::string laneName(int lane) { return lane == kServerLane ? "server" : std::to_string(lane); }

template <typename T, typename F>
void each(std::span<const Event> events, F&& f) {
  for (const Event& event : events) {
    if (const auto* value = std::get_if<T>(&event)) f(*value);
  }
}

}  // namespace

Table trainingTable(std::span<const Event> events) {
  const std::int64_t start = runStartNs(events);
  Table t{{"time_s", "metric", "worker", "step", "value"}, {}};
  each<Metric>(events, [&](const Metric& m) {
    t.rows.push_back({seconds(m.timeNs, start), m.name, laneName(m.worker),
                      std::to_string(m.step), number(m.value)});
  });
  return t;
}

Table timelineTable(std::span<const Event> events) {
  const std::int64_t start = runStartNs(events);
  Table t{{"lane", "kind", "start_s", "end_s", "duration_ms", "step", "bytes"}, {}};
  each<Span>(events, [&](const Span& s) {
    t.rows.push_back({laneName(s.lane), spanKindName(s.kind), seconds(s.startNs, start),
                      seconds(s.endNs, start), number(static_cast<double>(s.endNs - s.startNs) / 1e6),
                      std::to_string(s.step), std::to_string(s.bytes)});
  });
  return t;
}

Table lifecycleTable(std::span<const Event> events) {
  const std::int64_t start = runStartNs(events);
  Table t{{"time_s", "worker", "event", "detail"}, {}};
  each<Lifecycle>(events, [&](const Lifecycle& l) {
    t.rows.push_back({seconds(l.timeNs, start), laneName(l.worker), lifecycleName(l.kind), l.detail});
  });
  return t;
}

Table trafficTable(std::span<const Event> events) {
  const std::int64_t start = runStartNs(events);
  struct PerSecond {
    std::uint64_t push = 0, params = 0, other = 0;
  };
  std::map<int, std::vector<PerSecond>> workers;
  each<TrafficRecord>(events, [&](const TrafficRecord& r) {
    const auto second =
        static_cast<std::size_t>(std::max<std::int64_t>(0, r.timeNs - start) / 1'000'000'000);
    auto& seconds = workers[r.worker];
    if (seconds.size() <= second) seconds.resize(second + 1);
    PerSecond& s = seconds[second];
    (r.type == MessageType::Push ? s.push : r.type == MessageType::Params ? s.params : s.other) +=
        r.bytes;
  });
  Table t{{"second", "worker", "push_bytes", "params_bytes", "other_bytes", "cumulative_bytes"},
          {}};
  for (const auto& [worker, perSecond] : workers) {
    std::uint64_t cumulative = 0;
    for (std::size_t s = 0; s < perSecond.size(); ++s) {
      const PerSecond& p = perSecond[s];
      cumulative += p.push + p.params + p.other;
      t.rows.push_back({std::to_string(s), std::to_string(worker), std::to_string(p.push),
                        std::to_string(p.params), std::to_string(p.other),
                        std::to_string(cumulative)});
    }
  }
  return t;
}

Table trafficByTypeTable(std::span<const Event> events) {
  struct Tally {
    std::uint64_t messages = 0, up = 0, down = 0;
  };
  std::map<std::pair<int, MessageType>, Tally> perWorker;
  std::map<MessageType, Tally> all;
  each<TrafficRecord>(events, [&](const TrafficRecord& r) {
    for (Tally* tally : {&perWorker[{r.worker, r.type}], &all[r.type]}) {
      ++tally->messages;
      (r.direction == Direction::ToServer ? tally->up : tally->down) += r.bytes;
    }
  });
  Table t{{"worker", "type", "messages", "bytes_to_server", "bytes_to_worker", "mean_bytes"}, {}};
  auto row = [&](const std::string& worker, MessageType type, const Tally& tally) {
    t.rows.push_back({worker, messageTypeName(type), std::to_string(tally.messages),
                      std::to_string(tally.up), std::to_string(tally.down),
                      number(static_cast<double>(tally.up + tally.down) /
                             static_cast<double>(tally.messages))});
  };
  for (const auto& [key, tally] : perWorker) row(std::to_string(key.first), key.second, tally);
  for (const auto& [type, tally] : all) row("all", type, tally);
  return t;
}

Table dataTable(std::span<const Event> events) {
  std::size_t classes = 0;
  each<PartitionRecord>(events, [&](const PartitionRecord& p) {
    classes = std::max(classes, p.stats.labelCounts.size());
  });
  Table t{{"epoch", "worker", "size", "distinct", "unseen_fraction"}, {}};
  for (std::size_t c = 0; c < classes; ++c) t.header.push_back("label_" + std::to_string(c));
  each<PartitionRecord>(events, [&](const PartitionRecord& p) {
    std::vector<std::string> row = {std::to_string(p.epoch), std::to_string(p.worker),
                                    std::to_string(p.stats.size), std::to_string(p.stats.distinct),
                                    number(p.stats.unseenFraction)};
    for (std::size_t c = 0; c < classes; ++c) {
      row.push_back(std::to_string(c < p.stats.labelCounts.size() ? p.stats.labelCounts[c] : 0));
    }
    t.rows.push_back(std::move(row));
  });
  return t;
}

Table stalenessTable(std::span<const Event> events) {
  std::vector<std::array<std::uint64_t, 2>> counts;  // [value] -> {staleness, clock gap}
  auto count = [&](std::uint64_t value, int column) {
    if (counts.size() <= value) counts.resize(value + 1, {0, 0});
    ++counts[value][column];
  };
  each<StalenessRecord>(events, [&](const StalenessRecord& r) {
    count(r.staleness, 0);
    count(r.clockGap, 1);
  });
  Table t{{"value", "updates_with_staleness", "updates_with_clock_gap"}, {}};
  for (std::size_t v = 0; v < counts.size(); ++v) {
    t.rows.push_back(
        {std::to_string(v), std::to_string(counts[v][0]), std::to_string(counts[v][1])});
  }
  return t;
}

Table clusterTable(std::span<const Event> events) {
  struct Worker {
    std::string state = "running";
    std::uint64_t steps = 0, lastStep = 0;
    std::size_t size = 0;
  };
  std::map<int, Worker> workers;
  each<Lifecycle>(events, [&](const Lifecycle& l) {
    if (l.worker == kServerLane) return;
    Worker& w = workers[l.worker];
    switch (l.kind) {
      case LifecycleKind::Joined:
      case LifecycleKind::Rejoined:
      case LifecycleKind::Restored:
        w.state = "running";
        break;
      case LifecycleKind::Died:
        w.state = "dead";
        break;
      case LifecycleKind::Slowed:
        w.state = "slowed";
        break;
      case LifecycleKind::Finished:
        if (w.state != "dead") w.state = "finished";
        break;
      default:
        break;
    }
  });
  each<Span>(events, [&](const Span& s) {
    if (s.lane == kServerLane || s.kind != SpanKind::Compute) return;
    Worker& w = workers[s.lane];
    ++w.steps;
    w.lastStep = std::max(w.lastStep, s.step);
  });
  // The share of the data each worker trains on: its latest partition's size over all of them.
  each<PartitionRecord>(events, [&](const PartitionRecord& p) {
    workers[p.worker].size = p.stats.size;
  });
  std::size_t total = 0;
  for (const auto& [id, w] : workers) total += w.size;
  Table t{{"worker", "state", "steps", "last_step", "data_share"}, {}};
  for (const auto& [id, w] : workers) {
    t.rows.push_back({std::to_string(id), w.state, std::to_string(w.steps),
                      std::to_string(w.lastStep),
                      number(total ? static_cast<double>(w.size) / static_cast<double>(total) : 0.0)});
  }
  return t;
}

RunSummary summarizeRun(std::span<const Event> events) {
  RunSummary s;
  const std::int64_t start = runStartNs(events);
  std::int64_t end = start;
  std::set<int> workers;
  for (const Event& event : events) {
    end = std::max(end, eventTime(event));
    if (const auto* span = std::get_if<Span>(&event)) end = std::max(end, span->endNs);
  }
  for (const Event& event : events) {
    if (const auto* m = std::get_if<Metric>(&event); m && m->worker == kServerLane) {
      if (m->name == "test_accuracy") s.finalAccuracy = m->value;
      if (m->name == "test_loss") s.finalTestLoss = m->value;
    } else if (const auto* r = std::get_if<TrafficRecord>(&event)) {
      s.bytesTotal += r->bytes;
    } else if (std::holds_alternative<StalenessRecord>(event)) {
      ++s.pushesApplied;
    } else if (const auto* l = std::get_if<Lifecycle>(&event)) {
      if (l->kind == LifecycleKind::Joined) workers.insert(l->worker);
      if (l->kind == LifecycleKind::Died) ++s.deaths;
      if (l->kind == LifecycleKind::RunFinished) {
        s.finished = true;
        end = l->timeNs;
      }
    }
  }
  s.workers = static_cast<int>(workers.size());
  s.wallSeconds = static_cast<double>(end - start) / 1e9;
  return s;
}

std::string toCsv(const Table& table) {
  std::string text;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) text += ',';
      const std::string& cell = cells[i];
      if (cell.find_first_of(",\"\r\n") == std::string::npos) {
        text += cell;
        continue;
      }
      text += '"';
      for (const char c : cell) {
        if (c == '"') text += '"';
        text += c;
      }
      text += '"';
    }
    text += "\r\n";
  };
  line(table.header);
  for (const auto& row : table.rows) line(row);
  return text;
}

void writeCsvFile(const Table& table, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << "\xEF\xBB\xBF" << toCsv(table);
  out.close();
  if (!out) throw Error("cannot write " + path);
}

std::span<const ReportTable> reportTables() {
  static const ReportTable tables[] = {
      {"training.csv", trainingTable},       {"timeline.csv", timelineTable},
      {"events.csv", lifecycleTable},        {"data.csv", dataTable},
      {"staleness.csv", stalenessTable},     {"traffic.csv", trafficTable},
      {"traffic_by_type.csv", trafficByTypeTable}, {"cluster.csv", clusterTable},
  };
  return tables;
}

std::vector<Event> readEventsFile(const std::string& path) {
  std::string text = readTextFile(path, "events file");
  // A run still writing may have flushed part of its last line.
  if (!text.empty() && text.back() != '\n') text.erase(text.find_last_of('\n') + 1);
  std::vector<Event> events;
  std::string error;
  if (!decodeBatch(text, events, &error)) throw Error(path + ": " + error);
  return events;
}

std::vector<std::string> writeReportTables(std::span<const Event> events, const std::string& dir,
                                           const std::string& specName) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error("cannot create the report folder " + dir + ": " + ec.message());
  std::vector<std::string> written;
  for (const ReportTable& table : reportTables()) {
    writeCsvFile(table.make(events), dir + "/" + table.fileName);
    written.emplace_back(table.fileName);
  }
  const RunSummary s = summarizeRun(events);
  nlohmann::ordered_json j;
  j["spec_name"] = specName;
  j["wall_s"] = s.wallSeconds;
  j["final_test_accuracy"] = s.finalAccuracy;
  j["final_test_loss"] = s.finalTestLoss;
  j["bytes_total"] = s.bytesTotal;
  j["pushes_applied"] = s.pushesApplied;
  j["workers"] = s.workers;
  j["deaths"] = s.deaths;
  j["finished"] = s.finished;
  std::ofstream out(dir + "/summary.json", std::ios::trunc);
  out << j.dump(2) << '\n';
  out.close();
  if (!out) throw Error("cannot write " + dir + "/summary.json");
  written.emplace_back("summary.json");
  return written;
}

}  // namespace distlab::engine

namespace distlab::engine {

const std::vector<std::string>& lessonOutputFiles() {
  static const std::vector<std::string> files = {
      "averaging.json", "aggregation.csv", "aggregation_summary.csv", "convexity.csv",
      "results.csv",    "attack.csv",      "privacy_utility.csv",     "reconstruction.png"};
  return files;
}

RunSummary writeRunReport(const std::string& runDir, const std::string& reportDir) {
  const Spec spec = loadSpecFile(runDir + "/spec.json");
  // A lesson computed in one process (an attack, lesson 1) has no cluster telemetry.
  const bool cluster = std::filesystem::exists(runDir + "/events.jsonl");
  const std::vector<Event> events =
      cluster ? readEventsFile(runDir + "/events.jsonl") : std::vector<Event>{};
  writeReportTables(events, reportDir, spec.name);
  std::error_code ec;
  std::filesystem::copy_file(runDir + "/spec.json", reportDir + "/spec.json",
                             std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) throw Error("cannot copy the spec into " + reportDir + ": " + ec.message());
  for (const std::string& file : lessonOutputFiles()) {
    if (!std::filesystem::exists(runDir + "/" + file)) continue;
    std::filesystem::copy_file(runDir + "/" + file, reportDir + "/" + file,
                               std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) throw Error("cannot copy " + file + " into " + reportDir + ": " + ec.message());
  }
  RunSummary summary = summarizeRun(events);
  summary.specName = spec.name;
  return summary;
}

}  // namespace distlab::engine
