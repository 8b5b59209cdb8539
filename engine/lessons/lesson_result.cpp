#include "lessons/lesson_result.h"

#include "core/stopwatch.h"
#include "data/load.h"
#include "telemetry/lesson_files.h"

namespace distlab::engine {

ResultColumn numbers(std::string name, std::vector<double> values) {
  return ResultColumn{std::move(name), std::move(values), {}};
}

ResultColumn texts(std::string name, std::vector<std::string> values) {
  return ResultColumn{std::move(name), {}, std::move(values)};
}

void addRow(ResultTable& table, std::initializer_list<double> row) {
  std::size_t c = 0;
  for (double v : row) table.columns[c++].numbers.push_back(v);
}

TrainTest loadLessonData(const Spec& spec, RunContext& context) {
  TrainTest data = loadDataset(spec.dataset, spec.seed);
  context.events.record(DataLoaded{steadyNowNs(), spec.dataset.name, data.train.size(),
                                   data.test.size(), static_cast<int>(data.train.x.cols()),
                                   data.train.numClasses});
  return data;
}

void finishLesson(LessonResult result, RunContext& context) {
  writeLessonFiles(result, context.outDir);
  result.timeNs = steadyNowNs();
  context.events.record(result);
}

}  // namespace distlab::engine
