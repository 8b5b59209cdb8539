// A federated PUSH's client blocks: written and read back, and refused when they do not fit.
#include "federated/client_updates.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace distlab::engine {
namespace {

TEST(ClientUpdates, BlocksComeBackWithTheirClientsCountsAndValues) {
  std::vector<float> payload;
  const std::vector<float> a{1, 2, 3}, b{-1, 0.5f, 7}, ca{9, 8, 7}, cb{0, 0, 1};
  appendClientUpdate(payload, 12, 300, a, ca);
  appendClientUpdate(payload, 5, 16777215, b, cb);
  const auto read = readClientUpdates(payload, 3, true, 20);
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].client, 12);
  EXPECT_EQ(read[0].samples, 300u);
  EXPECT_EQ(std::vector<float>(read[0].update.begin(), read[0].update.end()), a);
  EXPECT_EQ(std::vector<float>(read[0].control.begin(), read[0].control.end()), ca);
  EXPECT_EQ(read[1].client, 5);
  EXPECT_EQ(read[1].samples, 16777215u);
  EXPECT_EQ(std::vector<float>(read[1].update.begin(), read[1].update.end()), b);
  // Without control variates a block is the header and the update.
  std::vector<float> plain;
  appendClientUpdate(plain, 0, 1, a, {});
  EXPECT_EQ(plain.size(), 5u);
  EXPECT_TRUE(readClientUpdates(plain, 3, false, 1)[0].control.empty());
  EXPECT_TRUE(readClientUpdates({}, 3, false, 1).empty());
}

TEST(ClientUpdates, PayloadsThatAreNotWholeBlocksOrNameNoClientAreRefused) {
  std::vector<float> payload;
  appendClientUpdate(payload, 3, 10, std::vector<float>{1, 2}, {});
  EXPECT_THROW(readClientUpdates(payload, 3, false, 10), Error);  // not a whole block
  EXPECT_THROW(readClientUpdates(payload, 2, false, 3), Error);   // client 3 of 3
  payload[0] = 1.5f;
  EXPECT_THROW(readClientUpdates(payload, 2, false, 10), Error);  // not an id
  payload[0] = 1.0f;
  payload[1] = -2.0f;
  EXPECT_THROW(readClientUpdates(payload, 2, false, 10), Error);  // not a count
  EXPECT_THROW(appendClientUpdate(payload, 0, 1u << 24, std::vector<float>{1, 2}, {}), Error);
}

}  // namespace
}  // namespace distlab::engine
