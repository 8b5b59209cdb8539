#include "comm/shared_floats.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>

#include <algorithm>
#include <numeric>
#include <vector>

namespace distlab::engine {
namespace {

using Side = SharedFloats::Side;

bool nameExists(const std::string& name) {
  const int fd = shm_open(name.c_str(), O_RDONLY, 0);
  if (fd >= 0) close(fd);
  return fd >= 0;
}

std::vector<float> counting(std::size_t n, float start) {
  std::vector<float> v(n);
  std::iota(v.begin(), v.end(), start);
  return v;
}

TEST(SharedFloatsTest, FloatsGoBothWaysOneFrameAtATime) {
  const auto worker = SharedFloats::create(1000);
  ASSERT_TRUE(nameExists(worker->name()));
  EXPECT_FALSE(worker->attached());
  // Before the coordinator attaches, the worker keeps its floats for TCP.
  EXPECT_FALSE(worker->put(Side::Worker, counting(1000, 0)));

  const auto coordinator = SharedFloats::attach(worker->name(), worker->nonce(), 1000);
  ASSERT_NE(coordinator, nullptr);
  EXPECT_TRUE(worker->attached());
  EXPECT_FALSE(nameExists(worker->name()));  // both mapped: the name is gone

  const auto up = counting(1000, 1);
  std::vector<float> got(1000);
  EXPECT_FALSE(coordinator->take(Side::Coordinator, got));  // nothing waiting yet
  ASSERT_TRUE(worker->put(Side::Worker, up));
  EXPECT_FALSE(worker->put(Side::Worker, up));  // not taken yet: the caller uses TCP
  ASSERT_TRUE(coordinator->take(Side::Coordinator, got));
  EXPECT_EQ(got, up);
  EXPECT_TRUE(worker->put(Side::Worker, up));  // free again

  const auto down = counting(1000, -500);
  ASSERT_TRUE(coordinator->put(Side::Coordinator, down));
  std::vector<float> params(1000);
  ASSERT_TRUE(worker->take(Side::Worker, params));
  EXPECT_EQ(params, down);
  EXPECT_FALSE(worker->take(Side::Worker, params));  // taken once only
}

TEST(SharedFloatsTest, PeekedFloatsStayUntilReleased) {
  const auto worker = SharedFloats::create(8);
  const auto coordinator = SharedFloats::attach(worker->name(), worker->nonce(), 8);
  ASSERT_NE(coordinator, nullptr);
  EXPECT_TRUE(coordinator->peek(Side::Coordinator, 8).empty());  // nothing waiting
  const auto up = counting(8, 3);
  ASSERT_TRUE(worker->put(Side::Worker, up));
  const auto seen = coordinator->peek(Side::Coordinator, 8);
  ASSERT_EQ(seen.size(), 8u);
  EXPECT_TRUE(std::equal(seen.begin(), seen.end(), up.begin()));
  EXPECT_TRUE(coordinator->peek(Side::Coordinator, 7).empty());  // another count: refused
  EXPECT_FALSE(worker->put(Side::Worker, up));                   // still the server's
  coordinator->release(Side::Coordinator);
  EXPECT_TRUE(coordinator->peek(Side::Coordinator, 8).empty());
  EXPECT_TRUE(worker->put(Side::Worker, up));
}

TEST(SharedFloatsTest, WrongCountsAreRefused) {
  const auto worker = SharedFloats::create(10);
  const auto coordinator = SharedFloats::attach(worker->name(), worker->nonce(), 10);
  ASSERT_NE(coordinator, nullptr);
  EXPECT_FALSE(worker->put(Side::Worker, counting(9, 0)));
  ASSERT_TRUE(worker->put(Side::Worker, counting(10, 0)));
  std::vector<float> small(9);
  EXPECT_FALSE(coordinator->take(Side::Coordinator, small));
}

TEST(SharedFloatsTest, OnlyTheRegionTheWorkerNamedIsAttached) {
  const auto worker = SharedFloats::create(64);
  EXPECT_EQ(SharedFloats::attach(worker->name(), worker->nonce() ^ 1, 64), nullptr);  // nonce
  EXPECT_EQ(SharedFloats::attach(worker->name(), worker->nonce(), 65), nullptr);      // size
  EXPECT_EQ(SharedFloats::attach("/distlab-0-nothing-here", 1, 64), nullptr);          // absent
  EXPECT_EQ(SharedFloats::attach("/etc/passwd", 1, 64), nullptr);                      // not ours
  EXPECT_EQ(SharedFloats::attach("/distlab-x/../y", 1, 64), nullptr);
  EXPECT_TRUE(nameExists(worker->name()));  // refused attaches leave it for the right one
}

TEST(SharedFloatsTest, ARegionNobodyAttachedLeavesNoName) {
  std::string name;
  {
    const auto worker = SharedFloats::create(16);
    name = worker->name();
    ASSERT_TRUE(nameExists(name));
  }
  EXPECT_FALSE(nameExists(name));
}

}  // namespace
}  // namespace distlab::engine
