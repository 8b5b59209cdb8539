// The frames' two transports side by side between the same two processes: MPI messages
// (--frames mpi: MpiPipe against MpiHub) and TCP (the default: BlockingChannel against
// TcpSession, with and without shared-memory floats), with raw MPI ping-pongs as the floor.
// Each figure is the median round trip of `rounds` rounds of `reps` round trips.
// Run: mpirun --oversubscribe -np 2 build/bench/distlab_bench_mpi [ROUNDS] [REPS]
#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>

#include "comm/blocking_channel.h"
#include "comm/mpi_frames.h"
#include "comm/tcp_session.h"

using namespace distlab::engine;
namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

constexpr std::uint32_t kModelFloats = 235146;  // the default MLP: 940 KB a PUSH or PARAMS

struct Settings {
  int rounds = 5;
  int reps = 200;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

/// As the coordinator answers: a PUSH by PARAMS of one snapshot (its vector handed back), a PULL
/// by a tiny PARAMS; a SHUTDOWN ends the loop.
void startEcho(asio::io_context& io, Session& server,
               std::shared_ptr<const std::vector<float>> snapshot,
               std::shared_ptr<const std::vector<float>> tiny) {
  server.start(
      [&io, &server, snapshot, tiny](Message&& m) {
        if (auto* push = std::get_if<Push>(&m)) {
          server.recycle(std::move(push->values));
          server.sendShared(Params{1, {}}, snapshot);
        } else if (std::holds_alternative<Pull>(m)) {
          server.sendShared(Params{1, {}}, tiny);
        } else if (std::holds_alternative<Shutdown>(m)) {
          io.stop();
        }
      },
      [](const CloseReason&) {});
}

/// The worker's side: `reps` round trips a round, microseconds per round trip, per round.
std::vector<double> workerRounds(BlockingChannel& worker, const Settings& s, bool pushPull) {
  std::vector<float> model(pushPull ? kModelFloats : 2), gradient(kModelFloats, 0.5f);
  const Push push{PushKind::Gradient, 0, 64, {}, true};
  std::vector<double> perRound;
  for (int r = 0; r < s.rounds; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int k = 0; k < s.reps; ++k) {
      if (pushPull) {
        worker.sendBulk(push, gradient);
      } else {
        worker.send(Pull{0});
      }
      (void)worker.receive(model);
    }
    const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - t0;
    perRound.push_back(took.count() / s.reps);
  }
  return perRound;
}

/// Rank 0 serves on this thread, as the coordinator does, until rank 1 says it is done.
void serveUntilDone(asio::io_context& io, Session& server) {
  auto guard = asio::make_work_guard(io);
  io.run();
  server.close();
}

std::shared_ptr<const std::vector<float>> floats(std::size_t n) {
  return std::make_shared<const std::vector<float>>(n, 0.5f);
}

/// Frames as MPI messages. Returns rank 1's medians (us): tiny pull, 940 KB push+pull.
std::pair<double, double> mpiFrames(MPI_Comm comm, int rank, const Settings& s) {
  const DecodeLimits limits{64u << 20, 0};
  if (rank == 0) {
    asio::io_context io;
    MpiHub hub(io, comm, limits, {"0", "0"});
    auto server = hub.peers().front().session;
    startEcho(io, *server, floats(kModelFloats), floats(2));
    serveUntilDone(io, *server);
    return {};
  }
  BlockingChannel worker;
  worker.usePipe(std::make_unique<MpiPipe>(comm, 0));
  worker.setLimits(limits);
  const double pull = median(workerRounds(worker, s, false));
  const double pushPull = median(workerRounds(worker, s, true));
  worker.send(Shutdown{"done"});
  return {pull, pushPull};
}

