#include "comm/shared_floats.h"

#include <sys/mman.h>

#include <atomic>
#include <cstring>

#include "comm/shm_file.h"

namespace distlab::engine {
namespace {

constexpr char kMagic[8] = {'D', 'L', 'S', 'H', 'M', '0', '0', '1'};
constexpr std::size_t kPage = 4096;

std::size_t alignUp(std::size_t n) { return (n + kPage - 1) / kPage * kPage; }
std::size_t slotBytes(std::uint32_t floats) { return alignUp(std::size_t{floats} * sizeof(float)); }
std::size_t regionBytes(std::uint32_t floats) { return kPage + 2 * slotBytes(floats); }

enum : std::uint32_t { kEmpty = 0, kFull = 1 };

}  // namespace

/// The first page; the worker-to-coordinator slot follows it, then the other.
struct SharedFloats::Layout {
  char magic[8];
  std::uint64_t nonce;
  std::uint32_t floats;
  std::atomic<std::uint32_t> attached;
  struct alignas(64) Mailbox {
    std::atomic<std::uint32_t> state;  ///< kEmpty or kFull; only the owner of a state moves it
    std::uint32_t count;
  } mailbox[2];  ///< [0]: worker -> coordinator, [1]: coordinator -> worker
};
static_assert(std::atomic<std::uint32_t>::is_always_lock_free, "shared between processes");

SharedFloats::SharedFloats(std::string name, void* address, std::size_t bytes, std::uint32_t floats)
    : m_name(std::move(name)), m_address(address), m_bytes(bytes), m_floats(floats) {}

SharedFloats::~SharedFloats() {
  munmap(m_address, m_bytes);
  if (m_owner) shm_unlink(m_name.c_str());  // ENOENT when the coordinator removed it already
}

SharedFloats::Layout& SharedFloats::layout() const {
  static_assert(sizeof(Layout) <= kPage, "the header fits its page");
  return *static_cast<Layout*>(m_address);
}

float* SharedFloats::slot(Side writer) const {
  const std::size_t offset = kPage + (writer == Side::Worker ? 0 : slotBytes(m_floats));
  return reinterpret_cast<float*>(static_cast<char*>(m_address) + offset);
}

std::uint64_t SharedFloats::nonce() const { return layout().nonce; }
bool SharedFloats::attached() const {
  return layout().attached.load(std::memory_order_acquire) != 0;
}

std::unique_ptr<SharedFloats> SharedFloats::create(std::uint32_t floats) {
  const std::size_t bytes = regionBytes(floats);
  const NewShm shm = createShm("/distlab-", bytes);
  std::unique_ptr<SharedFloats> region(new SharedFloats(shm.name, shm.address, bytes, floats));
  region->m_owner = true;
  Layout& l = region->layout();  // a fresh mapping is zeros: both mailboxes empty, not attached
  l.nonce = shm.nonce;
  l.floats = floats;
  std::memcpy(l.magic, kMagic, sizeof kMagic);
  return region;
}

std::unique_ptr<SharedFloats> SharedFloats::attach(const std::string& name, std::uint64_t nonce,
                                                   std::uint32_t floats) {
  const std::size_t bytes = regionBytes(floats);
  void* address = mapShm(name, "/distlab-", bytes, /*writable=*/true);
  if (!address) return nullptr;  // another machine's worker: its region is not here
  std::unique_ptr<SharedFloats> region(new SharedFloats(name, address, bytes, floats));
  const Layout& l = region->layout();
  if (std::memcmp(l.magic, kMagic, sizeof kMagic) != 0 || l.nonce != nonce || l.floats != floats)
    return nullptr;
  shm_unlink(name.c_str());  // both have it mapped: the name has done its job
  region->layout().attached.store(1, std::memory_order_release);
  return region;
}

bool SharedFloats::put(Side from, std::span<const float> values) {
  if (from == Side::Worker && !attached()) return false;  // nobody would read it
  auto& box = layout().mailbox[mailboxOf(from)];
  if (values.size() != m_floats || box.state.load(std::memory_order_acquire) != kEmpty)
    return false;
  if (values.data() != slot(from)) std::memcpy(slot(from), values.data(), values.size_bytes());
  box.count = static_cast<std::uint32_t>(values.size());
  box.state.store(kFull, std::memory_order_release);
  return true;
}

std::span<const float> SharedFloats::peek(Side to, std::size_t count) const {
  const Side writer = writerTo(to);
  const auto& box = layout().mailbox[mailboxOf(writer)];
  if (box.state.load(std::memory_order_acquire) != kFull || box.count != count || count != m_floats)
    return {};
  return {slot(writer), count};
}

void SharedFloats::release(Side to) {
  layout().mailbox[mailboxOf(writerTo(to))].state.store(kEmpty, std::memory_order_release);
}

bool SharedFloats::take(Side to, std::span<float> into) {
  const auto waiting = peek(to, into.size());
  if (waiting.empty()) return false;
  if (into.data() != waiting.data()) std::memcpy(into.data(), waiting.data(), into.size_bytes());
  release(to);
  return true;
}

}  // namespace distlab::engine
