#include "app/privacy_results.h"

#include <QCoreApplication>
#include <QFile>

namespace distlab::app {
namespace {

struct PrivacyResults {
  Q_DECLARE_TR_FUNCTIONS(PrivacyResults)
};

// The rows of one of the engine's CSV files (UTF-8 with a BOM, no quoted cells), no header.
bool rowsOf(const QString& path, int columns, QList<QStringList>* rows, QString* error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *error = PrivacyResults::tr("Cannot read %1").arg(path);
    return false;
  }
  QString text = QString::fromUtf8(file.readAll());
  if (text.startsWith(QChar(0xFEFF))) text.remove(0, 1);
  const QStringList lines = text.split('\n', Qt::SkipEmptyParts);
  for (int i = 1; i < lines.size(); ++i) {
    const QStringList cells = lines[i].trimmed().split(',');
    if (cells.size() != columns) {
      *error = PrivacyResults::tr("%1, line %2: %3 cells, expected %4")
                   .arg(path)
                   .arg(i + 1)
                   .arg(cells.size())
                   .arg(columns);
      return false;
    }
    rows->append(cells);
  }
  return true;
}

}  // namespace

bool readPrivacyResults(const QString& folder, widgets::PrivacyData* out, QString* error) {
  widgets::PrivacyData d;
  QList<QStringList> results, curve, utility;
  if (!rowsOf(folder + "/results.csv", 6, &results, error) ||
      !rowsOf(folder + "/attack.csv", 4, &curve, error)) {
    return false;
  }
  d.grid = QImage(folder + "/reconstruction.png");
  for (const QStringList& r : results) {
    d.images.push_back({r[0].toInt(), r[1].toInt(), r[2].toInt(), r[4].toDouble(), r[5].toDouble()});
  }
  for (const QStringList& c : curve) {
    d.curve.push_back({c[0].toInt(), c[1].toDouble(), c[2].toDouble(), c[3].toDouble()});
  }
  if (QFile::exists(folder + "/privacy_utility.csv")) {
    if (!rowsOf(folder + "/privacy_utility.csv", 5, &utility, error)) return false;
    for (const QStringList& u : utility) {
      d.utility.push_back({u[0], u[1].toDouble(), u[2].toDouble(), u[3].toDouble(), u[4].toDouble()});
    }
  }
  *out = std::move(d);
  return true;
}

}  // namespace distlab::app
