#include "telemetry/run_tables.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/spec.h"
#include "core/text_file.h"
#include "telemetry/event_file_reader.h"
#include "telemetry/json_lines.h"
#include "telemetry/lesson_files.h"

namespace distlab::engine {
namespace {

std::int64_t runStartNs(std::span<const Event> events) {
  for (const Event& event : events) {
    if (const auto* r = std::get_if<RunStarted>(&event)) return r->timeNs;
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
  auto row = [&](std::int64_t time, const char* metric, int worker, std::uint64_t step,
                 double value) {
    t.rows.push_back({seconds(time, start), metric, laneName(worker), std::to_string(step),
                      number(value)});
  };
  for (const Event& event : events) {
    if (const auto* l = std::get_if<StepLoss>(&event)) {
      row(l->timeNs, "train_loss", l->worker, l->step, l->loss);
    } else if (const auto* e = std::get_if<Evaluation>(&event)) {
      row(e->timeNs, "test_loss", kServerLane, e->update, e->testLoss);
      row(e->timeNs, "test_accuracy", kServerLane, e->update, e->testAccuracy);
      row(e->timeNs, "samples_per_s", kServerLane, e->update, e->samplesPerSecond);
      row(e->timeNs, "train_loss", kServerLane, e->update, e->trainLoss);
      row(e->timeNs, "epoch", kServerLane, e->update, e->epoch);
    } else if (const auto* u = std::get_if<SplitSummary>(&event)) {
      row(u->timeNs, "unused_fraction", kServerLane, static_cast<std::uint64_t>(u->epoch),
          u->unusedFraction);
    }
  }
  return t;
}

Table timelineTable(std::span<const Event> events) {
  const std::int64_t start = runStartNs(events);
  Table t{{"lane", "kind", "start_s", "end_s", "duration_ms", "step", "bytes"}, {}};
  each<Span>(events, [&](const Span& s) {
    t.rows.push_back({laneName(s.lane), enumName(s.kind), seconds(s.startNs, start),
                      seconds(s.endNs, start), number(static_cast<double>(s.endNs - s.startNs) / 1e6),
                      std::to_string(s.step), std::to_string(s.bytes)});
  });
  return t;
}

Table lifecycleTable(std::span<const Event> events) {
  const std::int64_t start = runStartNs(events);
  Table t{{"time_s", "worker", "event", "detail"}, {}};
  for (const Event& event : events) {
    const auto row = [&](int worker, const std::string& what, const std::string& detail) {
      t.rows.push_back({seconds(eventTime(event), start), laneName(worker), what, detail});
    };
    if (const auto* w = std::get_if<WorkerState>(&event)) {
      std::string detail = std::string("reason=") + enumName(w->reason);
      if (w->pid) detail += " pid=" + std::to_string(w->pid);
      if (w->status == WorkerStatus::Rejoined) detail += " clock=" + std::to_string(w->clock);
      if (w->value != 0) detail += " value=" + number(w->value);
      if (w->code != 0) detail += " code=" + std::to_string(w->code);
      row(w->worker, enumName(w->status), detail);
    } else if (const auto* r = std::get_if<ConnectionRefused>(&event)) {
      row(r->worker, "refused",
          std::string("reason=") + enumName(r->reason) + " from=" + r->from +
              (r->limit ? " limit=" + std::to_string(r->limit) : std::string()));
    } else if (const auto* c = std::get_if<RunControlled>(&event)) {
      row(kServerLane, enumName(c->command), "");
    } else if (const auto* s0 = std::get_if<RunStarted>(&event)) {
      row(kServerLane, "run_started",
          "workers=" + std::to_string(s0->workers) + " sync=" + s0->sync +
              " partition=" + s0->partition + " parameters=" + std::to_string(s0->parameters) +
              " port=" + std::to_string(s0->port));
    } else if (const auto* e = std::get_if<RunEnded>(&event)) {
      row(e->worker, "run_ended",
          std::string("reason=") + enumName(e->reason) + " exit_code=" +
              std::to_string(e->exitCode) + (e->message.empty() ? "" : " message=" + e->message));
    } else if (const auto* k = std::get_if<KeysExchanged>(&event)) {
      row(kServerLane, "keys_exchanged", "keys=" + std::to_string(k->keys));
    } else if (const auto* u = std::get_if<ShareUntrained>(&event)) {
      row(u->worker, "share_untrained",
          std::string("cause=") + enumName(u->cause) + " steps=" + std::to_string(u->steps) +
              " total_steps=" + std::to_string(u->totalSteps) +
              " examples=" + std::to_string(u->examples));
    } else if (const auto* l = std::get_if<RoundsLost>(&event)) {
      row(kServerLane, "rounds_lost", "rounds=" + std::to_string(l->rounds));
    } else if (const auto* p = std::get_if<PushCaptured>(&event)) {
      row(p->worker, "captured", "step=" + std::to_string(p->step) + " folder=" + p->folder);
    } else if (const auto* n = std::get_if<Notice>(&event)) {
      row(n->worker, enumName(n->kind),
          "count=" + std::to_string(n->count) + (n->detail.empty() ? "" : " detail=" + n->detail));
    }
  }
  return t;
}

Table trafficTable(std::span<const Event> events) {
  const std::int64_t start = runStartNs(events);
  struct PerSecond {
    std::uint64_t push = 0, params = 0, other = 0;
  };
  std::map<int, std::vector<PerSecond>> workers;
  each<Traffic>(events, [&](const Traffic& r) {
    const auto second =
        static_cast<std::size_t>(std::max<std::int64_t>(0, r.timeNs - start) / 1'000'000'000);
    auto& seconds = workers[r.worker];
    if (seconds.size() <= second) seconds.resize(second + 1);
    PerSecond& s = seconds[second];
    (r.message == MessageType::Push     ? s.push
     : r.message == MessageType::Params ? s.params
                                        : s.other) += r.wireBytes;
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
  each<Traffic>(events, [&](const Traffic& r) {
    for (Tally* tally : {&perWorker[{r.worker, r.message}], &all[r.message]}) {
      ++tally->messages;
      (r.direction == Direction::ToServer ? tally->up : tally->down) += r.wireBytes;
    }
  });
  Table t{{"worker", "type", "messages", "bytes_to_server", "bytes_to_worker", "mean_bytes"}, {}};
  auto row = [&](const std::string& worker, MessageType type, const Tally& tally) {
    t.rows.push_back({worker, enumName(type), std::to_string(tally.messages),
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
  each<PartitionShare>(events, [&](const PartitionShare& p) {
    classes = std::max(classes, p.labelCounts.size());
  });
  Table t{{"epoch", "worker", "size", "distinct", "unseen_fraction"}, {}};
  for (std::size_t c = 0; c < classes; ++c) t.header.push_back("label_" + std::to_string(c));
  each<PartitionShare>(events, [&](const PartitionShare& p) {
    std::vector<std::string> row = {std::to_string(p.epoch), std::to_string(p.worker),
                                    std::to_string(p.size), std::to_string(p.distinct),
                                    number(p.unseenFraction)};
    for (std::size_t c = 0; c < classes; ++c) {
      row.push_back(std::to_string(c < p.labelCounts.size() ? p.labelCounts[c] : 0));
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
  each<Staleness>(events, [&](const Staleness& r) {
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
  each<WorkerState>(events, [&](const WorkerState& state) {
    Worker& w = workers[state.worker];
    switch (state.status) {
      case WorkerStatus::Joined:
      case WorkerStatus::Rejoined:
      case WorkerStatus::Restored:
        w.state = "running";
        break;
      case WorkerStatus::Died:
        w.state = "dead";
        break;
      case WorkerStatus::Slowed:
        w.state = "slowed";
        break;
      case WorkerStatus::Finished:
        if (w.state != "dead") w.state = "finished";
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
  each<PartitionShare>(events, [&](const PartitionShare& p) { workers[p.worker].size = p.size; });
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
    if (const auto* e = std::get_if<Evaluation>(&event)) {
      s.finalAccuracy = e->testAccuracy;
      s.finalTestLoss = e->testLoss;
    } else if (const auto* r = std::get_if<Traffic>(&event)) {
      s.bytesTotal += r->wireBytes;
    } else if (std::holds_alternative<Staleness>(event)) {
      ++s.pushesApplied;
    } else if (const auto* w = std::get_if<WorkerState>(&event)) {
      if (w->status == WorkerStatus::Joined) workers.insert(w->worker);
      if (w->status == WorkerStatus::Died) ++s.deaths;
      if (w->status == WorkerStatus::Rejoined) ++s.rejoins;
    } else if (const auto* u = std::get_if<ShareUntrained>(&event)) {
      s.examplesUntrained += u->examples;
    } else if (const auto* ended = std::get_if<RunEnded>(&event)) {
      s.finished = true;
      end = ended->timeNs;
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
  // A run still writing may have flushed part of its last line: the reader leaves it out.
  EventFileReader reader(path);
  std::vector<Event> events, block;
  while (reader.next(block)) {
    if (events.empty()) {
      events.swap(block);
    } else {
      std::move(block.begin(), block.end(), std::back_inserter(events));
    }
  }
  if (!reader.error().empty()) throw Error(path + ": " + reader.error());
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
  j["rejoins"] = s.rejoins;
  j["examples_untrained"] = s.examplesUntrained;
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

RunSummary writeRunReport(const std::string& runDir, const std::string& reportDir) {
  const Spec spec = loadSpecFile(runDir + "/spec.json");
  const std::vector<Event> events = readEventsFile(runDir + "/events.jsonl");
  writeReportTables(events, reportDir, spec.name);
  std::error_code ec;
  std::filesystem::copy_file(runDir + "/spec.json", reportDir + "/spec.json",
                             std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) throw Error("cannot copy the spec into " + reportDir + ": " + ec.message());
  // A lesson's own results (its tables and pictures), as its run folder holds them.
  for (const Event& event : events) {
    if (const auto* result = std::get_if<LessonResult>(&event)) writeLessonFiles(*result, reportDir);
  }
  RunSummary summary = summarizeRun(events);
  summary.specName = spec.name;
  return summary;
}

}  // namespace distlab::engine
