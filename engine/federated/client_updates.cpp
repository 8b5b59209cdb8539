#include "federated/client_updates.h"

#include <cmath>
#include <string>

#include "core/error.h"

namespace distlab::engine {
namespace {

constexpr std::size_t kHeader = 2;  // id, samples
constexpr float kExact = 16777216.0f;  // 2^24: every integer below is exact in a float

int wholeNumber(float v, float limit, const char* what) {
  if (!(v >= 0.0f && v < limit) || std::floor(v) != v) {
    throw Error(std::string("a federated update's ") + what + " is not valid");
  }
  return static_cast<int>(v);
}

}  // namespace

void appendClientUpdate(std::vector<float>& payload, int client, std::uint64_t samples,
                        std::span<const float> update, std::span<const float> control) {
  if (static_cast<float>(samples) >= kExact) throw Error("a client with 2^24 examples or more");
  payload.push_back(static_cast<float>(client));
  payload.push_back(static_cast<float>(samples));
  payload.insert(payload.end(), update.begin(), update.end());
  payload.insert(payload.end(), control.begin(), control.end());
}

std::vector<ClientUpdate> readClientUpdates(std::span<const float> payload,
                                            std::size_t modelSize, bool controls, int clients) {
  const std::size_t block = kHeader + modelSize * (controls ? 2 : 1);
  if (payload.size() % block != 0) {
    throw Error("a federated worker's update does not fit the model");
  }
  std::vector<ClientUpdate> updates;
  for (std::size_t at = 0; at < payload.size(); at += block) {
    ClientUpdate u;
    u.client = wholeNumber(payload[at], static_cast<float>(clients), "client id");
    u.samples = static_cast<std::uint64_t>(wholeNumber(payload[at + 1], kExact, "sample count"));
    u.update = payload.subspan(at + kHeader, modelSize);
    if (controls) u.control = payload.subspan(at + kHeader + modelSize, modelSize);
    updates.push_back(u);
  }
  return updates;
}

}  // namespace distlab::engine
