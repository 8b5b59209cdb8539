#pragma once
#include <initializer_list>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "lessons/experiment.h"
#include "telemetry/events.h"

namespace distlab::engine {

/// The end of an experiment that computed something: its files into the run folder, then the
/// LessonResult event (the window shows it; events.jsonl keeps it).
void finishLesson(LessonResult result, RunContext& context);

/// Loads the spec's data set and reports it (DataLoaded).
TrainTest loadLessonData(const Spec& spec, RunContext& context);

/// A column of numbers.
ResultColumn numbers(std::string name, std::vector<double> values = {});
/// A column of identifiers.
ResultColumn texts(std::string name, std::vector<std::string> values = {});
/// Appends one row of numbers to a table of number columns, column by column.
void addRow(ResultTable& table, std::initializer_list<double> row);

}  // namespace distlab::engine
