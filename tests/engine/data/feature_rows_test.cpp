#include "data/feature_rows.h"

#include <gtest/gtest.h>

namespace distlab::engine {
namespace {

FeatureMatrix counting(int rows, int cols) {
  FeatureMatrix m(rows, cols);
  for (int i = 0; i < m.size(); ++i) m.data()[i] = static_cast<float>(i);
  return m;
}

TEST(FeatureRowsTest, ReadsLikeTheMatrixItHolds) {
  const FeatureMatrix m = counting(3, 4);
  const FeatureRows rows(m);
  EXPECT_EQ(rows.rows(), 3);
  EXPECT_EQ(rows.cols(), 4);
  EXPECT_EQ(rows.size(), 12);
  EXPECT_EQ(rows(2, 1), 9.0f);
  EXPECT_TRUE(rows.row(1) == m.row(1));
  EXPECT_TRUE(rows.view() == m);
  EXPECT_FALSE(rows.isMapped());
}

TEST(FeatureRowsTest, ACopyIsNeverChangedByAWriteToTheOther) {
  FeatureRows a(counting(2, 3));
  const FeatureRows b = a;
  EXPECT_EQ(a.data(), b.data());  // shared until a write
  a.mutableView()(0, 0) = -1.0f;
  EXPECT_NE(a.data(), b.data());
  EXPECT_EQ(a(0, 0), -1.0f);
  EXPECT_EQ(b(0, 0), 0.0f);
}

TEST(FeatureRowsTest, TheOnlyHolderWritesInPlace) {
  FeatureRows a(counting(2, 3));
  const float* before = a.data();
  a.mutableView()(1, 2) = 42.0f;
  EXPECT_EQ(a.data(), before);
  EXPECT_EQ(a(1, 2), 42.0f);
}

TEST(FeatureRowsTest, TopRowsShareAndAWriteToThemCopiesOnlyTheirRows) {
  FeatureRows all(counting(4, 2));
  FeatureRows head = all.topRows(2);
  EXPECT_EQ(head.rows(), 2);
  EXPECT_EQ(head.data(), all.data());
  EXPECT_EQ(all.topRows(10).rows(), 4);
  head.mutableView()(0, 1) = 7.0f;
  EXPECT_EQ(head(0, 1), 7.0f);
  EXPECT_EQ(head.rows(), 2);
  EXPECT_EQ(all(0, 1), 1.0f);
}

TEST(FeatureRowsTest, AViewOfForeignMemoryIsCopiedBeforeAWrite) {
  auto floats = std::make_shared<std::vector<float>>(std::vector<float>{1, 2, 3, 4, 5, 6});
  FeatureRows view(floats, floats->data(), 3, 2);
  EXPECT_TRUE(view.isMapped());
  EXPECT_EQ(view(2, 0), 5.0f);
  view.mutableView()(2, 0) = 0.5f;
  EXPECT_FALSE(view.isMapped());
  EXPECT_EQ(view(2, 0), 0.5f);
  EXPECT_EQ((*floats)[4], 5.0f);
}

}  // namespace
}  // namespace distlab::engine
