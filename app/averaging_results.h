#pragma once
#include <QString>

#include "widgets/averaging_view.h"

namespace distlab::app {

/// Reads lesson 1's averaging.json (written by `distlab-engine run` on an "averaging" spec) into
/// the values the Averaging view draws. On failure returns false and a sentence in *error.
bool readAveragingResults(const QString& path, widgets::AveragingData* out, QString* error);

}  // namespace distlab::app
