// The telemetry hub: the engine's stream decoded once, in order, batched; a real engine's
// stream read with no unknown record.
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "app/telemetry_hub.h"
#include "comm/messages.h"
#include "telemetry/event_codec.h"
#include "telemetry/run_tables.h"

namespace distlab::app {
namespace {

using namespace distlab::engine;

QByteArray frameOf(std::uint64_t first, std::uint64_t count) {
  std::vector<Event> events;
  for (std::uint64_t i = first; i < first + count; ++i) {
    events.push_back(StepLoss{static_cast<std::int64_t>(i), 0, i, 1.0 / static_cast<double>(i + 1)});
  }
  const auto frame = encodeFrame(telemetryOf(encodeRecords(events)));
  return QByteArray(reinterpret_cast<const char*>(frame.data()), static_cast<qsizetype>(frame.size()));
}

TEST(TelemetryHubTest, EveryRecordArrivesOnceInOrderWhateverTheChunksAndInFewBatches) {
  TelemetryHub hub;
  hub.reset();
  std::vector<Event> received;
  int batches = 0;
  QObject::connect(&hub, &TelemetryHub::events, [&](const std::vector<Event>& b) {
    received.insert(received.end(), b.begin(), b.end());
    ++batches;
  });
  const QByteArray stream = frameOf(0, 100) + frameOf(100, 50) + frameOf(150, 7);
  for (const char byte : stream) hub.feed(QByteArray(1, byte));  // the worst a pipe can do
  hub.finish();
  ASSERT_EQ(received.size(), 157u);
  for (std::size_t i = 0; i < received.size(); ++i) {
    EXPECT_EQ(std::get<StepLoss>(received[i]).step, i);  // in order, none twice
  }
  EXPECT_EQ(batches, 1);  // handed on per tick, not per record
  EXPECT_EQ(hub.recordsDecoded(), 157u);
  EXPECT_EQ(hub.unknownRecords(), 0u);
}

TEST(TelemetryHubTest, AStreamThatIsNotFramesIsReportedAndDecodingStops) {
  TelemetryHub hub;
  hub.reset();
  QSignalSpy broken(&hub, &TelemetryHub::streamBroken);
  hub.feed("listening 127.0.0.1:4000\n and some more text");
  ASSERT_EQ(broken.count(), 1);
  EXPECT_TRUE(broken.at(0).at(0).toString().contains("wrong magic"));
  hub.feed(frameOf(0, 3));
  hub.finish();
  EXPECT_EQ(hub.recordsDecoded(), 0u);
}

// A real engine's stream, as the window reads it: every record of its events.jsonl, none unknown.
TEST(TelemetryHubTest, ARealRunsStreamDecodesToItsEventsFileWithNoUnknownRecord) {
  QTemporaryDir dir;
  const QString spec = dir.filePath("spec.json");
  QFile file(spec);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(R"({"name": "hub", "dataset": {"name": "blobs", "samples": 600, "classes": 3},
    "model": {"hidden": [16]}, "training": {"epochs": 2, "batch_size": 32},
    "cluster": {"workers": 2, "sync": "asp", "eval_every": 5, "heartbeat_ms": 100}})");
  file.close();
  TelemetryHub hub;
  hub.reset();
  std::vector<Event> received;
  QObject::connect(&hub, &TelemetryHub::events, [&](const std::vector<Event>& b) {
    received.insert(received.end(), b.begin(), b.end());
  });
  QProcess engine;
  QObject::connect(&engine, &QProcess::readyReadStandardOutput,
                   [&] { hub.feed(engine.readAllStandardOutput()); });
  engine.start(DISTLAB_ENGINE_EXE, {"run", spec, "--out", dir.filePath("run"), "--stream"});
  ASSERT_TRUE(engine.waitForFinished(120'000));
  hub.feed(engine.readAllStandardOutput());
  hub.finish();
  EXPECT_EQ(engine.exitCode(), 0);
  const auto recorded = readEventsFile(dir.filePath("run/events.jsonl").toStdString());
  EXPECT_EQ(hub.unknownRecords(), 0u);
  ASSERT_EQ(received.size(), recorded.size());
  for (std::size_t i = 0; i < recorded.size(); ++i) {
    EXPECT_EQ(received[i].index(), recorded[i].index()) << i;
    EXPECT_EQ(eventTime(received[i]), eventTime(recorded[i])) << i;
  }
  EXPECT_TRUE(std::holds_alternative<RunEnded>(received.back()));
}

}  // namespace
}  // namespace distlab::app
