// The coordinator's record keeping: the history a late monitor gets stays bounded on a long run
// and still holds every rare record.
#include <gtest/gtest.h>

#include "cluster/run_recorder.h"
#include "core/text_file.h"
#include "telemetry/event_codec.h"
#include "telemetry/json_lines.h"
#include "telemetry/run_events.h"
#include "../test_support.h"

namespace distlab::engine {
namespace {

class RunRecorderTest : public testing::TempDirTest {};

TEST_F(RunRecorderTest, PastItsLimitTheHistoryKeepsOnlyTheRareRecords) {
  RunEvents events(path("").string(), nullptr);
  Spec spec;
  RunRecorder recorder(events, path("").string(), spec, 1000);
  recorder.setHistoryLimit(4096);
  std::size_t rare = 0, perStep = 0;
  for (int step = 0; step < 2000; ++step) {  // far more than 4 KB of per-step records
    recorder.record(Span{1, SpanKind::Compute, step, step + 1, static_cast<std::uint64_t>(step), 0});
    recorder.record(Staleness{step, 1, static_cast<std::uint64_t>(step), 0, 0});
    perStep += 2;
    if (step % 100 == 0) {
      WorkerState died;
      died.worker = step / 100;
      died.status = WorkerStatus::Died;
      recorder.record(died);
      ++rare;
    }
    if (step % 10 == 0) recorder.takeBatch();  // as the coordinator's ticks do
  }
  recorder.takeBatch();
  const auto& history = recorder.history();
  EXPECT_LT(history.size(), 4096u + 64 * rare);  // the limit, plus the rare records past it
  std::vector<Event> kept;
  ASSERT_TRUE(decodeRecords(history, kept).ok);  // whole records only
  std::size_t keptRare = 0, keptPerStep = 0;
  for (const auto& e : kept) (std::holds_alternative<WorkerState>(e) ? keptRare : keptPerStep)++;
  EXPECT_EQ(keptRare, rare);  // every rare record, also those after the limit
  EXPECT_GT(keptPerStep, 0u);
  EXPECT_EQ(keptPerStep + recorder.historyDropped(), perStep);
  // events.jsonl keeps everything.
  std::vector<Event> all;
  ASSERT_TRUE(decodeJsonLines(readTextFile(path("events.jsonl").string()), all));
  EXPECT_EQ(all.size(), perStep + rare);
}

}  // namespace
}  // namespace distlab::engine
