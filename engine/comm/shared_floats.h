#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace distlab::engine {

/// Memory a worker and the coordinator on one machine both map, holding two mailboxes of floats:
/// one per direction, one frame's floats at a time. A PARAMS or PUSH frame then carries its
/// fields over TCP and leaves its floats in the mailbox (one copy in, one copy out, instead of
/// the socket's copies and wake-ups per chunk), as MPI and NCCL do between local processes.
/// The worker creates the region and names it to the coordinator, which attaches (and removes
/// the name, so nothing is left behind once both have gone).
class SharedFloats {
 public:
  enum class Side { Worker, Coordinator };

  /// A new region for a model of `floats` parameters (the worker's side). Throws Error.
  static std::unique_ptr<SharedFloats> create(std::uint32_t floats);
  /// The region a worker named; nullptr when it is not on this machine or does not match.
  static std::unique_ptr<SharedFloats> attach(const std::string& name, std::uint64_t nonce,
                                              std::uint32_t floats);
  ~SharedFloats();
  SharedFloats(const SharedFloats&) = delete;
  SharedFloats& operator=(const SharedFloats&) = delete;

  const std::string& name() const { return m_name; }
  std::uint64_t nonce() const;
  std::uint32_t floats() const { return m_floats; }
  /// The coordinator has attached: from now on the worker may put its floats here.
  bool attached() const;

  /// The floats of `writer`'s outgoing mailbox. A worker may keep its gradients in its own and its
  /// parameters in the coordinator's (Model::moveBuffers): put and take then copy nothing on its
  /// side, and the mailbox states still say whose turn it is.
  std::span<float> floatsOf(Side writer) const { return {slot(writer), m_floats}; }

  /// Puts one frame's floats in `from`'s outgoing mailbox; false when the last ones have not
  /// been taken yet or the count is not the region's (the caller then sends them over TCP).
  bool put(Side from, std::span<const float> values);
  /// Takes the floats waiting in `to`'s incoming mailbox into `into` (exactly that many);
  /// false when none are waiting or the count differs.
  bool take(Side to, std::span<float> into);
  /// The floats waiting in `to`'s incoming mailbox, left there (empty when none are waiting or
  /// the count differs); release() gives the mailbox back to the writer once they are used.
  std::span<const float> peek(Side to, std::size_t count) const;
  void release(Side to);

 private:
  struct Layout;
  SharedFloats(std::string name, void* address, std::size_t bytes, std::uint32_t floats);
  Layout& layout() const;
  float* slot(Side writer) const;
  static int mailboxOf(Side writer) { return writer == Side::Worker ? 0 : 1; }
  static Side writerTo(Side reader) { return reader == Side::Worker ? Side::Coordinator : Side::Worker; }

  std::string m_name;
  void* m_address;
  std::size_t m_bytes;
  std::uint32_t m_floats;
  bool m_owner = false;  ///< the creator removes the name too, should nobody have attached
};

}  // namespace distlab::engine
