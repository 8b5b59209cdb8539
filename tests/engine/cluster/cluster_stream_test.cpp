// The live stream a window reads: `run --stream` writes the run's typed events to stdout as
// TELEMETRY frames, the same records as events.jsonl, none of them unknown, and nothing else.
#include "../telemetry/event_samples.h"
#include "cluster_fixture.h"

namespace distlab::engine {
namespace {

using namespace std::chrono_literals;
using namespace testing;

// Every frame of a stream, decoded; fails the test on a bad frame or an unknown record.
std::vector<Event> decodeStream(const std::string& bytes) {
  std::vector<Event> events;
  std::size_t offset = 0, frames = 0;
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  while (offset < bytes.size()) {
    Message message;
    std::size_t consumed = 0;
    const DecodeError e =
        decodeFrame({data + offset, bytes.size() - offset}, DecodeLimits{}, message, consumed);
    EXPECT_EQ(e, DecodeError::None) << "frame " << frames << ": " << describe(e);
    if (e != DecodeError::None) break;
    const auto* telemetry = std::get_if<Telemetry>(&message);
    EXPECT_NE(telemetry, nullptr) << "frame " << frames << " is not TELEMETRY";
    if (!telemetry) break;
    const auto r = decodeTelemetry(*telemetry, events);
    EXPECT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.unknown, 0u);
    offset += consumed;
    ++frames;
  }
  return events;
}

class StreamTest : public ClusterRunTest {};

TEST_F(StreamTest, AClusterRunsStreamHoldsEveryRecordOfItsEventsFileAndNoUnknownOne) {
  auto run = start(smallSpec(R"("workers": 3, "sync": "bsp", "slowdown": [2, 1, 1])"),
                   {"--stream"});
  const std::string bytes = run->readAll(120s);
  ASSERT_EQ(run->wait(60s), 0) << log();
  const auto streamed = decodeStream(bytes);
  const auto recorded = events();
  ASSERT_EQ(streamed.size(), recorded.size());
  for (std::size_t i = 0; i < recorded.size(); ++i) expectSameEvent(recorded[i], streamed[i]);
  // The run's story, in order and typed: data, start with the port, three joins, the end.
  ASSERT_TRUE(std::holds_alternative<DataLoaded>(streamed.front()));
  const auto started = eventsOf<RunStarted>(streamed);
  ASSERT_EQ(started.size(), 1u);
  EXPECT_GT(started[0].port, 0);
  EXPECT_EQ(started[0].workers, 3);
  EXPECT_EQ(started[0].sync, "bsp");
  EXPECT_EQ(workerStates(streamed, WorkerStatus::Joined).size(), 3u);
  ASSERT_TRUE(std::holds_alternative<RunEnded>(streamed.back()));
  EXPECT_EQ(std::get<RunEnded>(streamed.back()).reason, EndReason::Completed);
  const auto evaluations = eventsOf<Evaluation>(streamed);
  ASSERT_FALSE(evaluations.empty());
  EXPECT_EQ(evaluations.back().classAccuracy.size(), 4u);  // blobs: 4 classes
  // stdout held frames only: "listening" and "done" went to stderr.
  EXPECT_NE(log().find("listening 127.0.0.1:"), std::string::npos);
}

TEST_F(StreamTest, ALessonStreamsItsProgressAndItsTypedResult) {
  auto run = start(R"({"name": "lesson 1", "experiment": "averaging",
    "dataset": {"name": "height-weight", "samples": 125, "noise": 0.5},
    "model": {"arch": "linear"}, "training": {"epochs": 4, "batch_size": 100, "loss": "mse"},
    "cluster": {"workers": 2, "local_steps": 3, "partition": "shards"}})",
                   {"--stream"});
  const auto streamed = decodeStream(run->readAll(60s));
  ASSERT_EQ(run->wait(30s), 0) << log();
  ASSERT_EQ(streamed.size(), events().size());
  const auto results = eventsOf<LessonResult>(streamed);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].lesson, "averaging");
  const ResultTable* rounds = results[0].table("averaging_rounds");
  ASSERT_NE(rounds, nullptr);
  EXPECT_EQ(rounds->rows(), 5u);  // the start and 4 rounds
  // The tables are in the run folder too, as CSV.
  EXPECT_EQ(csvRows(out() + "/averaging_rounds.csv").size(), 6u);
  EXPECT_EQ(std::get<RunEnded>(streamed.back()).reason, EndReason::Completed);
}

TEST_F(StreamTest, ASpecThatCannotRunEndsTheStreamWithTheReason) {
  const std::string spec = path("spec.json").string();
  std::ofstream(spec) << R"({"dataset": {"name": "cifar10", "path": "/nonexistent"}})";
  EngineProcess run({"run", spec, "--out", out(), "--stream"}, kToken, path("stderr.txt").string());
  const auto streamed = decodeStream(run.readAll(60s));
  EXPECT_EQ(run.wait(30s), 1);
  ASSERT_FALSE(streamed.empty());
  const auto* ended = std::get_if<RunEnded>(&streamed.back());
  ASSERT_NE(ended, nullptr);
  EXPECT_EQ(ended->reason, EndReason::Failed);
  EXPECT_NE(ended->message.find("/nonexistent"), std::string::npos) << ended->message;
  EXPECT_TRUE(ended->problem.empty());  // the system's reason, not the spec's
}

// A problem of the spec found only while running travels as the problem (field, code, values),
// so the window can say it in its own language.
TEST_F(StreamTest, AProblemOfTheSpecFoundWhileRunningEndsTheStreamWithItsCodeAndValues) {
  const std::string spec = path("spec.json").string();
  std::ofstream(spec) << R"({"experiment": "inversion", "dataset": {"name": "blobs", "classes": 3},
    "model": {"arch": "mlp", "hidden": [8], "activation": "sigmoid"},
    "privacy": {"images": [5000]}})";
  EngineProcess run({"run", spec, "--out", out(), "--stream"}, kToken, path("stderr.txt").string());
  const auto streamed = decodeStream(run.readAll(60s));
  EXPECT_EQ(run.wait(30s), 1);
  ASSERT_FALSE(streamed.empty());
  const auto* ended = std::get_if<RunEnded>(&streamed.back());
  ASSERT_NE(ended, nullptr);
  EXPECT_EQ(ended->reason, EndReason::Failed);
  EXPECT_EQ(ended->field, "privacy.images");
  EXPECT_EQ(ended->problem, "image_past_data");
  ASSERT_EQ(ended->args.size(), 2u);
  EXPECT_EQ(ended->args[0], "5000");
  EXPECT_EQ(ended->message, "privacy.images: 5000 is past the data set's " + ended->args[1] +
                                " images");
  // events.jsonl says the same.
  const auto recorded = eventsOf<RunEnded>(events());
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].problem, "image_past_data");
  EXPECT_EQ(recorded[0].args, ended->args);
}

}  // namespace
}  // namespace distlab::engine
