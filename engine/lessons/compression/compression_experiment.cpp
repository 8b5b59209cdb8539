// Lesson 4b (experiment "compression"): fewer bytes on the wire. The live run trains the spec's
// cluster with its own cluster.encoder; then the same training on the same seed with every other
// update encoder (the biased ones, topk and sign, also with error feedback) and top-k with error
// feedback at each of cluster.sweep_ratios. The table sets each run's test accuracy against
// the bytes its workers pushed and marks the runs no other beats on both (the Pareto front).
#include <algorithm>
#include <cstdio>

#include "core/spec_problems.h"
#include "core/stopwatch.h"
#include "encoders/update_encoder.h"
#include "lessons/cluster/cluster_runs.h"
#include "lessons/experiment.h"
#include "lessons/lesson_result.h"
#include "lessons/run_folder.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {
namespace {

/// One run of the sweep: an encoder, its knob, and whether error feedback is on.
struct Encoding {
  std::string encoder;
  double ratio = 0.0;  ///< topk, randk
  int levels = 0;      ///< qsgd
  bool feedback = false;
  std::string label() const {
    char text[64];
    if (encoder == "topk" || encoder == "randk") {
      std::snprintf(text, sizeof text, "%s-%g", encoder.c_str(), ratio);
    } else if (encoder == "qsgd") {
      std::snprintf(text, sizeof text, "qsgd-%d", levels);
    } else {
      std::snprintf(text, sizeof text, "%s", encoder.c_str());
    }
    return std::string(text) + (feedback ? "+ef" : "");
  }
  /// The spec fields this run sets, for the window's progress line.
  std::vector<StageSetting> settings() const {
    std::vector<StageSetting> out{{"cluster.encoder", encoder}};
    if (encoder == "topk" || encoder == "randk") {
      out.push_back({"cluster.compress_ratio", formatSpecNumber(ratio)});
    }
    if (encoder == "qsgd") out.push_back({"cluster.qsgd_levels", std::to_string(levels)});
    out.push_back({"cluster.error_feedback", feedback ? "true" : "false"});
    return out;
  }
  bool operator==(const Encoding& o) const {
    return encoder == o.encoder && ratio == o.ratio && levels == o.levels && feedback == o.feedback;
  }
};

Encoding encodingOf(const Spec& s) {
  const auto& c = s.cluster;
  const bool sparse = c.encoder == "topk" || c.encoder == "randk";
  return {c.encoder, sparse ? c.compressRatio : 0.0, c.encoder == "qsgd" ? c.qsgdLevels : 0,
          c.errorFeedback};
}

Spec runSpec(const Spec& spec, const Encoding& e) {
  Spec run = spec;
  run.experiment = "cluster";
  run.cluster.encoder = e.encoder;
  if (e.ratio > 0) run.cluster.compressRatio = e.ratio;
  if (e.levels > 0) run.cluster.qsgdLevels = e.levels;
  run.cluster.errorFeedback = e.feedback;
  return run;
}

// Biased encoders that drop much of the update: the ones error feedback is for.
bool feedsBack(const std::string& encoder) { return encoder == "topk" || encoder == "sign"; }

/// The spec's own encoding first, then every encoder at the spec's knobs (the biased ones also
/// with feedback), then top-k with feedback at each sweep ratio; no run twice.
std::vector<Encoding> encodings(const Spec& spec) {
  std::vector<Encoding> out{encodingOf(spec)};
  auto add = [&](const Encoding& e) {
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  };
  for (const auto& name : updateEncoders().names()) {
    Spec s = spec;
    s.cluster.encoder = name;
    s.cluster.errorFeedback = false;
    add(encodingOf(s));
    if (feedsBack(name)) {
      s.cluster.errorFeedback = true;
      add(encodingOf(s));
    }
  }
  for (const double ratio : spec.cluster.sweepRatios) add({"topk", ratio, 0, true});
  // A run this cluster cannot do (a lossy encoder under secure aggregation, feedback on pushed
  // models) is left out with the reason, never run as something else.
  std::vector<Encoding> runnable{out.front()};
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (comparisonRunnable(runSpec(spec, out[i]), out[i].label())) runnable.push_back(out[i]);
  }
  return runnable;
}

