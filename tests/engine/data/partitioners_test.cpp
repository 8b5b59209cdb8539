// The partitioners through their registry: each gives what its algorithm gives.
#include <gtest/gtest.h>

#include "core/strategy_names.h"
#include "data/partitioners/partitioner.h"

namespace distlab::engine {
namespace {

std::vector<int> labels(std::size_t n, int classes) {
  std::vector<int> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<int>(i % static_cast<std::size_t>(classes));
  return out;
}

TEST(PartitionersTest, EachSplitsAsItsAlgorithmAndSaysWhetherItSplitsAgain) {
  EXPECT_EQ(partitionerNames(),
            (std::vector<std::string>{"shuffle-split", "with-replacement", "dirichlet", "shards",
                                      "quantity-skew"}));
  Spec spec;
  spec.seed = 9;
  spec.cluster.workers = 4;
  const auto y = labels(1000, 10);
  const PartitionInput input{1000, y, 10};
  // Shuffle-split: the algorithm itself, every row once.
  const Partition split = partitioners().at("shuffle-split").split(input, spec, 2);
  EXPECT_EQ(split.rows, shuffleSplit(1000, 4, 9, 2, 1).rows);
  EXPECT_TRUE(partitioners().at("shuffle-split").splitsAgain());
  // With replacement: draws_factor x n rows in all, a new draw per period.
  spec.cluster.drawsFactor = 2.0;
  const Partition drawn = partitioners().at("with-replacement").split(input, spec, 0);
  std::size_t total = 0;
  for (const auto& rows : drawn.rows) total += rows.size();
  EXPECT_EQ(total, 2000u);
  EXPECT_NE(partitioners().at("with-replacement").split(input, spec, 1).rows, drawn.rows);
  // The label splits: one split for the whole run, and they need labels.
  for (const char* name : {"dirichlet", "shards"}) {
    const Partitioner& p = partitioners().at(name);
    EXPECT_FALSE(p.splitsAgain()) << name;
    EXPECT_TRUE(p.needsLabels()) << name;
    EXPECT_EQ(p.split(input, spec, 0).rows, p.split(input, spec, 5).rows) << name;
  }
  EXPECT_FALSE(partitioners().at("shuffle-split").needsLabels());
  // Quantity skew: the algorithm itself, one split for the run, sizes spread by sigma.
  spec.cluster.quantitySigma = 1.5;
  const Partitioner& skew = partitioners().at("quantity-skew");
  auto rng = Rng::stream(9, RngPurpose::Partition, 0);
  EXPECT_EQ(skew.split(input, spec, 3).rows, quantitySkew(1000, 4, 1.5, rng).rows);
  EXPECT_FALSE(skew.needsLabels());
  EXPECT_FALSE(skew.splitsAgain());
}

}  // namespace
}  // namespace distlab::engine
