#include "app/engine_csv.h"

#include <QCoreApplication>
#include <QFile>

namespace distlab::app {
namespace {

struct EngineCsv {
  Q_DECLARE_TR_FUNCTIONS(EngineCsv)
};

}  // namespace

bool readEngineCsv(const QString& path, int columns, QList<QStringList>* rows, QString* error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    *error = EngineCsv::tr("Cannot read %1").arg(path);
    return false;
  }
  QString text = QString::fromUtf8(file.readAll());
  if (text.startsWith(QChar(0xFEFF))) text.remove(0, 1);
  const QStringList lines = text.split('\n', Qt::SkipEmptyParts);
  for (int i = 1; i < lines.size(); ++i) {
    const QStringList cells = lines[i].trimmed().split(',');
    if (cells.size() != columns) {
      *error = EngineCsv::tr("%1, line %2: %3 cells, expected %4")
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

}  // namespace distlab::app
