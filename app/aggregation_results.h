#pragma once
#include <QString>

#include "widgets/aggregation_view.h"
#include "widgets/convexity_view.h"

namespace distlab::app {

/// Reads lesson 5's aggregation.csv and aggregation_summary.csv from a run folder. On failure
/// returns false and a sentence in *error.
bool readAggregationResults(const QString& folder, widgets::AggregationData* out, QString* error);

/// Reads the convexity study's convexity.csv from a run folder.
bool readConvexityResults(const QString& folder, widgets::ConvexityData* out, QString* error);

}  // namespace distlab::app
