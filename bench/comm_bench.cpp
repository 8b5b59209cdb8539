// Loopback round trips through Session (the cluster's transport), to hold against the raw-socket
// floor of ../shared/bench/pingpong.c measured in the same session.
// Run: build/bench/distlab_bench_comm --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "comm/session.h"

using namespace distlab::engine;
namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

// One client and one echoing server session on 127.0.0.1 in this thread. Each iteration sends
// `request` and waits for the reply: PUSH answered by PARAMS of the same size, or PULL answered
// by a tiny PARAMS.
void roundTrip(benchmark::State& state, std::size_t floats, bool pushPull) {
  asio::io_context io;
  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  tcp::socket clientSocket(io);
  clientSocket.connect(acceptor.local_endpoint());
  const DecodeLimits limits{64u << 20, static_cast<std::uint32_t>(floats)};
  auto server = std::make_shared<Session>(acceptor.accept(), limits);
  auto client = std::make_shared<Session>(std::move(clientSocket), limits);
  const std::vector<float> values(floats, 0.5f);
  server->start(
      [&](Message&& m) {
        if (auto* push = std::get_if<Push>(&m)) {
          server->send(Params{push->baseVersion + 1, std::move(push->values)});
        } else {
          server->send(Params{1, values});
        }
      },
      [](const std::string&) {});
  bool replied = false;
  client->start([&](Message&&) { replied = true; }, [](const std::string&) {});
  for (auto _ : state) {
    replied = false;
    if (pushPull) {
      client->send(Push{PushKind::Gradient, 0, 64, values});
    } else {
      client->send(Pull{0});
    }
    while (!replied) io.run_one();
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(2 * floats * sizeof(float)));
  client->close();
  server->close();
}

// The MLP: 235,146 floats pushed and 235,146 pulled back.
void BM_PushPullMlpModel(benchmark::State& s) { roundTrip(s, 235146, true); }
// A tiny model's pull: the per-message overhead.
void BM_PullTinyModel(benchmark::State& s) { roundTrip(s, 2, false); }
BENCHMARK(BM_PushPullMlpModel)->UseRealTime();
BENCHMARK(BM_PullTinyModel)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
