#include "modelpar/step_loop.h"

namespace distlab::engine {

void runSteps(const Spec& spec, std::size_t trainExamples, BatchOrder& order, PeerLinks& links,
              StageReporter& reporter, std::span<const float> parameters,
              const std::function<void(std::uint64_t, std::span<const std::size_t>)>& step) {
  runSteps(pipelineSteps(spec, trainExamples),
           static_cast<std::uint64_t>(spec.modelParallel.evalEvery), links, reporter, parameters,
           [&](std::uint64_t s) { step(s, order.next()); });
}

void runSteps(std::uint64_t steps, std::uint64_t evalEvery, PeerLinks& links,
              StageReporter& reporter, std::span<const float> parameters,
              const std::function<void(std::uint64_t)>& step) {
  for (std::uint64_t s = 0; s < steps; ++s) {
    step(s);
    const bool done = s + 1 == steps;
    if (done) {
      links.drain();
      reporter.sendTelemetry(true);
    }
    if ((s + 1) % evalEvery == 0 || done) reporter.sendParameters(s + 1, parameters);
    reporter.sendTelemetry();
  }
}

}  // namespace distlab::engine
