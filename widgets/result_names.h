#pragma once
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace distlab::widgets {

/// What the window calls the tables, columns and curves of a lesson's typed result
/// (engine::LessonResult), and the ids in its text columns. The run folder's CSV files keep the
/// ids; the window says them in its language. An id without a name is shown as it is.
class ResultNames {
  Q_DECLARE_TR_FUNCTIONS(ResultNames)

 public:
  static QString table(const QString& id);
  /// A column of `table` (the same id may mean different things in different tables).
  static QString column(const QString& table, const QString& id);
  /// A value of a text column: a spec choice (by the field the column holds), a method, or a
  /// lesson's run (lesson 4b's encoders, lesson 8c's protections) as its view names it.
  static QString value(const QString& table, const QString& column, const QString& id);
  /// A yes-or-no column's value (1 or 0: an attacker, on the Pareto front, ...) in words; empty
  /// for any other column or value.
  static QString flag(const QString& column, double value);
  /// A curve of `experiment`'s result: a column's name, a choice, or "start column" pairs.
  static QString curve(const QString& experiment, const QString& id);

  /// Every table and column id that has a name (ResultPaneTest compares them with what the
  /// engine's lessons write).
  static QStringList knownTables();
  static QStringList knownColumns();
  /// The columns named the same in every language (AUC, PSNR (dB), ε, a, b, ...).
  static QStringList symbolColumns();
};

}  // namespace distlab::widgets