/// Frames on TCP over loopback (rank 0 listens, rank 1 connects), floats on the socket or, with
/// `shared`, through shared memory as cluster.transport "shared-memory" does.
std::pair<double, double> tcpFrames(int rank, const Settings& s, bool shared) {
  const DecodeLimits limits{64u << 20, 0};
  int port = 0;
  if (rank == 0) {
    asio::io_context io;
    tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    port = acceptor.local_endpoint().port();
    MPI_Bcast(&port, 1, MPI_INT, 0, MPI_COMM_WORLD);
    auto server = std::make_shared<TcpSession>(acceptor.accept(), limits);
    if (shared) {
      char name[256] = {};
      std::uint64_t nonce = 0;
      MPI_Recv(name, sizeof name, MPI_CHAR, 1, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      MPI_Recv(&nonce, 1, MPI_UINT64_T, 1, 2, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      server->useSharedFloats(SharedFloats::attach(name, nonce, kModelFloats));
    }
    startEcho(io, *server, floats(kModelFloats), floats(2));
    serveUntilDone(io, *server);
    MPI_Barrier(MPI_COMM_WORLD);
    return {};
  }
  MPI_Bcast(&port, 1, MPI_INT, 0, MPI_COMM_WORLD);
  BlockingChannel worker;
  worker.connect("127.0.0.1", static_cast<std::uint16_t>(port), 5000);
  worker.setLimits(limits);
  std::unique_ptr<SharedFloats> region;
  if (shared) {
    region = SharedFloats::create(kModelFloats);
    std::string name = region->name();
    name.resize(256);
    std::uint64_t nonce = region->nonce();
    MPI_Send(name.data(), 256, MPI_CHAR, 0, 1, MPI_COMM_WORLD);
    MPI_Send(&nonce, 1, MPI_UINT64_T, 0, 2, MPI_COMM_WORLD);
    worker.useSharedFloats(region.get());
  }
  const double pull = median(workerRounds(worker, s, false));
  const double pushPull = median(workerRounds(worker, s, true));
  worker.send(Shutdown{"done"});
  worker.useSharedFloats(nullptr);
  MPI_Barrier(MPI_COMM_WORLD);  // rank 0 has read everything before the socket closes
  worker.close();
  return {pull, pushPull};
}

/// MPI_Send/MPI_Recv of `bytes` there and back: the floor under any transport on MPI.
double rawMpi(int rank, const Settings& s, std::size_t bytes) {
  std::vector<char> buffer(bytes);
  const int n = static_cast<int>(bytes), peer = 1 - rank;
  std::vector<double> perRound;
  for (int r = 0; r < s.rounds; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int k = 0; k < s.reps; ++k) {
      if (rank == 1) {
        MPI_Send(buffer.data(), n, MPI_CHAR, peer, 0, MPI_COMM_WORLD);
        MPI_Recv(buffer.data(), n, MPI_CHAR, peer, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      } else {
        MPI_Recv(buffer.data(), n, MPI_CHAR, peer, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Send(buffer.data(), n, MPI_CHAR, peer, 0, MPI_COMM_WORLD);
      }
    }
    const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - t0;
    perRound.push_back(took.count() / s.reps);
  }
  return median(perRound);
}

}  // namespace

int main(int argc, char** argv) {
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided);
  int rank = 0, ranks = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  if (ranks != 2) {
    if (rank == 0) std::fprintf(stderr, "run it with mpirun -np 2\n");
    MPI_Finalize();
    return 1;
  }
  Settings s;
  if (argc > 1) s.rounds = std::atoi(argv[1]);
  if (argc > 2) s.reps = std::atoi(argv[2]);
  MPI_Comm frames;
  MPI_Comm_dup(MPI_COMM_WORLD, &frames);
  const double rawSmall = rawMpi(rank, s, 64);
  const double rawBig = rawMpi(rank, s, kModelFloats * sizeof(float));
  const auto mpi = mpiFrames(frames, rank, s);
  const auto tcpPlain = tcpFrames(rank, s, false);
  const auto tcpShared = tcpFrames(rank, s, true);
  if (rank == 1) {
    std::printf("| transport | PULL -> tiny PARAMS (us) | 940 KB PUSH -> PARAMS (us) |\n");
    std::printf("|---|---|---|\n");
    std::printf("| raw MPI_Send/Recv (64 B; 940 KB each way) | %.1f | %.1f |\n", rawSmall, rawBig);
    std::printf("| frames on MPI (--frames mpi) | %.1f | %.1f |\n", mpi.first, mpi.second);
    std::printf("| frames on TCP, floats on the socket | %.1f | %.1f |\n", tcpPlain.first,
                tcpPlain.second);
    std::printf("| frames on TCP, floats in shared memory (default) | %.1f | %.1f |\n",
                tcpShared.first, tcpShared.second);
    std::printf("(medians of %d rounds of %d round trips)\n", s.rounds, s.reps);
  }
  MPI_Comm_free(&frames);
  MPI_Finalize();
  return 0;
}
