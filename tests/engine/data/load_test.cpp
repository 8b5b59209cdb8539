#include "data/load.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "../test_support.h"
#include "core/error.h"
#include "data/idx_reader.h"

namespace distlab::engine {
namespace {

using testing::errorOf;

namespace fs = std::filesystem;

DatasetSpec synthetic(const std::string& name) {
  DatasetSpec spec;
  spec.name = name;
  return spec;
}

fs::path uniqueMissingPath(const std::string& tag) {
  return fs::temp_directory_path() /
         ("distlab_load_" + std::to_string(::getpid()) + "_" + tag + "_missing");
}

TEST(LoadDatasetTest, SyntheticDefaultSizesAfterSplit) {
  const TrainTest hw = loadDataset(synthetic("height-weight"), 1);
  EXPECT_EQ(hw.train.size(), 80u);
  EXPECT_EQ(hw.test.size(), 20u);
  EXPECT_EQ(hw.train.targets.rows(), 80);
  EXPECT_TRUE(hw.train.isRegression());

  const TrainTest blobs = loadDataset(synthetic("blobs"), 1);
  EXPECT_EQ(blobs.train.size(), 800u);
  EXPECT_EQ(blobs.test.size(), 200u);
  EXPECT_EQ(blobs.train.numClasses, 3);
  EXPECT_EQ(blobs.train.labels.size(), 800u);

  DatasetSpec spec = synthetic("spirals");
  spec.samples = 401;
  spec.testFraction = 0.25;
  const TrainTest spirals = loadDataset(spec, 1);
  EXPECT_EQ(spirals.train.size(), 301u);
  EXPECT_EQ(spirals.test.size(), 100u);
  EXPECT_EQ(spirals.train.x.cols(), 2);
}

TEST(LoadDatasetTest, SpecFieldsReachTheGenerator) {
  DatasetSpec spec = synthetic("blobs");
  spec.samples = 500;
  spec.classes = 5;
  spec.testFraction = 0.1;
  const TrainTest data = loadDataset(spec, 3);
  EXPECT_EQ(data.train.size() + data.test.size(), 500u);
  EXPECT_EQ(data.test.size(), 50u);
  EXPECT_EQ(data.train.numClasses, 5);
  std::vector<int> counts(5, 0);
  for (int label : data.train.labels) ++counts[static_cast<std::size_t>(label)];
  for (int label : data.test.labels) ++counts[static_cast<std::size_t>(label)];
  EXPECT_EQ(counts, std::vector<int>(5, 100));
}

TEST(LoadDatasetTest, DeterministicInSeed) {
  const TrainTest a = loadDataset(synthetic("blobs"), 42);
  const TrainTest b = loadDataset(synthetic("blobs"), 42);
  const TrainTest c = loadDataset(synthetic("blobs"), 43);
  EXPECT_TRUE(a.train.x.view() == b.train.x.view());
  EXPECT_EQ(a.test.labels, b.test.labels);
  EXPECT_FALSE(a.train.x.view() == c.train.x.view());
}

TEST(LoadDatasetTest, LimitsTakeTheFirstExamples) {
  const TrainTest full = loadDataset(synthetic("spirals"), 5);
  DatasetSpec spec = synthetic("spirals");
  spec.trainLimit = 50;
  spec.testLimit = 10;
  const TrainTest limited = loadDataset(spec, 5);
  ASSERT_EQ(limited.train.size(), 50u);
  ASSERT_EQ(limited.test.size(), 10u);
  EXPECT_TRUE(limited.train.x.view() == full.train.x.view().topRows(50));
  EXPECT_TRUE(limited.test.x.view() == full.test.x.view().topRows(10));
  EXPECT_EQ(limited.train.labels,
            std::vector<int>(full.train.labels.begin(), full.train.labels.begin() + 50));

  spec.trainLimit = 100000;
  spec.testLimit = 100000;
  const TrainTest generous = loadDataset(spec, 5);
  EXPECT_EQ(generous.train.size(), 800u);
  EXPECT_EQ(generous.test.size(), 200u);
}

TEST(LoadDatasetTest, StandardizeUsesTrainingStatistics) {
  DatasetSpec spec = synthetic("blobs");
  const TrainTest raw = loadDataset(spec, 9);
  spec.normalize = "standardize";
  const TrainTest data = loadDataset(spec, 9);
  const Eigen::MatrixXd x = data.train.x.view().cast<double>();
  const Eigen::RowVectorXd mean = x.colwise().mean();
  const Eigen::RowVectorXd stddev =
      ((x.rowwise() - mean).array().square().colwise().sum() / static_cast<double>(x.rows()))
          .sqrt();
  for (Eigen::Index c = 0; c < x.cols(); ++c) {
    EXPECT_NEAR(mean(c), 0.0, 1e-5);
    EXPECT_NEAR(stddev(c), 1.0, 1e-4);
  }
  // The test set gets the training set's transform, not its own.
  const Eigen::MatrixXd rawTrain = raw.train.x.view().cast<double>();
  const Eigen::RowVectorXd rawMean = rawTrain.colwise().mean();
  const Eigen::RowVectorXd rawStd =
      ((rawTrain.rowwise() - rawMean).array().square().colwise().sum() /
       static_cast<double>(rawTrain.rows()))
          .sqrt();
  for (Eigen::Index r = 0; r < data.test.x.rows(); ++r) {
    for (Eigen::Index c = 0; c < data.test.x.cols(); ++c) {
      EXPECT_NEAR(data.test.x(r, c), (raw.test.x(r, c) - rawMean(c)) / rawStd(c), 1e-4);
    }
  }
}

TEST(LoadDatasetTest, StandardizeHeightWeightKeepsTargetsInKilograms) {
  DatasetSpec spec = synthetic("height-weight");
  spec.samples = 1000;
  const TrainTest raw = loadDataset(spec, 2);
  spec.normalize = "standardize";
  const TrainTest data = loadDataset(spec, 2);
  EXPECT_NEAR(data.train.x.view().cast<double>().mean(), 0.0, 1e-5);
  EXPECT_EQ(data.train.targets, raw.train.targets);
  EXPECT_EQ(data.test.targets, raw.test.targets);
  EXPECT_NEAR(data.train.targets.cast<double>().mean(), 60.0 * 1.70 - 35.0, 2.0);
}

TEST(LoadDatasetTest, FashionMnistWithLimits) {
  DatasetSpec spec;
  spec.name = "fashion-mnist";
  spec.trainLimit = 5000;
  spec.testLimit = 1000;
  const TrainTest data = loadDataset(spec, 1);
  EXPECT_EQ(data.train.x.rows(), 5000);
  EXPECT_EQ(data.train.x.cols(), 784);
  EXPECT_EQ(data.train.labels.size(), 5000u);
  EXPECT_EQ(data.test.x.rows(), 1000);
  EXPECT_EQ(data.test.labels.size(), 1000u);
  EXPECT_EQ(data.train.shape, (Shape{1, 28, 28}));
  EXPECT_EQ(data.train.numClasses, 10);
  EXPECT_GE(data.train.x.view().minCoeff(), 0.0f);
  EXPECT_LE(data.train.x.view().maxCoeff(), 1.0f);
}

TEST(LoadDatasetTest, MissingPathIsNamed) {
  for (const char* name : {"fashion-mnist", "mnist", "cifar10"}) {
    DatasetSpec spec;
    spec.name = name;
    spec.path = uniqueMissingPath(name).string();
    const std::string message = errorOf([&] { loadDataset(spec, 1); });
    EXPECT_NE(message.find(spec.path), std::string::npos) << name << ": " << message;
    EXPECT_NE(message.find("not found"), std::string::npos) << name << ": " << message;
  }
}

TEST(LoadDatasetTest, Cifar10NeedsAPath) {
  DatasetSpec spec;
  spec.name = "cifar10";
  const std::string message = errorOf([&] { loadDataset(spec, 1); });
  EXPECT_NE(message.find("dataset.path"), std::string::npos) << message;
  EXPECT_NE(message.find("no Debian package"), std::string::npos) << message;
}

TEST(LoadDatasetTest, UnknownNamesAreRejected) {
  DatasetSpec spec;
  spec.name = "imagenet";
  EXPECT_NE(errorOf([&] { loadDataset(spec, 1); }).find("imagenet"), std::string::npos);
  spec = synthetic("blobs");
  spec.normalize = "minmax";
  EXPECT_NE(errorOf([&] { loadDataset(spec, 1); }).find("minmax"), std::string::npos);
}

}  // namespace
}  // namespace distlab::engine
