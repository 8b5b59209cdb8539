#include "app/aggregation_results.h"

#include <QCoreApplication>
#include <QFile>

#include "app/engine_csv.h"

namespace distlab::app {
namespace {

struct AggregationResults {
  Q_DECLARE_TR_FUNCTIONS(AggregationResults)
};

}  // namespace

bool readAggregationResults(const QString& folder, widgets::AggregationData* out, QString* error) {
  QList<QStringList> summary, curves;
  if (!readEngineCsv(folder + "/aggregation_summary.csv", 6, &summary, error) ||
      !readEngineCsv(folder + "/aggregation.csv", 7, &curves, error)) {
    return false;
  }
  widgets::AggregationData d;
  for (const QStringList& s : summary) {
    widgets::AggregationData::Method m;
    m.name = s[0];
    m.workers = s[1].toInt();
    m.finalAccuracy = s[2].toDouble();
    m.modelParameters = s[3].toLongLong();
    m.bytes = s[4].toDouble();
    m.wallSeconds = s[5].toDouble();
    for (const QStringList& c : curves) {
      if (c[0] != m.name) continue;
      m.curve.push_back({c[1].toInt(), c[2].toDouble(), c[3].toDouble(), c[5].toDouble(),
                         c[6].toDouble()});
    }
    d.methods.push_back(std::move(m));
  }
  if (d.methods.empty()) {
    *error = AggregationResults::tr("%1 holds no results").arg(folder);
    return false;
  }
  *out = std::move(d);
  return true;
}

bool readConvexityResults(const QString& folder, widgets::ConvexityData* out, QString* error) {
  QList<QStringList> rows;
  if (!readEngineCsv(folder + "/convexity.csv", 5, &rows, error)) return false;
  widgets::ConvexityData d;
  for (const QStringList& r : rows) {
    const widgets::ConvexityData::Round round{r[1].toInt(), r[2].toDouble(), r[3].toDouble(),
                                              r[4].toDouble()};
    (r[0] == "common" ? d.commonStart : d.differentStarts).push_back(round);
  }
  if (d.commonStart.empty() || d.differentStarts.empty()) {
    *error = AggregationResults::tr("%1 holds no results").arg(folder);
    return false;
  }
  *out = std::move(d);
  return true;
}

}  // namespace distlab::app
