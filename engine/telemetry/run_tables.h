#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "telemetry/events.h"

namespace distlab::engine {

// The data behind each of the window's views, computed from a run's events, so the window's
// "Export data as CSV", its report folder and the headless `run --report` write the same files.
// Times are seconds since the run started (its run_started event, else its first event).

/// Text cells under a header; every row has as many cells as the header.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// Every metric point: time_s, metric, worker ("server" for the run's own), step, value.
Table trainingTable(std::span<const Event> events);
/// Every timeline span: lane, kind, start_s, end_s, duration_ms, step, bytes.
Table timelineTable(std::span<const Event> events);
/// Lifecycle events (the timeline's markers): time_s, worker, event, detail.
Table lifecycleTable(std::span<const Event> events);
/// Bytes per worker in each whole second: second, worker, push_bytes, params_bytes (the answers
/// to PULL), other_bytes (every other message, both ways), cumulative_bytes (all of that
/// worker's link up to the end of that second).
Table trafficTable(std::span<const Event> events);
/// Per worker and message type (then "all" workers per type): worker, type, messages,
/// bytes_to_server, bytes_to_worker, mean_bytes.
Table trafficByTypeTable(std::span<const Event> events);
/// Each worker's partition in each epoch: epoch, worker, size, distinct, unseen_fraction,
/// label_0 ... label_{C-1}.
Table dataTable(std::span<const Event> events);
/// How many applied updates had each staleness and each SSP clock gap: value,
/// updates_with_staleness, updates_with_clock_gap.
Table stalenessTable(std::span<const Event> events);
/// Each worker at the end: worker, state, steps, last_step, data_share.
Table clusterTable(std::span<const Event> events);

/// A run in one glance, for a report's first lines.
struct RunSummary {
  std::string specName;  ///< filled by writeRunReport
  double wallSeconds = 0.0;
  double finalAccuracy = -1.0;  ///< the last test accuracy; -1 when nothing was evaluated
  double finalTestLoss = -1.0;
  std::uint64_t bytesTotal = 0;  ///< every frame measured on the sockets, both ways
  std::uint64_t pushesApplied = 0;
  int workers = 0;  ///< distinct workers that joined
  int deaths = 0;
  int rejoins = 0;  ///< lost workers that came back (restarted)
  /// Examples of lost workers' shares never trained (ShareUntrained), all causes.
  std::uint64_t examplesUntrained = 0;
  bool finished = false;  ///< a run_finished event is present
};
RunSummary summarizeRun(std::span<const Event> events);

/// RFC 4180 text: cells holding a comma, a quote or a line break are quoted; lines end in CRLF.
std::string toCsv(const Table& table);
/// Writes toCsv(table) behind a UTF-8 byte-order mark (spreadsheet programs then read Chinese
/// text right); throws Error naming the path when it cannot.
void writeCsvFile(const Table& table, const std::string& path);

/// One CSV of a report: its file name and how to make it.
struct ReportTable {
  const char* fileName;
  Table (*make)(std::span<const Event>);
};
/// Every table a report holds, in the order a reader meets the views.
std::span<const ReportTable> reportTables();

/// Reads a run's events.jsonl. A last line cut short (a run still writing) is left out; any
/// other bad line throws Error naming the path and the line.
std::vector<Event> readEventsFile(const std::string& path);

/// Writes every report table into dir (created if missing) plus summary.json (summarizeRun and
/// the spec's name); returns the file names written. Throws Error naming what failed.
std::vector<std::string> writeReportTables(std::span<const Event> events, const std::string& dir,
                                           const std::string& specName);

/// A run folder's report: every table of its events.jsonl, summary.json, a copy of its
/// spec.json and the tables and pictures of its lesson's result, into reportDir; what the window's File > Export report writes besides the pictures. Returns the
/// summary. Throws Error naming what failed.
RunSummary writeRunReport(const std::string& runDir, const std::string& reportDir);

}  // namespace distlab::engine