/// What a run's workers pushed (on the wire, and the floats it stood for) and its last accuracy.
struct Outcome {
  double pushed = 0, raw = 0, accuracy = 0;
};

Outcome outcomeOf(std::span<const Event> events) {
  Outcome o;
  for (const auto& e : events) {
    if (const auto* t = std::get_if<Traffic>(&e); t && t->message == MessageType::Push) {
      o.pushed += static_cast<double>(t->wireBytes);
      o.raw += static_cast<double>(t->rawBytes);
    } else if (const auto* v = std::get_if<Evaluation>(&e)) {
      o.accuracy = v->testAccuracy;
    }
  }
  return o;
}

class CompressionExperiment final : public Experiment {
 public:
  std::string_view name() const override { return "compression"; }
  bool trainsCluster() const override { return true; }
  bool announcesItself() const override { return true; }

  int run(const Spec& spec, RunContext& context) const override {
    const Stopwatch clock;
    int code = 0;
    if (!runLiveClusterFirst(spec, context, code)) return code;  // failed or stopped
    const auto runs = encodings(spec);
    ResultTable table{"compression",
                      {texts("run"), texts("encoder"), numbers("ratio"), numbers("levels"),
                       numbers("error_feedback"), numbers("bytes_pushed"), numbers("raw_bytes"),
                       numbers("test_accuracy"), numbers("wall_s"), numbers("pareto")}};
    std::vector<Outcome> outcomes;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const Encoding& e = runs[i];
      std::string folder = context.outDir;
      const Stopwatch runClock;
      if (i > 0) {
        context.events.record(LessonStage{steadyNowNs(), "compression", static_cast<int>(i),
                                          static_cast<int>(runs.size()), e.settings(),
                                          spec.cluster.workers});
        const Spec run = runSpec(spec, e);
        folder = prepareRunFolder(run, context.outDir + "/compare/" + e.label());
        runClusterForLesson(run, folder, e.label(), context.token);
      }
      const Outcome o = outcomeOf(readEventsFile(folder + "/events.jsonl"));
      outcomes.push_back(o);
      table.columns[0].texts.push_back(e.label());
      table.columns[1].texts.push_back(e.encoder);
      const double row[] = {e.ratio,  double(e.levels), e.feedback ? 1.0 : 0.0, o.pushed, o.raw,
                            o.accuracy, i == 0 ? clock.seconds() : runClock.seconds()};
      for (std::size_t c = 0; c < std::size(row); ++c) table.columns[c + 2].numbers.push_back(row[c]);
      std::printf("%-16s test accuracy %.4f, %.1f MB pushed (%.1fx fewer bytes)\n",
                  e.label().c_str(), o.accuracy, o.pushed / 1e6,
                  o.pushed > 0 ? o.raw / o.pushed : 0.0);
      std::fflush(stdout);
    }
    // On the front: no other run pushed no more bytes for at least the accuracy, one of them
    // strictly.
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      bool beaten = false;
      for (std::size_t j = 0; j < outcomes.size() && !beaten; ++j) {
        const auto &a = outcomes[i], &b = outcomes[j];
        beaten = j != i && b.pushed <= a.pushed && b.accuracy >= a.accuracy &&
                 (b.pushed < a.pushed || b.accuracy > a.accuracy);
      }
      table.columns[9].numbers.push_back(beaten ? 0.0 : 1.0);
    }
    LessonResult result;
    result.lesson = "compression";
    result.tables.push_back(std::move(table));
    finishLesson(std::move(result), context);
    context.events.record(RunEnded{steadyNowNs(), EndReason::Completed, 0, kServerLane, 0, ""});
    return 0;
  }
};

}  // namespace

std::unique_ptr<Experiment> makeCompressionExperiment() {
  return std::make_unique<CompressionExperiment>();
}

}  // namespace distlab::engine
