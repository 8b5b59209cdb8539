#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace distlab::app {

/// The rows (header left out) of a CSV table the engine wrote: UTF-8 with a byte-order mark,
/// no quoted cells, `columns` cells a row. false and a sentence in *error otherwise.
bool readEngineCsv(const QString& path, int columns, QList<QStringList>* rows, QString* error);

}  // namespace distlab::app
