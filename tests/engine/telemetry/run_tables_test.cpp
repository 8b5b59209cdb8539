// The tables behind the views (and the report's CSVs), from hand-made events whose sums the tests
// work out independently.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include <gtest/gtest.h>

#include "../test_support.h"
#include "telemetry/json_lines.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {
namespace {

constexpr std::int64_t kStart = 5'000'000'000;  // the run's clock does not start at zero
constexpr std::int64_t kSecond = 1'000'000'000;

std::vector<Event> aRun() {
  std::vector<Event> ev;
  ev.push_back(RunStarted{kStart, "cluster", 2, 4000, 10, 0, "bsp", "shuffle-split"});
  ev.push_back(WorkerState{kStart + 10, 0, WorkerStatus::Joined, WorkerReason::Launched, 1});
  ev.push_back(WorkerState{kStart + 20, 1, WorkerStatus::Joined, WorkerReason::Launched, 2});
  ev.push_back(PartitionShare{kStart + 30, 0, 0, 300, 300, 0.25, {100, 200}});
  ev.push_back(PartitionShare{kStart + 30, 1, 0, 100, 90, 0.5, {60, 40}});
  for (int step = 0; step < 3; ++step) {
    const std::int64_t t = kStart + step * kSecond / 2;  // steps at 0, 0.5 and 1.0 s
    for (int w = 0; w < 2; ++w) {
      ev.push_back(Span{w, SpanKind::Compute, t, t + 1'000'000, std::uint64_t(step), 0});
      ev.push_back(Traffic{t + 2'000'000, w, Direction::ToServer, MessageType::Push,
                           TrafficKind::Updates, 1000, 1000});
      ev.push_back(Traffic{t + 3'000'000, w, Direction::ToWorker, MessageType::Params,
                           TrafficKind::Parameters, 900, 900});
      ev.push_back(Staleness{t + 3'000'000, w, std::uint64_t(step + 1), std::uint64_t(w),
                             std::uint64_t(w * 2)});
    }
    Evaluation e;
    e.timeNs = t + 4'000'000;
    e.update = static_cast<std::uint64_t>(step);
    e.testAccuracy = 0.5 + 0.1 * step;
    ev.push_back(e);
  }
  ev.push_back(Traffic{kStart + 100, 1, Direction::ToServer, MessageType::Heartbeat,
                       TrafficKind::Control, 12, 12});
  ev.push_back(WorkerState{kStart + kSecond, 1, WorkerStatus::Died, WorkerReason::ConnectionClosed});
  ev.push_back(RunEnded{kStart + 2 * kSecond, EndReason::Completed});
  return ev;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(RunTablesTest, TrafficPerSecondAddsUpToTheRecordsAndAccumulates) {
  const Table t = trafficTable(aRun());
  ASSERT_EQ(t.header, (std::vector<std::string>{"second", "worker", "push_bytes", "params_bytes",
                                                 "other_bytes", "cumulative_bytes"}));
  // Worker 0: second 0 holds steps 0 and 1 (2 x 1000 PUSH, 2 x 900 PARAMS), second 1 holds
  // step 2. Worker 1 adds a 12-byte heartbeat in second 0.
  EXPECT_EQ(t.rows, (Rows{{"0", "0", "2000", "1800", "0", "3800"},
                          {"1", "0", "1000", "900", "0", "5700"},
                          {"0", "1", "2000", "1800", "12", "3812"},
                          {"1", "1", "1000", "900", "0", "5712"}}));
}

TEST(RunTablesTest, TrafficByTypeCountsEachWorkerAndAllWorkers) {
  const Table t = trafficByTypeTable(aRun());
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> byKey;
  for (const auto& row : t.rows) byKey[{row[0], row[1]}] = row;
  EXPECT_EQ(byKey.at({"0", "push"}), (std::vector<std::string>{"0", "push", "3", "3000", "0", "1000"}));
  EXPECT_EQ(byKey.at({"1", "heartbeat"}),
            (std::vector<std::string>{"1", "heartbeat", "1", "12", "0", "12"}));
  EXPECT_EQ(byKey.at({"all", "params"}),
            (std::vector<std::string>{"all", "params", "6", "0", "5400", "900"}));
  EXPECT_EQ(t.rows.size(), 2u + 3u + 3u);  // worker 0: push, params; 1: + heartbeat; all: 3
}

TEST(RunTablesTest, TimelineAndEventsUseSecondsSinceTheRunStarted) {
  const Table spans = timelineTable(aRun());
  ASSERT_EQ(spans.rows.size(), 6u);
  EXPECT_EQ(spans.rows[2], (std::vector<std::string>{"0", "compute", "0.500000", "0.501000", "1",
                                                      "1", "0"}));
  const Table events = lifecycleTable(aRun());
  ASSERT_EQ(events.rows.size(), 5u);
  EXPECT_EQ(events.rows[3],
            (std::vector<std::string>{"1.000000", "1", "died", "reason=connection_closed"}));
  EXPECT_EQ(events.rows[0][1], "server");
}

TEST(RunTablesTest, DataAndStalenessEqualThePartitionAndStalenessRecords) {
  const Table data = dataTable(aRun());
  EXPECT_EQ(data.header.back(), "label_1");
  EXPECT_EQ(data.rows, (Rows{{"0", "0", "300", "300", "0.25", "100", "200"},
                             {"0", "1", "100", "90", "0.5", "60", "40"}}));
  const Table staleness = stalenessTable(aRun());
  // Worker 0's updates had staleness 0 and gap 0, worker 1's staleness 1 and gap 2 (3 each).
  EXPECT_EQ(staleness.rows, (Rows{{"0", "3", "3"}, {"1", "3", "0"}, {"2", "0", "3"}}));
}

TEST(RunTablesTest, ClusterTableShowsEachWorkersStateStepsAndShare) {
  const Table t = clusterTable(aRun());
  EXPECT_EQ(t.rows, (Rows{{"0", "running", "3", "2", "0.75"}, {"1", "dead", "3", "2", "0.25"}}));
}

TEST(RunTablesTest, TheSummaryHasTheLastAccuracyTheBytesAndTheWallTime) {
  const RunSummary s = summarizeRun(aRun());
  EXPECT_DOUBLE_EQ(s.finalAccuracy, 0.7);
  EXPECT_EQ(s.bytesTotal, 6u * 1000 + 6u * 900 + 12u);
  EXPECT_DOUBLE_EQ(s.wallSeconds, 2.0);
  EXPECT_EQ(s.workers, 2);
  EXPECT_EQ(s.deaths, 1);
  EXPECT_EQ(s.pushesApplied, 6u);
  EXPECT_TRUE(s.finished);
  EXPECT_DOUBLE_EQ(summarizeRun({}).finalAccuracy, -1.0);
}

TEST(RunTablesTest, TrainingTableHoldsEveryMetricWithFullPrecision) {
  const Table t = trainingTable(aRun());
  ASSERT_EQ(t.rows.size(), 3u * 5u);  // each evaluation: 5 numbers
  EXPECT_EQ(t.rows[6], (std::vector<std::string>{"0.504000", "test_accuracy", "server", "1", "0.6"}));
  std::vector<Event> odd = {StepLoss{0, 3, 7, 1.0 / 3.0}, StepLoss{1, 3, 8, std::nan("")}};
  const Table precise = trainingTable(odd);
  EXPECT_EQ(std::stod(precise.rows[0][4]), 1.0 / 3.0);  // reads back as the same double
  EXPECT_EQ(precise.rows[1][4], "nan");
}

TEST(RunTablesTest, CsvQuotesCellsWithCommasQuotesAndLineBreaks) {
  const Table t{{"a", "b"}, {{"plain", "x,y"}, {"say \"hi\"", "two\nlines"}, {"中文", ""}}};
  EXPECT_EQ(toCsv(t), "a,b\r\nplain,\"x,y\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n中文,\r\n");
}

class RunTablesFileTest : public testing::TempDirTest {};

TEST_F(RunTablesFileTest, CsvFilesStartWithAByteOrderMark) {
  const auto p = path("t.csv").string();
  writeCsvFile(Table{{"名字"}, {{"值"}}}, p);
  std::ifstream in(p, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "\xEF\xBB\xBF名字\r\n值\r\n");
  EXPECT_NE(testing::errorOf([&] { writeCsvFile(Table{}, path("no/such/dir/x.csv").string()); }),
            "");
}

TEST_F(RunTablesFileTest, AnEventsFileStillBeingWrittenIsReadUpToItsLastWholeLine) {
  const auto run = aRun();
  std::string text = encodeJsonLines(run);
  const std::string cut = toJsonLine(StepLoss{1, 0, 1, 0.5}).substr(0, 20);
  std::ofstream(path("events.jsonl"), std::ios::binary) << text << cut;
  EXPECT_EQ(readEventsFile(path("events.jsonl").string()).size(), run.size());
  std::ofstream(path("bad.jsonl"), std::ios::binary) << "{\"e\": \"nope\"}\n" << text;
  const std::string error = testing::errorOf([&] { readEventsFile(path("bad.jsonl").string()); });
  EXPECT_NE(error.find("bad.jsonl: line 1"), std::string::npos) << error;
}

TEST_F(RunTablesFileTest, AReportFolderHoldsEveryTableAndTheSummary) {
  const auto dir = path("report/nested").string();
  const auto files = writeReportTables(aRun(), dir, "测试 run");
  EXPECT_EQ(files.size(), reportTables().size() + 1);
  for (const auto& f : files) EXPECT_TRUE(std::filesystem::exists(dir + "/" + f)) << f;
  std::ifstream in(dir + "/summary.json");
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(json.find("\"spec_name\": \"测试 run\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"bytes_total\": 11412"), std::string::npos) << json;
}

}  // namespace
}  // namespace distlab::engine
