#pragma once
#include <functional>
#include <span>

namespace distlab::engine {

/// Sums `values` element-wise across every worker of the run, in place.
using SumAllReduce = std::function<void(std::span<float> values)>;

/// The process's own all-reduce, when something process-wide provides one: under mpirun,
/// `distlab-engine mpi` sets MPI_Allreduce over its workers' ranks (MPI is a per-process
/// facility, so this is too). Unset (the default), an all-reduce worker sums over its TCP ring.
void setProcessAllReduce(SumAllReduce allReduce);
const SumAllReduce& processAllReduce();

}  // namespace distlab::engine
