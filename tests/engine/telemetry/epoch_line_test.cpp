#include <gtest/gtest.h>

#include "telemetry/epoch_line.h"

namespace distlab::engine {
namespace {

TEST(EpochLineTest, FormatThenParseRoundTrips) {
  const EpochLine line{3, 10, 0.41234, 0.40111, 0.8534, 61234.4, 4.125};
  const std::string text = formatEpochLine(line);
  EXPECT_EQ(text,
            "epoch 3/10 train_loss 0.4123 test_loss 0.4011 test_accuracy 0.8534 "
            "samples_per_s 61234 elapsed_s 4.12");
  const auto back = parseEpochLine(text);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->epoch, 3);
  EXPECT_EQ(back->epochs, 10);
  EXPECT_DOUBLE_EQ(back->trainLoss, 0.4123);
  EXPECT_DOUBLE_EQ(back->testAccuracy, 0.8534);
  EXPECT_DOUBLE_EQ(back->samplesPerSecond, 61234);
  EXPECT_DOUBLE_EQ(back->elapsedSeconds, 4.12);
}

TEST(EpochLineTest, ToleratesACarriageReturn) {
  EXPECT_TRUE(parseEpochLine("epoch 1/1 train_loss 1 test_loss 1 test_accuracy 0.5 samples_per_s "
                             "10 elapsed_s 1\r")
                  .has_value());
}

TEST(EpochLineTest, RejectsAnythingElse) {
  for (const char* bad :
       {"ok: \"Fashion-MNIST MLP\" (fashion-mnist, mlp, 10 epochs)",
        "epoch 3 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
        "epoch 3/ten train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
        "epoch 3/10/2 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
        "epoch 0/10 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
        "epoch 3/10 train_loss 1 test_loss inf test_accuracy 1 samples_per_s 1 elapsed_s 1",
        "epoch 3/10 test_loss 1 train_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
        "epoch 3/10 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1",
        "Epoch 3/10 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1", "",
        "loading fashion-mnist...", "epoch 3/10",
        "epoch 3/10 train_loss x test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
        "epoch 11/10 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1",
        "epoch 1/1 train_loss 1 test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1 x",
        "epoch 1/1 train_loss nan test_loss 1 test_accuracy 1 samples_per_s 1 elapsed_s 1"}) {
    EXPECT_FALSE(parseEpochLine(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace distlab::engine
