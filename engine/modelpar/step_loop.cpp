#include "modelpar/step_loop.h"

namespace distlab::engine {

void runSteps(const Spec& spec, std::size_t trainExamples, BatchOrder& order, PeerLinks& links,
              StageReporter& reporter, std::span<const float> parameters,
              const std::function<void(std::uint64_t, std::span<const std::size_t>)>& step) {
  const std::uint64_t steps = pipelineSteps(spec, trainExamples);
  const auto evalEvery = static_cast<std::uint64_t>(spec.modelParallel.evalEvery);
  for (std::uint64_t s = 0; s < steps; ++s) {
    step(s, order.next());
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
