#include "lessons/federated/encoded_updates.h"

#include <string>

#include "core/error.h"
#include "crypto/secagg/secagg_messages.h"

namespace distlab::engine {

std::vector<float> writeEncodedUpdate(std::uint32_t client, std::uint64_t samples,
                                      std::span<const std::uint8_t> encoded) {
  Bytes out;
  for (int b = 0; b < 4; ++b) out.push_back(static_cast<std::uint8_t>(client >> (8 * b)));
  for (int b = 0; b < 8; ++b) out.push_back(static_cast<std::uint8_t>(samples >> (8 * b)));
  out.insert(out.end(), encoded.begin(), encoded.end());
  return bytesToSlots(out);
}

std::vector<ClientUpdate> readEncodedUpdates(const RoundPush& push, const UpdateEncoder& encoder,
                                             std::size_t modelSize, int clients,
                                             std::deque<std::vector<float>>& storage) {
  std::vector<ClientUpdate> out;
  if (push.lost) return out;
  std::vector<std::span<const float>> parts{push.values};
  for (const auto& p : push.moreValues) parts.push_back(p);
  for (const auto part : parts) {
    const Bytes bytes = slotsToBytes(part);
    if (bytes.empty()) continue;  // the step's closing frame
    if (bytes.size() < 12) {
      throw Error("federated: an encoded update of " + std::to_string(bytes.size()) + " bytes");
    }
    std::uint32_t client = 0;
    std::uint64_t samples = 0;
    for (int b = 0; b < 4; ++b) client |= static_cast<std::uint32_t>(bytes[b]) << (8 * b);
    for (int b = 0; b < 8; ++b) samples |= static_cast<std::uint64_t>(bytes[4 + b]) << (8 * b);
    if (static_cast<int>(client) >= clients) {
      throw Error("federated: an encoded update for client " + std::to_string(client) + " of " +
                  std::to_string(clients));
    }
    auto& values = storage.emplace_back(modelSize);
    if (!encoder.decode(std::span(bytes).subspan(12), values)) {
      throw Error("federated: client " + std::to_string(client) + "'s update does not decode as " +
                  std::string(encoder.name()));
    }
    out.push_back({static_cast<int>(client), samples, values, {}});
  }
  return out;
}

}  // namespace distlab::engine
