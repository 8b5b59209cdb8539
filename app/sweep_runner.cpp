#include "app/sweep_runner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>

#include "app/event_text.h"
#include "core/spec.h"

namespace distlab::app {
namespace {

constexpr std::size_t kMaxRuns = 200;  // a sweep beyond this is a mistake more often than a plan

nlohmann::json toJson(const QJsonObject& spec) {
  return nlohmann::json::parse(QJsonDocument(spec).toJson(QJsonDocument::Compact).toStdString(),
                               nullptr, false);
}

}  // namespace

std::vector<engine::SweepAxis> SweepRunner::axesOf(const QStringList& vary, QString* problem) {
  std::vector<engine::SweepAxis> axes;
  for (const QString& option : vary) {
    const QString field = option.section('=', 0, 0);
    const QString values = option.section('=', 1);
    if (values.trimmed().isEmpty()) {
      *problem = tr("Give the values of %1, separated by commas.").arg(field);
      return {};
    }
    try {
      axes.push_back(engine::parseVary(option.toStdString()));
    } catch (const std::exception&) {
      *problem = tr("%1: \"%2\" are not values this field takes (numbers, true or false, "
                    "[lists] or the field's choices, separated by commas).")
                     .arg(field, values);
      return {};
    }
  }
  for (std::size_t a = 1; a < axes.size(); ++a) {
    if (axes[a].field == axes[0].field) {
      *problem = tr("%1 is varied twice: vary two different fields.")
                     .arg(QString::fromStdString(axes[a].field));
      return {};
    }
  }
  return axes;
}

SweepRunner::Check SweepRunner::check(const QJsonObject& spec, const QStringList& vary, int repeats,
                                      const QString& folder) {
  Check c;
  if (vary.isEmpty()) {
    c.problem = tr("Choose a field to vary.");
    return c;
  }
  const auto axes = axesOf(vary, &c.problem);
  if (!c.problem.isEmpty()) return c;
  // Counted first: a grid of thousands is refused before any point is expanded and checked.
  std::size_t runs = static_cast<std::size_t>(std::max(repeats, 1));
  for (const auto& a : axes) runs *= std::max<std::size_t>(a.values.size(), 1);
  if (runs > kMaxRuns) {
    c.problem = tr("%1 runs are too many for one sweep (at most %2): use fewer values or "
                   "repeats.")
                    .arg(runs)
                    .arg(kMaxRuns);
    return c;
  }
  const auto problems = engine::sweepProblems(toJson(spec), axes);
  if (!problems.empty()) {
    c.problem = tr("Not a valid experiment at %1: %2")
                    .arg(QString::fromStdString(problems.front().point),
                         EventText::specError(problems.front().error));
    return c;
  }
  c.runs = static_cast<int>(runs);
  if (folder.isEmpty()) {
    c.problem = tr("Choose the folder the runs go to.");
  } else if (QFileInfo::exists(folder + "/sweep.csv")) {
    c.problem = tr("%1 holds a sweep already: choose another folder, so nothing of it is "
                   "overwritten.")
                    .arg(QDir::toNativeSeparators(folder));
  }
  return c;
}

bool SweepRunner::start(const QJsonObject& spec, const QStringList& vary, int repeats,
                        const QString& folder, QString* problem) {
  m_axes = axesOf(vary, problem);
  if (!problem->isEmpty()) return false;
  try {
    m_runs = engine::sweepRuns(toJson(spec), m_axes, repeats);
    if (!QDir().mkpath(folder)) throw std::runtime_error("mkpath");
    m_table =
        std::make_unique<engine::SweepTableWriter>((folder + "/sweep.csv").toStdString(), m_axes);
  } catch (const std::exception&) {
    *problem = tr("The sweep's folder %1 cannot be written.").arg(QDir::toNativeSeparators(folder));
    m_table.reset();
    return false;
  }
  m_folder = folder;
  m_next = m_done = 0;
  m_clock.start();
  return true;
}

std::optional<SweepRunner::Run> SweepRunner::next() {
  if (!m_table) return std::nullopt;
  if (m_next >= m_runs.size()) {
    m_table.reset();  // over: the table is complete
    return std::nullopt;
  }
  const engine::SweepRun& run = m_runs[m_next];
  Run r;
  r.spec = QByteArray::fromStdString(engine::specToString(run.spec));
  r.folder = m_folder + '/' + QString::fromStdString(run.name);
  r.index = static_cast<int>(m_next);
  r.total = static_cast<int>(m_runs.size());
  QDir().mkpath(r.folder);
  QFile copy(r.folder + "/sweep-spec.json");  // as the command line's sweep keeps it
  if (copy.open(QIODevice::WriteOnly)) copy.write(r.spec);
  ++m_next;
  return r;
}

void SweepRunner::finished(int exitCode) {
  if (!m_table || m_next == 0) return;
  const engine::SweepRun& run = m_runs[m_next - 1];
  m_table->add(m_next - 1, run, exitCode,
               (m_folder + '/' + QString::fromStdString(run.name)).toStdString());
  ++m_done;
}

void SweepRunner::cancel() { m_table.reset(); }

std::optional<double> SweepRunner::secondsLeft() const {
  if (m_done == 0) return std::nullopt;
  const double each = static_cast<double>(m_clock.elapsed()) / 1000.0 / static_cast<double>(m_done);
  return each * static_cast<double>(m_runs.size() - m_done);
}

}  // namespace distlab::app
