// `mpirun -np N+1 distlab-engine mpi SPEC.json --out DIR`: the same spec on the processes MPI
// placed (one machine or a hostfile's), rank 0 the coordinator and parameter server, ranks
// 1..N its workers 0..N-1. MPI starts the processes and carries one message: rank 0's address
// and the run's token. The frames then travel on the TCP transport as in a local run.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/commands.h"
#include "cluster/sync/sync_policy.h"
#include "cluster/worker.h"
#include "comm/handshake.h"
#include "core/error.h"
#include "core/spec.h"

#ifdef DISTLAB_HAVE_MPI
#include <mpi.h>

#include <random>
#include <sstream>

namespace distlab::engine {
namespace {

/// Rank 0's address, port and the token, from rank 0 to every rank ("" when rank 0 failed first).
std::string broadcast(std::string text) {
  int length = static_cast<int>(text.size());
  MPI_Bcast(&length, 1, MPI_INT, 0, MPI_COMM_WORLD);
  text.resize(static_cast<std::size_t>(length));
  MPI_Bcast(text.data(), length, MPI_CHAR, 0, MPI_COMM_WORLD);
  return text;
}

/// Where the workers reach rank 0: its bind address, or its host name when it listens on all.
std::string advertisedHost(const Spec& spec, const RunOptions& o) {
  const std::string bind = o.bind.empty() ? spec.cluster.bind : o.bind;
  if (bind != "0.0.0.0" && bind != "::") return bind;
  char name[MPI_MAX_PROCESSOR_NAME];
  int length = 0;
  MPI_Get_processor_name(name, &length);
  return std::string(name, static_cast<std::size_t>(length));
}

int coordinate(const RunOptions& base, int ranks) {
  bool handedOver = false;
  try {
    const Spec spec = loadSpecFile(base.specPath);
    if (spec.experiment != "cluster" || !syncPolicies().at(spec.cluster.sync).hasServer()) {
      throw Error(
          "mpi: runs experiment \"cluster\" with a parameter server (cluster.sync bsp, "
          "asp, ssp or local-sgd); this spec has experiment \"" +
          spec.experiment + "\", cluster.sync \"" + spec.cluster.sync + "\"");
    }
    if (spec.cluster.workers != ranks - 1) {
      throw Error("mpi: cluster.workers is " + std::to_string(spec.cluster.workers) +
                  " but mpirun started " + std::to_string(ranks - 1) +
                  " workers besides rank 0: run mpirun -np " +
                  std::to_string(spec.cluster.workers + 1));
    }
    std::string token;
    if (const char* given = std::getenv(kTokenEnvironmentVariable); given && *given) {
      token = given;
    } else {  // made here, handed to the ranks over MPI, never printed
      std::random_device rd;
      token = makeRunToken((static_cast<std::uint64_t>(rd()) << 32) ^ rd(),
                           (static_cast<std::uint64_t>(rd()) << 32) ^ rd());
      ::setenv(kTokenEnvironmentVariable, token.c_str(), 1);
    }
    RunOptions o = base;
    o.externalWorkers = true;
    const std::string host = advertisedHost(spec, o);
    o.onListening = [&](std::uint16_t port) {
      broadcast(host + " " + std::to_string(port) + " " + token);
      handedOver = true;
    };
    return runExperimentCommand(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: rank 0: %s\n", e.what());
    // The workers wait for an address that will not come: end the whole job.
    if (!handedOver) MPI_Abort(MPI_COMM_WORLD, 1);
    return 1;
  }
}

int work(int rank) {
  std::istringstream said(broadcast(""));
  WorkerOptions o;
  int port = 0;
  said >> o.host >> port >> o.token;
  o.port = static_cast<std::uint16_t>(port);
  o.rank = rank - 1;
  try {
    return runWorker(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: worker %d (rank %d): %s\n", o.rank, rank, e.what());
    return 1;
  }
}

}  // namespace

int mpiCommand(const RunOptions& options) {
  MPI_Init(nullptr, nullptr);
  int rank = 0, ranks = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  int code = 1;
  if (ranks < 2) {
    if (rank == 0) std::fprintf(stderr, "error: mpi: start it with mpirun -np N+1 (N workers)\n");
  } else {
    code = rank == 0 ? coordinate(options, ranks) : work(rank);
  }
  MPI_Finalize();
  return code;
}

}  // namespace distlab::engine

#else

namespace distlab::engine {

int mpiCommand(const RunOptions&) {
  std::fprintf(stderr,
               "error: this distlab-engine was built without MPI (install libopenmpi-dev and "
               "build again)\n");
  return 1;
}

}  // namespace distlab::engine

#endif
