#include "app/run_library.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

#include "app/lessons.h"
#include "app/spec_fields.h"
#include "core/spec.h"
#include "core/spec_diff.h"
#include "sweep/sweep_table.h"
#include "telemetry/metrics_table.h"
#include "widgets/choice_names.h"
#include "widgets/figure_text.h"
#include "widgets/run_comparison.h"
#include "widgets/runs_panel.h"
#include "widgets/sweep_chart.h"
#include "widgets/training_chart.h"

namespace distlab::app {
namespace {

// Apart from the current run's own blue, orange and green.
QColor runColor(int i) {
  static const QColor colors[] = {{148, 103, 189}, {140, 86, 75},  {227, 119, 194}, {188, 189, 34},
                                  {23, 190, 207},  {178, 24, 43},  {33, 49, 140},   {0, 109, 91},
                                  {214, 164, 0},   {110, 110, 110}};
  return colors[i % std::size(colors)];
}

engine::MetricsTable metricsOf(const QString& folder) {
  return engine::readMetricsTable((folder + "/metrics.csv").toStdString());
}

QJsonObject specOf(const QString& folder) {
  QFile file(folder + "/spec.json");
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(file.readAll()).object();
}

// A spec value as the diff gives it (compact JSON), without a string's quotes.
QString shownValue(const std::string& json) {
  if (json.empty()) return QStringLiteral("-");
  QString text = QString::fromStdString(json);
  if (text.size() >= 2 && text.startsWith('"') && text.endsWith('"'))
    text = text.mid(1, text.size() - 2);
  return text;
}

std::vector<widgets::TrainingChart::CurvePoint> curveOf(const engine::MetricsTable& m,
                                                        const std::string& column) {
  std::vector<widgets::TrainingChart::CurvePoint> points;
  const int epoch = m.column("epoch"), seconds = m.column("elapsed_s"), value = m.column(column);
  if (epoch < 0 || value < 0) return points;
  for (const auto& row : m.rows) {
    const double v = row[static_cast<std::size_t>(value)];
    if (std::isnan(v)) continue;
    points.push_back({row[static_cast<std::size_t>(epoch)],
                      seconds < 0 ? row[static_cast<std::size_t>(epoch)]
                                  : row[static_cast<std::size_t>(seconds)],
                      v});
  }
  return points;
}

// The figures a sweep's chart offers, as sweep.csv names them.
QList<QPair<QString, QString>> sweepFigureLabels() {
  return {{"test_accuracy", RunLibrary::tr("Test accuracy")},
          {"test_loss", RunLibrary::tr("Test loss")},
          {"elapsed_s", RunLibrary::tr("Wall time (s)")},
          {"samples_per_s", RunLibrary::tr("Samples/s")},
          {"bytes_to_server", RunLibrary::tr("Bytes sent to the server")}};
}

// A folder's path as one string however it was written ("runs/r1/", a link to it...).
QString samePath(const QString& folder) {
  const QFileInfo info(folder);
  const QString canonical = info.canonicalFilePath();
  return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

// The spec with its defaults, as the engine reads it; nothing when it has none or it is not one.
std::optional<engine::Spec> parsedSpec(const QJsonObject& spec) {
  if (spec.isEmpty()) return std::nullopt;
  engine::Spec parsed;
  const auto text = QJsonDocument(spec).toJson(QJsonDocument::Compact).toStdString();
  if (!engine::parseSpec(text, parsed).empty()) return std::nullopt;
  return parsed;
}

// A spec field by its translated label, with its path: "学习率 (training.lr)".
QString fieldTitle(const std::string& path) {
  static const QList<widgets::FormField> fields = specFormFields();
  const QString p = QString::fromStdString(path);
  for (const auto& f : fields) {
    if (f.path == p && !f.label.isEmpty()) {
      return QString("%1 (%2)").arg(
          QCoreApplication::translate("SpecSchema", f.label.toUtf8().constData()), p);
    }
  }
  return p;
}

QDialog* toolWindow(QWidget* parent, const QString& title, QWidget* content) {
  auto* dialog = new QDialog(parent);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(title);
  auto* layout = new QVBoxLayout(dialog);
  layout->addWidget(content, 1);
  return dialog;
}

}  // namespace

RunLibrary::RunLibrary(widgets::TrainingChart* chart, QWidget* window)
    : QObject(window), m_chart(chart), m_window(window), m_panel(new widgets::RunsPanel) {
  connect(m_panel, &widgets::RunsPanel::checkedChanged, this, &RunLibrary::onChecked);
  connect(m_panel, &widgets::RunsPanel::renamed, this, [this](int id, const QString&) {
    if (m_chart->isCompared(id)) onChecked(id, true);  // the legend takes the new name
  });
  connect(m_panel, &widgets::RunsPanel::showRequested, this, [this](int id) {
    if (const auto it = m_runs.find(id); it != m_runs.end()) emit showRequested(it->second.folder);
  });
  connect(m_panel, &widgets::RunsPanel::groupRequested, this, &RunLibrary::showSweep);
  connect(m_panel, &widgets::RunsPanel::compareRequested, this, &RunLibrary::showComparison);
  connect(m_chart, &widgets::TrainingChart::comparisonCleared, this, [this] {
    for (const int id : m_panel->checkedRuns()) m_panel->setChecked(id, false);
  });
}

int RunLibrary::idOf(const QString& folder) const {
  const QString wanted = samePath(folder);
  for (const auto& [id, run] : m_runs) {
    if (samePath(run.folder) == wanted) return id;
  }
  return -1;
}

QString RunLibrary::folderOf(int id) const {
  const auto it = m_runs.find(id);
  return it == m_runs.end() ? QString() : it->second.folder;
}

QString RunLibrary::experimentName(const QString& id) {
  return widgets::ChoiceNames::name("experiment", id);
}

int RunLibrary::addRun(const QString& folder, bool completed, int group) {
  const QJsonObject spec = specOf(folder);
  const engine::MetricsTable metrics = metricsOf(folder);
  widgets::RunRow row;
  if (const auto parsed = parsedSpec(spec); !parsed) {
    row.settings = QStringLiteral("-");  // no spec.json (or not one): nothing to say
  } else if (parsed->experiment == "cluster") {
    row.settings = tr("%1 workers, %2, lr %3, %4 epochs")
                       .arg(parsed->cluster.workers)
                       .arg(widgets::ChoiceNames::name(
                           "cluster.sync", QString::fromStdString(parsed->cluster.sync)))
                       .arg(parsed->training.lr)
                       .arg(parsed->training.epochs);
  } else {
    row.settings = tr("%1: %2 on %3")
                       .arg(experimentName(QString::fromStdString(parsed->experiment)),
                            widgets::ChoiceNames::name(
                                "model.arch", QString::fromStdString(parsed->model.arch)),
                            widgets::ChoiceNames::name(
                                "dataset.name", QString::fromStdString(parsed->dataset.name)));
  }
  row.path = QDir::toNativeSeparators(folder);
  row.accuracy = metrics.last("test_accuracy");
  row.testLoss = metrics.last("test_loss");
  row.seconds = metrics.last("elapsed_s");
  row.bytesToServer = metrics.last("bytes_to_server");
  row.failed = !completed;
  if (const int id = idOf(folder); id >= 0) {
    m_runs[id].spec = spec;
    m_runs[id].completed = completed;
    m_panel->updateRun(id, row);
    if (m_chart->isCompared(id)) onChecked(id, true);
    return id;
  }
  // A shipped lesson's run under its title in the window's language (older runs too).
  row.name = translatedLessonText(spec.value("name").toString(QDir(folder).dirName()));
  if (group >= 0) row.name = QDir(folder).dirName();  // a sweep's run: its point says it all
  row.color = runColor(m_colors++);
  const int id = m_panel->addRun(row, group);
  m_runs[id] = {folder, spec, completed, group};
  return id;
}

int RunLibrary::addSweepGroup(const QString& name, const QString& folder) {
  const int group = m_panel->addGroup(name, QDir::toNativeSeparators(folder));
  m_groups[group] = folder;
  return group;
}

int RunLibrary::addSweep(const QString& folder, QString* error) {
  engine::SweepTable table;
  try {
    table = engine::readSweepTable((folder + "/sweep.csv").toStdString());
  } catch (const std::exception& e) {
    *error = QString::fromUtf8(e.what());
    return -1;
  }
  for (const auto& [group, dir] : m_groups) {
    if (QFileInfo(dir).absoluteFilePath() == QFileInfo(folder).absoluteFilePath()) return group;
  }
  const int group = addSweepGroup(tr("Sweep %1").arg(QDir(folder).dirName()), folder);
  for (const auto& row : table.rows) {
    addRun(folder + '/' + QString::fromStdString(row.folder), row.exitCode == 0, group);
  }
  return group;
}

void RunLibrary::setCurrent(int id) {
  m_current = id;
  m_panel->setCurrent(id);
}

void RunLibrary::onChecked(int id, bool checked) {
  const auto it = m_runs.find(id);
  if (it == m_runs.end()) return;
  if (!checked) {
    m_chart->hideCompared(id);
    return;
  }
  const engine::MetricsTable metrics = metricsOf(it->second.folder);
  m_chart->showCompared(id, m_panel->name(id), m_panel->color(id), curveOf(metrics, "test_loss"),
                        curveOf(metrics, "test_accuracy"));
}

QWidget* RunLibrary::showComparison(const QList<int>& ids) {
  auto* comparison = new widgets::RunComparison;
  QList<widgets::RunComparison::Run> columns;
  std::vector<engine::MetricsTable> metrics;
  std::vector<nlohmann::json> specs;        // of the runs that have one
  std::vector<int> specOf(ids.size(), -1);  // a run's index in specs
  for (qsizetype i = 0; i < ids.size(); ++i) {
    const int id = ids[i];
    columns.append({m_panel->name(id), m_panel->color(id)});
    metrics.push_back(metricsOf(m_runs[id].folder));
    if (m_runs[id].spec.isEmpty()) continue;
    specOf[static_cast<std::size_t>(i)] = static_cast<int>(specs.size());
    specs.push_back(nlohmann::json::parse(
        QJsonDocument(m_runs[id].spec).toJson(QJsonDocument::Compact).toStdString(), nullptr,
        false));
  }
  comparison->setRuns(columns);
  comparison->addSection(tr("Final figures"));
  auto row = [&](const QString& label, auto cell) {
    QStringList cells;
    for (std::size_t i = 0; i < metrics.size(); ++i) cells << cell(i);
    comparison->addRow(label, cells);
  };
  auto last = [&](const QString& label, const char* column, int decimals) {
    row(label,
        [&](std::size_t i) { return widgets::figureText(metrics[i].last(column), decimals); });
  };
  auto bytes = [&](const QString& label, const char* column) {
    row(label, [&](std::size_t i) { return widgets::bytesText(metrics[i].last(column), 2); });
  };
  last(tr("Test accuracy"), "test_accuracy", 4);
  row(tr("Best test accuracy"),
      [&](std::size_t i) { return widgets::figureText(metrics[i].max("test_accuracy"), 4); });
  last(tr("Test loss"), "test_loss", 4);
  last(tr("Training loss"), "train_loss", 4);
  last(tr("Epochs"), "epoch", 2);
  last(tr("Wall time (s)"), "elapsed_s", 1);
  last(tr("Samples/s"), "samples_per_s", 0);
  bytes(tr("Sent to the server"), "bytes_to_server");
  bytes(tr("Sent to the workers"), "bytes_to_workers");
  row(tr("Completed"), [&](std::size_t i) {
    return m_runs[ids[static_cast<int>(i)]].completed ? tr("yes") : tr("no");
  });
  comparison->addSection(tr("Settings that differ"));
  const auto differences = engine::diffSpecs(specs);
  for (const auto& d : differences) {
    QStringList cells;  // "-" for a run without a spec.json
    for (const int s : specOf)
      cells << (s < 0 ? QStringLiteral("-")
                      : widgets::ChoiceNames::name(  // a choice by its name, a number as it is
                            QString::fromStdString(d.field),
                            shownValue(d.values[static_cast<std::size_t>(s)])));
    comparison->addRow(fieldTitle(d.field), cells);
  }
  if (differences.empty()) comparison->addRow(tr("(none)"), {});

  auto* dialog = toolWindow(m_window, tr("Compare runs"), comparison);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  auto* save = buttons->addButton(tr("Save as CSV..."), QDialogButtonBox::ActionRole);
  connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
  connect(save, &QPushButton::clicked, dialog, [dialog, comparison] {
    const QString path = QFileDialog::getSaveFileName(dialog, tr("Save the comparison"),
                                                      "comparison.csv", tr("CSV table (*.csv)"));
    QFile file(path);
    if (!path.isEmpty() && file.open(QIODevice::WriteOnly))
      file.write(comparison->toCsv().toUtf8());
  });
  dialog->layout()->addWidget(buttons);
  dialog->resize(760, 520);
  dialog->show();
  return dialog;
}

QWidget* RunLibrary::showSweep(int group) {
  const auto it = m_groups.find(group);
  if (it == m_groups.end()) return nullptr;
  auto table = std::make_shared<engine::SweepTable>();
  try {
    *table = engine::readSweepTable((it->second + "/sweep.csv").toStdString());
  } catch (const std::exception&) {
    return nullptr;  // a group whose sweep has no table (yet)
  }
  auto* chart = new widgets::SweepChart;
  chart->setFigures(sweepFigureLabels());
  const QString folder = it->second;
  drawSweep(chart, *table);
  connect(chart, &widgets::SweepChart::figureChanged, chart,
          [this, chart, table] { drawSweep(chart, *table); });
  auto* dialog = toolWindow(m_window, tr("Sweep: %1").arg(QDir(folder).dirName()), chart);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  auto* save = buttons->addButton(tr("Save as PNG..."), QDialogButtonBox::ActionRole);
  connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
  connect(save, &QPushButton::clicked, dialog, [dialog, chart] {
    const QString path = QFileDialog::getSaveFileName(dialog, tr("Save the chart"), "sweep.png",
                                                      tr("PNG image (*.png)"));
    if (!path.isEmpty()) chart->grab().save(path);
  });
  dialog->layout()->addWidget(buttons);
  dialog->resize(760, 520);
  dialog->show();
  return dialog;
}

void RunLibrary::drawSweep(widgets::SweepChart* chart, const engine::SweepTable& table) {
  if (table.fields.empty()) return;
  const std::string figure = chart->figure().toStdString();
  const auto points = engine::summarizeSweep(table, figure);
  // x: the first varied field's values in grid order; a curve per value of the second.
  auto curveName = [&](const std::vector<std::string>& values) {
    return table.fields.size() > 1
               ? fieldTitle(table.fields[1]) + " = " + QString::fromStdString(values[1])
               : QString();
  };
  QStringList xs, curveNames;
  for (const auto& row : table.rows) {
    if (const QString x = QString::fromStdString(row.values[0]); !xs.contains(x)) xs << x;
    if (const QString c = curveName(row.values); !curveNames.contains(c)) curveNames << c;
  }
  std::vector<widgets::SweepChart::Curve> curves;
  for (const QString& name : curveNames) {
    curves.push_back({name, std::vector<std::optional<widgets::SweepChart::Point>>(
                                static_cast<std::size_t>(xs.size()))});
  }
  for (const auto& p : points) {
    const auto x = xs.indexOf(QString::fromStdString(p.values[0]));
    const auto c = curveNames.indexOf(curveName(p.values));
    if (x >= 0 && c >= 0) {
      curves[static_cast<std::size_t>(c)].at[static_cast<std::size_t>(x)] =
          widgets::SweepChart::Point{p.mean, p.stddev, p.runs};
    }
  }
  QString yTitle = chart->figure();
  for (const auto& [key, label] : sweepFigureLabels()) {
    if (key == chart->figure()) yTitle = label;
  }
  chart->setData(fieldTitle(table.fields[0]), xs, yTitle, curves);
}

}  // namespace distlab::app
