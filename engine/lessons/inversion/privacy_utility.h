#pragma once
#include "core/spec.h"
#include "data/dataset.h"
#include "lessons/experiment.h"
#include "telemetry/events.h"

namespace distlab::engine {

/// The privacy-utility table of the spec's defense over privacy.sweep_strengths (none first):
/// the attack's PSNR and SSIM on each defended gradient and the test accuracy of the model
/// trained with that defense, in this process or on a real cluster per strength
/// (privacy.utility_training; OUT/utility/<defense>-<strength>), announced as lesson stages.
ResultTable privacyUtilityTable(const Spec& spec, const TrainTest& data, RunContext& context);

/// `distlab-engine privacy-utility SPEC`: that table alone, as the run's LessonResult.
int runPrivacyUtility(const Spec& spec, RunContext& context);

}  // namespace distlab::engine
