#include "comm/shared_params.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>

namespace distlab::engine {
namespace {

bool nameExists(const std::string& name) {
  const int fd = shm_open(name.c_str(), O_RDONLY, 0);
  if (fd >= 0) close(fd);
  return fd >= 0;
}

TEST(SharedParamsTest, WorkersSeeWhatTheCoordinatorWritesAndTheNameGoesWithIt) {
  std::string name;
  {
    auto region = SharedParams::create(1000);
    name = region->name();
    auto floats = region->floats();
    ASSERT_EQ(floats.size(), 1000u);
    std::iota(floats.begin(), floats.end(), 0.5f);
    // Two workers attach (a restarted one may come later: the name stays while the run does).
    auto first = SharedParams::attach(name, region->nonce(), 1000);
    auto second = SharedParams::attach(name, region->nonce(), 1000);
    ASSERT_TRUE(first && second);
    EXPECT_TRUE(std::equal(floats.begin(), floats.end(), first->floats().begin()));
    floats[7] = -3.0f;  // the coordinator's next round
    EXPECT_EQ(second->floats()[7], -3.0f);
    EXPECT_TRUE(nameExists(name));
  }
  EXPECT_FALSE(nameExists(name));
}

TEST(SharedParamsTest, OnlyTheRegionTheCoordinatorNamedIsAttached) {
  auto region = SharedParams::create(100);
  EXPECT_FALSE(SharedParams::attach(region->name(), region->nonce() + 1, 100));  // wrong nonce
  EXPECT_FALSE(SharedParams::attach(region->name(), region->nonce(), 101));      // wrong size
  EXPECT_FALSE(SharedParams::attach("/etc/passwd", region->nonce(), 100));
  EXPECT_FALSE(SharedParams::attach("/distlab-params-1-x/../y", region->nonce(), 100));
  EXPECT_FALSE(SharedParams::attach("/distlab-params-1-nothing", region->nonce(), 100));
  EXPECT_TRUE(SharedParams::attach(region->name(), region->nonce(), 100));
}

/// The permissions /proc/self/maps gives the mapping that starts at `address` ("rw-s"), or "".
std::string permissionsAt(std::uintptr_t address) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    std::istringstream fields(line);
    std::string range, permissions;
    fields >> range >> permissions;
    if (std::stoull(range.substr(0, range.find('-')), nullptr, 16) == address) return permissions;
  }
  return "";
}

TEST(SharedParamsTest, AWorkersMappingIsReadOnly) {
  // A write through a worker's view would corrupt every worker's parameters: the kernel refuses
  // it. (Read from the mappings rather than faulting a child: the sanitizers catch the fault.)
  auto region = SharedParams::create(100);
  auto view = SharedParams::attach(region->name(), region->nonce(), 100);
  ASSERT_TRUE(view);
  const auto start = [](const SharedParams& r) {  // the header page comes first
    return reinterpret_cast<std::uintptr_t>(r.floats().data()) - 4096;
  };
  EXPECT_EQ(permissionsAt(start(*view)), "r--s");
  EXPECT_EQ(permissionsAt(start(*region)), "rw-s");
}

TEST(SharedParamsTest, NamesLeftByAKilledCoordinatorAreRemovedByTheNext) {
  // A child's pid, once reaped, belongs to nobody: a region named after it is stale.
  const pid_t gone = fork();
  if (gone == 0) _exit(0);
  ASSERT_EQ(waitpid(gone, nullptr, 0), gone);
  const std::string stale = "/distlab-params-" + std::to_string(gone) + "-0123456789abcdef";
  const int fd = shm_open(stale.c_str(), O_RDWR | O_CREAT | O_EXCL, 0600);
  ASSERT_GE(fd, 0);
  close(fd);
  auto live = SharedParams::create(10);  // ours: this process runs
  removeStaleSharedParams();  // (a coordinator of a test running beside us may have done it)
  EXPECT_FALSE(nameExists(stale));
  EXPECT_TRUE(nameExists(live->name()));
}

}  // namespace
}  // namespace distlab::engine
