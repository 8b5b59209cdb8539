// `mpirun -np N+1 distlab-engine mpi SPEC.json --out DIR`: the same spec on the processes MPI
// placed (one machine or a hostfile's), rank 0 the coordinator and parameter server, ranks
// 1..N its workers 0..N-1. MPI starts the processes and carries rank 0's address and the run's
// token. The frames then travel on TCP as in a local run, or, with --frames mpi, as MPI messages
// (comm/mpi_frames.h).
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

#include <memory>
#include <random>
#include <sstream>
#include <vector>

#include "comm/mpi_frames.h"
#include "comm/process_all_reduce.h"
#include "lessons/experiment.h"
#include "lessons/model_parallel/stage_command.h"
#include "modelpar/partition_mode.h"

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

/// Every rank's processor name, on every rank (a collective call).
std::vector<std::string> processorNames(int ranks) {
  char name[MPI_MAX_PROCESSOR_NAME] = {};
  int length = 0;
  MPI_Get_processor_name(name, &length);
  std::vector<char> all(static_cast<std::size_t>(ranks) * MPI_MAX_PROCESSOR_NAME);
  MPI_Allgather(name, MPI_MAX_PROCESSOR_NAME, MPI_CHAR, all.data(), MPI_MAX_PROCESSOR_NAME,
                MPI_CHAR, MPI_COMM_WORLD);
  std::vector<std::string> names;
  for (int r = 0; r < ranks; ++r)
    names.emplace_back(&all[static_cast<std::size_t>(r) * MPI_MAX_PROCESSOR_NAME]);
  return names;
}

/// The workers' own communicator (ranks 1..N, in order), for MPI_Allreduce; a collective call,
/// in which rank 0 takes part and gets none.
MPI_Comm workersOnly(MPI_Comm all, int rank) {
  MPI_Comm workers = MPI_COMM_NULL;
  MPI_Comm_split(all, rank == 0 ? MPI_UNDEFINED : 0, rank, &workers);
  return workers;
}

/// What the ranks share: the run's options, the frames' transport and communicator.
struct Job {
  MpiOptions options;
  MPI_Comm frames = MPI_COMM_NULL;  ///< the run's own communicator for --frames mpi
  std::vector<std::string> hosts;   ///< by rank
  bool mpiFrames() const { return options.frames == "mpi"; }
};

/// Where the workers reach rank 0: its bind address, or its host name when it listens on all.
std::string advertisedHost(const Spec& spec, const RunOptions& o, const std::string& hostName) {
  const std::string bind = o.bind.empty() ? spec.cluster.bind : o.bind;
  return bind == "0.0.0.0" || bind == "::" ? hostName : bind;
}

