#include "comm/process_all_reduce.h"

namespace distlab::engine {
namespace {

SumAllReduce& theAllReduce() {
  static SumAllReduce allReduce;
  return allReduce;
}

}  // namespace

void setProcessAllReduce(SumAllReduce allReduce) { theAllReduce() = std::move(allReduce); }

const SumAllReduce& processAllReduce() { return theAllReduce(); }

}  // namespace distlab::engine
