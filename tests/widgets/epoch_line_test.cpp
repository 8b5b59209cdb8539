#include <QByteArray>

#include <gtest/gtest.h>

#include "app/epoch_line.h"
#include "telemetry/epoch_line.h"

namespace distlab::app {
namespace {

TEST(AppEpochLineTest, ParsesARealEngineLine) {
  const auto p = parseEpochLine(
      "epoch 3/10 train_loss 0.4123 test_loss 0.4011 test_accuracy 0.8534 samples_per_s 61234 "
      "elapsed_s 4.12\n");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->epoch, 3);
  EXPECT_EQ(p->epochs, 10);
  EXPECT_DOUBLE_EQ(p->trainLoss, 0.4123);
  EXPECT_DOUBLE_EQ(p->testLoss, 0.4011);
  EXPECT_DOUBLE_EQ(p->testAccuracy, 0.8534);
  EXPECT_DOUBLE_EQ(p->samplesPerSecond, 61234);
  EXPECT_DOUBLE_EQ(p->elapsedSeconds, 4.12);
}

TEST(AppEpochLineTest, ReadsWhatTheEngineWrites) {
  const engine::EpochLine written{7, 12, 0.25, 0.3125, 0.9, 12345.0, 98.5};
  const auto p = parseEpochLine(QByteArray::fromStdString(engine::formatEpochLine(written)));
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->epoch, 7);
  EXPECT_EQ(p->epochs, 12);
  EXPECT_DOUBLE_EQ(p->trainLoss, 0.25);
  EXPECT_DOUBLE_EQ(p->testLoss, 0.3125);
  EXPECT_DOUBLE_EQ(p->testAccuracy, 0.9);
  EXPECT_DOUBLE_EQ(p->samplesPerSecond, 12345.0);
  EXPECT_DOUBLE_EQ(p->elapsedSeconds, 98.5);
}

TEST(AppEpochLineTest, RejectsMalformedLines) {
  const char* const bad[] = {
      "",
      "loading fashion-mnist...",
      "ok: \"Fashion-MNIST MLP\" (fashion-mnist, mlp, 10 epochs)",
      "epoch 3/10",
      "epoch 3 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1 x",
      "epoch 3/ten train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
      "epoch 3/10/2 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
      "epoch 0/10 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
      "epoch 11/10 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
      "epoch 3/10 train_loss x test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
      "epoch 3/10 train_loss nan test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
      "epoch 3/10 train_loss 1 test_loss inf test_accuracy 1 samples_per_s 1 elapsed_s 1",
      "epoch 3/10 test_loss 1 train_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
      "epoch 3/10 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1",
      "epoch 3/10 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1 extra",
      "Epoch 3/10 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
  };
  for (const char* line : bad) EXPECT_FALSE(parseEpochLine(line).has_value()) << line;
}

TEST(AppEpochLineTest, ToleratesACarriageReturn) {
  EXPECT_TRUE(parseEpochLine("epoch 1/1 train_loss 1 test_loss 1 test_accuracy 0.5 samples_per_s "
                             "10 elapsed_s 1\r")
                  .has_value());
}

}  // namespace
}  // namespace distlab::app
