#include "lessons/federated/homomorphic_round.h"

#include <cstring>
#include <string>

#include "core/error.h"
#include "core/stopwatch.h"
#include "crypto/secagg/secagg_messages.h"
#include "lessons/federated/federated_clients.h"

namespace distlab::engine {
namespace {

void putU32(Bytes& out, std::uint32_t v) {
  for (int b = 0; b < 4; ++b) out.push_back(static_cast<std::uint8_t>(v >> (8 * b)));
}

class Reader {
 public:
  explicit Reader(const Bytes& bytes) : m_bytes(bytes) {}
  std::uint32_t u32() {
    need(4);
    std::uint32_t v = 0;
    for (int b = 0; b < 4; ++b) v |= static_cast<std::uint32_t>(m_bytes[m_at++]) << (8 * b);
    return v;
  }
  Bytes take(std::size_t n) {
    need(n);
    m_at += n;
    return Bytes(m_bytes.begin() + static_cast<std::ptrdiff_t>(m_at - n),
                 m_bytes.begin() + static_cast<std::ptrdiff_t>(m_at));
  }
  std::vector<BigBytes> ciphertexts() {
    const std::uint32_t n = u32();
    if (n > (m_bytes.size() - m_at) / 4) fail();
    std::vector<BigBytes> out(n);
    for (auto& c : out) c = take(u32());
    return out;
  }
  void end() const {
    if (m_at != m_bytes.size()) fail();
  }

 private:
  void need(std::size_t n) const {
    if (n > m_bytes.size() - m_at) fail();
  }
  [[noreturn]] void fail() const {
    throw Error("homomorphic aggregation: a malformed message of " +
                std::to_string(m_bytes.size()) + " bytes");
  }
  const Bytes& m_bytes;
  std::size_t m_at = 0;
};

void putCiphertexts(Bytes& out, const std::vector<BigBytes>& c) {
  putU32(out, static_cast<std::uint32_t>(c.size()));
  for (const auto& x : c) {
    putU32(out, static_cast<std::uint32_t>(x.size()));
    out.insert(out.end(), x.begin(), x.end());
  }
}

[[noreturn]] void keyHolderLost() {
  throw Error("homomorphic aggregation: the key holder (worker process 0) died; nobody can "
              "decrypt the sums");
}

}  // namespace

std::vector<float> writeEncryptedUpdate(const EncryptedUpdate& update) {
  Bytes out;
  putU32(out, update.client);
  putU32(out, static_cast<std::uint32_t>(update.weight));
  putU32(out, static_cast<std::uint32_t>(update.weight >> 32));
  putCiphertexts(out, update.ciphertexts);
  return bytesToSlots(out);
}

EncryptedUpdate readEncryptedUpdate(std::span<const float> slots) {
  const Bytes bytes = slotsToBytes(slots);
  Reader in(bytes);
  EncryptedUpdate u;
  u.client = in.u32();
  u.weight = in.u32();
  u.weight |= static_cast<std::uint64_t>(in.u32()) << 32;
  u.ciphertexts = in.ciphertexts();
  in.end();
  return u;
}

std::vector<float> writeEncryptedSum(int clients, const std::vector<BigBytes>& sum) {
  Bytes out;
  putU32(out, static_cast<std::uint32_t>(clients));
  putCiphertexts(out, sum);
  return bytesToSlots(out);
}

std::pair<int, std::vector<BigBytes>> readEncryptedSum(std::span<const float> slots) {
  const Bytes bytes = slotsToBytes(slots);
  Reader in(bytes);
  const auto clients = static_cast<int>(in.u32());
  auto sum = in.ciphertexts();
  in.end();
  return {clients, std::move(sum)};
}

std::vector<float> writeDoubles(std::span<const double> values) {
  Bytes out(values.size() * sizeof(double));
  if (!values.empty()) std::memcpy(out.data(), values.data(), out.size());
  return bytesToSlots(out);
}

std::vector<double> readDoubles(std::span<const float> slots) {
  const Bytes bytes = slotsToBytes(slots);
  if (bytes.size() % sizeof(double) != 0) {
    throw Error("homomorphic aggregation: a decrypted sum of " + std::to_string(bytes.size()) +
                " bytes");
  }
  std::vector<double> out(bytes.size() / sizeof(double));
  if (!out.empty()) std::memcpy(out.data(), bytes.data(), bytes.size());
  return out;
}

PaillierPublicKey serveHomomorphicKeys(RoundHost& host) {
  const auto keys = host.collect(0);
  if (keys.empty() || keys[0].lost) keyHolderLost();
  const Bytes n = slotsToBytes(keys[0].values);
  for (int k = 0; k < host.processes(); ++k) host.send(k, Params{1, {}}, bytesToSlots(n));
  return PaillierPublicKey(n);
}

HomomorphicRoundResult serveHomomorphicRound(RoundHost& host, const PaillierPublicKey& key,
                                             std::uint64_t s, std::uint64_t round, int clients,
                                             std::size_t length,
                                             const std::function<bool(std::uint32_t)>& counts) {
  HomomorphicRoundResult result;
  const auto updates = host.collect(s);
  auto t0 = steadyNowNs();
  std::vector<BigBytes> sum;
  const int processes = host.processes();
  const PaillierPacking packing;
  const auto expected = (length + static_cast<std::size_t>(packing.slots(key.bits())) - 1) /
                        static_cast<std::size_t>(packing.slots(key.bits()));
  for (int k = 0; k < processes; ++k) {
    const auto& push = updates[static_cast<std::size_t>(k)];
    std::vector<std::span<const float>> parts;
    if (!push.lost) {
      parts.push_back(push.values);
      for (const auto& p : push.moreValues) parts.push_back(p);
    }
    for (const auto part : parts) {
      if (slotsToBytes(part).empty()) continue;  // the step's closing frame
      EncryptedUpdate u = readEncryptedUpdate(part);
      if (static_cast<int>(u.client) >= clients || hostOf(static_cast<int>(u.client), processes) != k ||
          result.inputs.count(u.client) || u.ciphertexts.size() != expected) {
        throw Error("homomorphic aggregation: process " + std::to_string(k) +
                    " sent an unexpected update for client " + std::to_string(u.client));
      }
      result.bytesIn += part.size() * sizeof(float);
      result.inputs[u.client] = u.weight;
      if (!counts(u.client)) continue;
      addEncryptedUpdate(key, sum, u.ciphertexts);
      result.summed.push_back(u.client);
    }
  }
  host.record(Span{kServerLane, SpanKind::Aggregate, t0, steadyNowNs(), round, 0});
  if (!host.alive(0)) keyHolderLost();
  for (int k = 0; k < processes; ++k) {
    host.send(k, Params{s + 1, {}},
              k == 0 ? writeEncryptedSum(static_cast<int>(result.summed.size()), sum)
                     : bytesToSlots({}));
  }
  const auto decrypted = host.collect(s + 1);
  if (decrypted[0].lost) keyHolderLost();
  if (!result.summed.empty()) {
    result.sum = readDoubles(decrypted[0].values);
    if (result.sum.size() != length) {
      throw Error("homomorphic aggregation: the key holder sent a sum of " +
                  std::to_string(result.sum.size()) + " values for " + std::to_string(length));
    }
  }
  return result;
}

}  // namespace distlab::engine
