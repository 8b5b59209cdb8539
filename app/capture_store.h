#pragma once
#include <QString>

#include "widgets/privacy_view.h"

namespace distlab::app {

/// Keeps a push the server captured beyond its run (the window's run folder is replaced by the
/// next run): copies RUN/<relative> (captures/worker-K-step-S) into `storeRoot`/<time>-<name>
/// and reads the run's spec from it. False and a sentence in *error when that fails.
bool keepCapture(const QString& runFolder, const QString& relative, const QString& storeRoot,
                 widgets::CapturedPush* out, QString* error);

/// Where the window keeps captures: <application data>/captures.
QString captureStoreRoot();

}  // namespace distlab::app
