#pragma once
#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QTableWidget;

namespace distlab::widgets {

/// Runs side by side: a column per run (its name in its colour), rows of figures grouped in
/// sections, cells that differ across the runs in bold. Filled with text by the window.
class RunComparison : public QWidget {
  Q_OBJECT

 public:
  struct Run {
    QString name;
    QColor color;
  };

  explicit RunComparison(QWidget* parent = nullptr);
  /// Starts a new table with these runs as its columns.
  void setRuns(const QList<Run>& runs);
  /// A heading row spanning the table.
  void addSection(const QString& title);
  /// A row: its label and a cell per run.
  void addRow(const QString& label, const QStringList& cells);
  /// The table as CSV (sections as rows of their own), for a report.
  QString toCsv() const;
  QTableWidget* table() const { return m_table; }

 private:
  QTableWidget* m_table;
};

}  // namespace distlab::widgets
