#include "app/report_export.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFile>
#include <QSaveFile>

#include <exception>
#include <map>

#include "app/lessons.h"
#include "core/atomic_file.h"
#include "telemetry/chrome_trace.h"
#include "telemetry/run_tables.h"
#include "widgets/figure_text.h"

namespace distlab::app {
namespace {

// The translation context of this file's messages.
struct ReportExport {
  Q_DECLARE_TR_FUNCTIONS(ReportExport)
};

const std::map<QString, QStringList>& viewTables() {
  static const std::map<QString, QStringList> tables = {
      {"training", {"training.csv"}},
      {"timeline", {"timeline.csv", "events.csv"}},
      {"data", {"data.csv"}},
      {"staleness", {"staleness.csv"}},
      {"traffic", {"traffic.csv", "traffic_by_type.csv"}},
      {"cluster", {"cluster.csv", "events.csv"}},
  };
  return tables;
}

QString summaryHtml(const engine::RunSummary& s, const QString& runFolder) {
  const QString runDate =
      QFileInfo(runFolder + "/spec.json").lastModified().toString("yyyy-MM-dd HH:mm");
  const std::vector<std::pair<QString, QString>> rows = {
      {ReportExport::tr("Experiment"),
       translatedLessonText(QString::fromStdString(s.specName)).toHtmlEscaped()},
      {ReportExport::tr("Run on"), runDate},
      {ReportExport::tr("Final test accuracy"), s.finalAccuracy < 0
                                         ? ReportExport::tr("not evaluated")
                                         : QString::number(s.finalAccuracy * 100.0, 'f', 2) + " %"},
      {ReportExport::tr("Final test loss"),
       s.finalTestLoss < 0 ? ReportExport::tr("not evaluated") : QString::number(s.finalTestLoss, 'f', 4)},
      {ReportExport::tr("Bytes sent (both ways)"),
       widgets::bytesText(static_cast<double>(s.bytesTotal))},
      {ReportExport::tr("Wall time"), QString::number(s.wallSeconds, 'f', s.wallSeconds < 10 ? 2 : 1) + " s"},
      {ReportExport::tr("Workers"), QString::number(s.workers)},
      {ReportExport::tr("Worker deaths"), QString::number(s.deaths)},
      {ReportExport::tr("Updates applied by the server"), QString::number(s.pushesApplied)},
      {ReportExport::tr("Finished"), s.finished ? ReportExport::tr("yes") : ReportExport::tr("no (stopped or still running)")},
  };
  QString html = "<table class=\"summary\">\n";
  for (const auto& [name, value] : rows) {
    html += QString("<tr><th>%1</th><td>%2</td></tr>\n").arg(name, value);
  }
  return html + "</table>\n";
}

}  // namespace

QStringList tablesOfView(const QString& viewName) {
  const auto it = viewTables().find(viewName);
  return it == viewTables().end() ? QStringList() : it->second;
}

bool exportRunTrace(const QString& runFolder, const QString& path, QString* error) {
  try {
    const auto events = engine::readEventsFile((runFolder + "/events.jsonl").toStdString());
    const std::string json = engine::chromeTraceJson(events);
    engine::writeFileAtomically(path.toStdString(),
                                {reinterpret_cast<const std::uint8_t*>(json.data()), json.size()});
    return true;
  } catch (const std::exception& e) {
    *error = ReportExport::tr("Cannot export the trace: %1").arg(QString::fromUtf8(e.what()));
    return false;
  }
}

bool exportRunTable(const QString& runFolder, const QString& tableFile, const QString& path,
                    QString* error) {
  for (const engine::ReportTable& table : engine::reportTables()) {
    if (tableFile != table.fileName) continue;
    try {
      const auto events = engine::readEventsFile((runFolder + "/events.jsonl").toStdString());
      engine::writeCsvFile(table.make(events), path.toStdString());
      return true;
    } catch (const std::exception& e) {
      *error = ReportExport::tr("Cannot export %1: %2").arg(tableFile, QString::fromUtf8(e.what()));
      return false;
    }
  }
  // A table or picture the run wrote itself (a lesson's results): copied.
  const QString source = runFolder + "/" + tableFile;
  const bool own = !tableFile.contains('/') && !tableFile.startsWith('.') &&
                   (tableFile.endsWith(".csv") || tableFile.endsWith(".png"));
  if (own) {
    if (!QFile::exists(source)) {
      *error = ReportExport::tr("This run has no %1").arg(tableFile);
      return false;
    }
    QFile::remove(path);
    if (!QFile::copy(source, path)) {
      *error = ReportExport::tr("Cannot write %1").arg(path);
      return false;
    }
    return true;
  }
  *error = ReportExport::tr("\"%1\" is not a table DistLab writes").arg(tableFile);
  return false;
}

bool writeReportFolder(const QString& runFolder, const QString& dir,
                       const std::vector<ReportPicture>& pictures, QString* error) {
  engine::RunSummary summary;
  try {
    summary = engine::writeRunReport(runFolder.toStdString(), dir.toStdString());
  } catch (const std::exception& e) {
    *error = ReportExport::tr("Cannot write the report: %1").arg(QString::fromUtf8(e.what()));
    return false;
  }
  const QString title =
      ReportExport::tr("DistLab report: %1")
          .arg(translatedLessonText(QString::fromStdString(summary.specName)))
          .toHtmlEscaped();
  QString html = QString(
                     "<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                     "<title>%2</title>\n<style>\n"
                     "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}\n"
                     "table.summary{border-collapse:collapse}\n"
                     "table.summary th,table.summary td{border:1px solid #ccc;padding:4px 12px;"
                     "text-align:left}\n"
                     "img{max-width:100%;border:1px solid #ddd}\nh2{margin-top:2em}\n"
                     "</style>\n</head>\n<body>\n<h1>%2</h1>\n")
                     .arg(ReportExport::tr("en", "the HTML language code of this translation"), title);
  html += summaryHtml(summary, runFolder);
  html += QString("<p>%1 <a href=\"spec.json\">spec.json</a> · <a href=\"summary.json\">"
                  "summary.json</a></p>\n")
              .arg(ReportExport::tr("The experiment and the summary as JSON:"));
  for (const ReportPicture& picture : pictures) {
    html += QString("<h2>%1</h2>\n<img src=\"%2.png\" alt=\"%1\"/>\n<p><a href=\"%2.svg\">SVG</a>")
                .arg(picture.title.toHtmlEscaped(), picture.stem);
    for (const QString& csv : picture.files) {
      html += QString(" · <a href=\"%1\">%1</a>").arg(csv);
    }
    html += "</p>\n";
  }
  html += "</body>\n</html>\n";
  QSaveFile file(dir + "/report.html");
  if (!file.open(QIODevice::WriteOnly) || file.write(html.toUtf8()) < 0 || !file.commit()) {
    *error = ReportExport::tr("Cannot write %1").arg(dir + "/report.html");
    return false;
  }
  return true;
}

}  // namespace distlab::app
