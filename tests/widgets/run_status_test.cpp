// The status bar's account of a run: epochs, or rounds for a federated run.
#include <gtest/gtest.h>

#include <QLocale>

#include "app/run_status.h"

namespace distlab::app {
namespace {

engine::Evaluation evaluationAt(std::uint64_t update, double epoch) {
  engine::Evaluation e;
  e.timeNs = 2'500'000'000;
  e.update = update;
  e.epoch = epoch;
  e.testAccuracy = 0.7028;
  e.samplesPerSecond = 1234;
  return e;
}

TEST(RunStatusTest, AFederatedRunCountsRoundsAndAClusterRunEpochs) {
  RunStatus federated;
  federated.start(10, 4, "starting");  // training.epochs, until the run says it counts rounds
  engine::RunStarted started;
  started.workers = 4;
  started.rounds = 60;
  federated.onEvent(started, 1'000'000'000);
  federated.onEvent(evaluationAt(30, 30.0), 1'000'000'000);
  EXPECT_EQ(federated.progressText(), "round 30 / 60");
  EXPECT_EQ(federated.progressValue() * 2, federated.progressMaximum());
  EXPECT_TRUE(federated.text(true, 0).startsWith("Round 30 of 60 (1.5 s): test accuracy 70.28%"))
      << federated.text(true, 0).toStdString();
  RunStatus cluster;
  cluster.start(10, 4, "starting");
  cluster.onEvent(evaluationAt(250, 1.5), 1'000'000'000);
  EXPECT_EQ(cluster.progressText(), "epoch 1.5 / 10");
  EXPECT_TRUE(cluster.text(true, 0).startsWith("Epoch 1.50 of 10 (update 250, 1.5 s)"))
      << cluster.text(true, 0).toStdString();
}

TEST(RunStatusTest, LargeRatesAndTrafficReadInTheWindowsLocale) {
  const QLocale before;
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  RunStatus status;
  status.start(10, 4, "starting");
  engine::Evaluation e = evaluationAt(2350, 10.0);
  e.samplesPerSecond = 106234.4;
  status.onEvent(e, 1'000'000'000);
  EXPECT_TRUE(status.text(false, 0).endsWith("70.28%, 106,234 samples/s"))
      << status.text(false, 0).toStdString();
  EXPECT_TRUE(status.finished().startsWith("Finished: test accuracy 70.28%, 106,234 samples/s"))
      << status.finished().toStdString();
  // 17.7 GB, not "17685.4 MB"; a small run's traffic in MB.
  EXPECT_TRUE(status.text(false, 17'685'400'000).endsWith("network: 17.7 GB"))
      << status.text(false, 17'685'400'000).toStdString();
  EXPECT_TRUE(status.text(false, 38'600'000).endsWith("network: 38.6 MB"))
      << status.text(false, 38'600'000).toStdString();
  QLocale::setDefault(before);
}

}  // namespace
}  // namespace distlab::app
