#pragma once
#include <QString>

#include "widgets/privacy_view.h"

namespace distlab::app {

/// Reads the privacy lesson's results from a run folder: reconstruction.png, results.csv,
/// attack.csv and (when present) privacy_utility.csv. false and *error when the first three are
/// missing or malformed.
bool readPrivacyResults(const QString& folder, widgets::PrivacyData* out, QString* error);

}  // namespace distlab::app