int coordinate(const Job& job, int ranks) {
  const RunOptions& base = job.options.run;
  bool handedOver = false;
  try {
    const Spec spec = loadSpecFile(base.specPath);
    // A parameter server's workers, or a process group's (all-reduce workers, federated
    // clients' workers, model-parallel stages): the experiment says which.
    const PartitionMode* group = experiments().at(spec.experiment).processMode(spec);
    if (spec.experiment != "cluster" && !group) {
      throw Error(
          "mpi: runs experiments whose workers are processes (cluster, federated, "
          "model_parallel); this spec has experiment \"" +
          spec.experiment + "\"");
    }
    const bool serverless = spec.experiment == "cluster" && group;
    if (!group && spec.cluster.workers != ranks - 1) {
      throw Error("mpi: cluster.workers is " + std::to_string(spec.cluster.workers) +
                  " but mpirun started " + std::to_string(ranks - 1) +
                  " workers besides rank 0: run mpirun -np " +
                  std::to_string(spec.cluster.workers + 1));
    }
    if (group && group->processes(spec) != ranks - 1) {
      const int processes = group->processes(spec);
      throw Error("mpi: this " + spec.experiment + " spec runs " + std::to_string(processes) +
                  " processes besides rank 0 but mpirun started " + std::to_string(ranks - 1) +
                  ": run mpirun -np " + std::to_string(processes + 1));
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
    if (job.mpiFrames() && !group) {
      o.linkPeers = [&job](boost::asio::io_context& io, DecodeLimits limits) {
        return std::make_unique<MpiHub>(io, job.frames, limits, job.hosts);
      };
    }
    const std::string host = advertisedHost(spec, o, job.hosts[0]);
    o.onListening = [&](std::uint16_t port) {
      broadcast(host + " " + std::to_string(port) + " " + token +
                (serverless ? " allreduce"
                 : group    ? " group"
                            : " server"));
      handedOver = true;
      if (serverless) workersOnly(job.frames, 0);  // collective: rank 0 takes part, outside
    };
    if (serverless) {
      std::fprintf(stderr, "mpi: the workers sum their gradients with MPI_Allreduce\n");
    }
    if (group && job.mpiFrames()) {
      std::fprintf(stderr,
                   "mpi: %s talks to its processes over TCP (--frames mpi is for a "
                   "parameter server's workers)\n",
                   spec.experiment.c_str());
    }
    return runExperimentCommand(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: rank 0: %s\n", e.what());
    // The workers wait for an address that will not come: end the whole job.
    if (!handedOver) MPI_Abort(MPI_COMM_WORLD, 1);
    return 1;
  }
}

int work(const Job& job, int rank) {
  std::istringstream said(broadcast(""));
  WorkerOptions o;
  int port = 0;
  std::string sync;
  said >> o.host >> port >> o.token >> sync;
  o.port = static_cast<std::uint16_t>(port);
  o.rank = rank - 1;
  try {
    if (sync == "group") return runStage(o);  // a process of a federated or model-parallel run
    if (sync == "allreduce") {
      // A worker of the all-reduce run (`distlab-engine stage`): rank 0 tests its parameters,
      // MPI sums the gradients.
      MPI_Comm workers = workersOnly(job.frames, rank);
      setProcessAllReduce([workers](std::span<float> values) {
        MPI_Allreduce(MPI_IN_PLACE, values.data(), static_cast<int>(values.size()), MPI_FLOAT,
                      MPI_SUM, workers);
      });
      const int code = runStage(o);
      setProcessAllReduce({});
      MPI_Comm_free(&workers);
      return code;
    }
    if (job.mpiFrames()) {
      o.pipe = [&job] { return std::make_unique<MpiPipe>(job.frames, 0); };
    }
    return runWorker(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: worker %d (rank %d): %s\n", o.rank, rank, e.what());
    return 1;
  }
}

}  // namespace

int mpiCommand(const MpiOptions& options) {
  // Several threads of a rank call MPI with --frames mpi: a worker's heartbeat beside its
  // steps, rank 0's hub beside its start-up.
  int provided = MPI_THREAD_SINGLE;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_MULTIPLE, &provided);
  int rank = 0, ranks = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);
  Job job{options, MPI_COMM_NULL, processorNames(ranks)};
  MPI_Comm_dup(MPI_COMM_WORLD, &job.frames);
  int code = 1;
  if (ranks < 2) {
    if (rank == 0) std::fprintf(stderr, "error: mpi: start it with mpirun -np N+1 (N workers)\n");
  } else if (job.mpiFrames() && provided < MPI_THREAD_MULTIPLE) {
    if (rank == 0) {
      std::fprintf(stderr,
                   "error: mpi: --frames mpi needs an MPI library with MPI_THREAD_MULTIPLE; "
                   "this one gives level %d (use --frames tcp)\n",
                   provided);
    }
  } else {
    code = rank == 0 ? coordinate(job, ranks) : work(job, rank);
    // A rank that failed, or a hub that gave up on a rank still sending, leaves others waiting
    // in MPI (a send to rank 0, an MPI_Allreduce): the job is ended, not finalized. The run
    // folder is written and the reason said by then.
    if (code != 0 || MpiHub::gaveUp()) MPI_Abort(MPI_COMM_WORLD, code != 0 ? code : 1);
  }
  MPI_Comm_free(&job.frames);
  MPI_Finalize();
  return code;
}

}  // namespace distlab::engine

#else

namespace distlab::engine {

int mpiCommand(const MpiOptions&) {
  std::fprintf(stderr,
               "error: this distlab-engine was built without MPI (install libopenmpi-dev and "
               "build again)\n");
  return 1;
}

}  // namespace distlab::engine

#endif
