#pragma once
#include <QString>

#include "widgets/privacy_view.h"

namespace distlab::app {

/// Keeps a push the server captured beyond its run (the window's run folder is replaced by the
/// next run): copies RUN/<relative> (captures/worker-K-step-S, or capture for the spec's
/// privacy.capture_worker) into `storeRoot`/<time>-<name>-worker-K-step-S and reads the run's
/// spec from it. False and a sentence in *error when that fails.
bool keepCapture(const QString& runFolder, const QString& relative, const QString& storeRoot,
                 widgets::CapturedPush* out, QString* error);

/// How many captures the window keeps and offers.
inline constexpr int kKeptCaptures = 20;

/// Where the window keeps captures: <application data>/captures.
QString captureStoreRoot();

/// The captures kept under storeRoot, oldest first, at most the newest `limit` (a window offers
/// them again after a restart); unreadable folders are skipped.
std::vector<widgets::CapturedPush> keptCaptures(const QString& storeRoot, int limit);

/// Deletes all but the newest `keep` captures under storeRoot (each holds a model and a
/// gradient, megabytes for a large model).
void pruneCaptures(const QString& storeRoot, int keep);

}  // namespace distlab::app
