#pragma once
#include <QString>
#include <QStringList>

#include <vector>

namespace distlab::app {

// Reports for students: the data behind the views as CSV (the engine's report tables, so the
// window and `distlab-engine run --report` write the same files) and a report folder with a
// report.html that shows the pictures of every view beside the run's summary.

/// The report tables (file names such as "traffic.csv") that hold the data of a cluster view,
/// by the view's name (training, timeline, data, staleness, traffic, cluster).
QStringList tablesOfView(const QString& viewName);

/// Writes one table of the run in runFolder to path: a report table computed from its
/// events.jsonl, or a file the run wrote itself (a lesson's tables and pictures), copied.
bool exportRunTable(const QString& runFolder, const QString& tableFile, const QString& path,
                    QString* error);

/// Writes the run's timeline as Chrome trace-event JSON (telemetry/chrome_trace.h) to path, for
/// Perfetto and chrome://tracing.
bool exportRunTrace(const QString& runFolder, const QString& path, QString* error);

/// A view's pictures already written into the report folder (stem.png and stem.svg).
struct ReportPicture {
  QString stem;       ///< e.g. "timeline"
  QString title;      ///< the view's tab title, in the window's language
  QStringList files;  ///< the tables (and pictures) behind it, linked under it
};

/// Writes into dir every table of the run in runFolder, summary.json, spec.json and report.html
/// (the run's summary, then each picture with its SVG and CSV links). false and *error on
/// failure.
bool writeReportFolder(const QString& runFolder, const QString& dir,
                       const std::vector<ReportPicture>& pictures, QString* error);

}  // namespace distlab::app
