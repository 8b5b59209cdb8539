// Loopback round trips through Session (the cluster's transport), to hold against the raw-socket
// floor of ../shared/bench/pingpong.c measured in the same session.
// Run: build/bench/distlab_bench_comm --benchmark_repetitions=5 --benchmark_report_aggregates_only
#include <benchmark/benchmark.h>

#include <memory>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>

#include "comm/blocking_channel.h"
#include "comm/busy_poll.h"
#include "comm/tcp_session.h"

using namespace distlab::engine;
namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

// The coordinator's side of a round trip: a PUSH is answered by PARAMS of the same floats, any
// other request by PARAMS of `values`.
void startEcho(Session& server, const std::vector<float>& values) {
  server.start(
      [&server, &values](Message&& m) {
        if (auto* push = std::get_if<Push>(&m)) {
          server.send(Params{push->baseVersion + 1, std::move(push->values)});
        } else {
          server.send(Params{1, values});
        }
      },
      [](const CloseReason&) {});
}

// As the coordinator answers: PARAMS from one snapshot of the parameters, and the pushed vector
// handed back to the session for the next PUSH to be read into.
void startCoordinatorEcho(Session& server, std::shared_ptr<const std::vector<float>> snapshot) {
  server.start(
      [&server, snapshot](Message&& m) {
        if (auto* push = std::get_if<Push>(&m)) server.recycle(std::move(push->values));
        server.sendShared(Params{1, {}}, snapshot);
      },
      [](const CloseReason&) {});
}

// A client session in this thread and an echoing server session on its own io_context and
// thread (as the coordinator and a worker live in different processes, both ends can copy at
// once). Each iteration sends a request and waits for the reply: PUSH answered by PARAMS of the
// same size, or PULL answered by a tiny PARAMS.
void roundTrip(benchmark::State& state, std::size_t floats, bool pushPull) {
  asio::io_context clientIo, serverIo;
  tcp::acceptor acceptor(serverIo, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  tcp::socket clientSocket(clientIo);
  clientSocket.connect(acceptor.local_endpoint());
  const DecodeLimits limits{64u << 20, static_cast<std::uint32_t>(floats)};
  auto server = std::make_shared<TcpSession>(acceptor.accept(), limits);
  auto client = std::make_shared<TcpSession>(std::move(clientSocket), limits);
  const std::vector<float> values(floats, 0.5f);
  startEcho(*server, values);
  auto guard = asio::make_work_guard(serverIo);
  std::thread serverThread([&] { serverIo.run(); });
  bool replied = false;
  client->start([&](Message&&) { replied = true; }, [](const CloseReason&) {});
  for (auto _ : state) {
    replied = false;
    if (pushPull) {
      client->send(Push{PushKind::Gradient, 0, 64, values});
    } else {
      client->send(Pull{0});
    }
    while (!replied) clientIo.run_one();
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(2 * floats * sizeof(float)));
  client->close();
  asio::post(serverIo, [&] { server->close(); });
  guard.reset();
  serverThread.join();
}

// The cluster's real pair: the worker's blocking channel against the coordinator's Session;
// with `shared`, the floats go through shared memory as cluster.transport "shared-memory" does;
// with `poll`, both sides busy-poll as the cluster does when every process has a core
// (comm/busy_poll.h).
void workerRoundTrip(benchmark::State& state, std::size_t floats, bool pushPull, bool shared,
                     bool poll) {
  asio::io_context serverIo;
  tcp::acceptor acceptor(serverIo, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  const auto port = acceptor.local_endpoint().port();
  BlockingChannel worker;
  std::thread connector([&] { worker.connect("127.0.0.1", port, 5000); });
  const DecodeLimits limits{64u << 20, static_cast<std::uint32_t>(floats)};
  auto server = std::make_shared<TcpSession>(acceptor.accept(), limits);
  connector.join();
  worker.setLimits(limits);
  std::unique_ptr<SharedFloats> region;
  if (shared) {
    region = SharedFloats::create(static_cast<std::uint32_t>(floats));
    worker.useSharedFloats(region.get());
    server->useSharedFloats(
        SharedFloats::attach(region->name(), region->nonce(), static_cast<std::uint32_t>(floats)));
  }
  const std::vector<float> values(floats, 0.5f);
  startCoordinatorEcho(*server, std::make_shared<const std::vector<float>>(values));
  auto guard = asio::make_work_guard(serverIo);
  std::thread serverThread([&] {
    if (poll) {
      runPolling(serverIo, kBusyPollNs, [] { return true; });
    } else {
      serverIo.run();
    }
  });
  if (poll) worker.setBusyPoll(kBusyPollNs);
  // As the worker does: its gradient sent from where it lies, the parameters read into the model
  // (whose buffers, with shared memory, are the mailboxes themselves: Model::moveBuffers).
  const Push push{PushKind::Gradient, 0, 64, {}, true};
  std::vector<float> ownModel(floats), ownGradient(values);
  std::span<float> model = ownModel, gradient = ownGradient;
  if (shared) {
    model = region->floatsOf(SharedFloats::Side::Coordinator);
    gradient = region->floatsOf(SharedFloats::Side::Worker);
    std::copy(values.begin(), values.end(), gradient.begin());
  }
  for (auto _ : state) {
    if (pushPull) {
      worker.sendBulk(push, gradient);
    } else {
      worker.send(Pull{0});
    }
    benchmark::DoNotOptimize(worker.receive(model));
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(2 * floats * sizeof(float)));
  worker.close();
  asio::post(serverIo, [&] { server->close(); });
  guard.reset();
  serverThread.join();
}

// The MLP: 235,146 floats pushed and 235,146 pulled back.
void BM_PushPullMlpModel(benchmark::State& s) { roundTrip(s, 235146, true); }
// A tiny model's pull: the per-message overhead.
void BM_PullTinyModel(benchmark::State& s) { roundTrip(s, 2, false); }
// First argument 1: the floats through shared memory (cluster.transport), 0: through the socket.
// Second argument 1: both sides busy-poll, 0: they sleep until woken.
void BM_WorkerPushPullMlpModel(benchmark::State& s) {
  workerRoundTrip(s, 235146, true, s.range(0) == 1, s.range(1) == 1);
}
void BM_WorkerPullTinyModel(benchmark::State& s) {
  workerRoundTrip(s, 2, false, s.range(0) == 1, s.range(1) == 1);
}
BENCHMARK(BM_PushPullMlpModel)->UseRealTime();
BENCHMARK(BM_PullTinyModel)->UseRealTime();
BENCHMARK(BM_WorkerPushPullMlpModel)->ArgsProduct({{0, 1}, {0, 1}})->UseRealTime();
BENCHMARK(BM_WorkerPullTinyModel)->ArgsProduct({{0, 1}, {0, 1}})->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
