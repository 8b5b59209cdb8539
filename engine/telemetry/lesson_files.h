#pragma once
#include <string>
#include <vector>

#include "telemetry/events.h"
#include "telemetry/run_tables.h"

namespace distlab::engine {

/// A result table as text cells for a CSV file: numbers in their shortest exact form, NaN as an
/// empty cell.
Table csvTableOf(const ResultTable& table);
/// Writes a lesson's result as files: its tables as DIR/<name>.csv, its images as
/// DIR/<name>.png; returns the file names. Throws Error naming what failed.
std::vector<std::string> writeLessonFiles(const LessonResult& result, const std::string& dir);

}  // namespace distlab::engine
