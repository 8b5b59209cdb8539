#pragma once
#include <QDialog>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <vector>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace distlab::widgets {

/// The window's side of `distlab-engine sweep`: the fields to vary (one or two) with their
/// values, the repeats and the folder the runs go to. It only gathers and shows: the window
/// checks the grid (setVerdict) whenever it changes and starts the runs on Accept.
class SweepDialog : public QDialog {
  Q_OBJECT

 public:
  explicit SweepDialog(QWidget* parent = nullptr);

  /// The spec fields a sweep may vary (dotted path, title in the window's language), in the
  /// order to offer them.
  void setFields(const QList<QPair<QString, QString>>& fields);
  /// The ids a choice field allows, shown with their names under its values box (the form
  /// shows names only; a sweep is written in ids).
  void setChoices(const QMap<QString, QStringList>& idsOfField);
  /// Sets an axis (0 or 1): its field ("" for none on the second) and values ("0.01,0.05").
  void setAxis(int axis, const QString& field, const QString& values);
  void setRepeats(int repeats);
  void setFolder(const QString& folder);

  /// "FIELD=V1,V2" per axis in use, as --vary takes them.
  QStringList varyOptions() const;
  int repeats() const;
  QString folder() const;
  /// What the window found: how many runs, or a problem (then Run is disabled).
  void setVerdict(int runs, const QString& problem);

  QComboBox* fieldBox(int axis) const { return m_axes[static_cast<std::size_t>(axis)].field; }
  QLineEdit* valuesEdit(int axis) const { return m_axes[static_cast<std::size_t>(axis)].values; }

 signals:
  /// Anything changed: check the grid again.
  void changed();

 private:
  struct Axis {
    QComboBox* field;
    QLineEdit* values;
    QString example;  ///< the values box's placeholder for a field without a list
  };
  void showAllowedValues(const Axis& axis);

  std::vector<Axis> m_axes;
  QMap<QString, QStringList> m_choices;
  QSpinBox* m_repeats;
  QLineEdit* m_folder;
  QLabel* m_verdict;
  QDialogButtonBox* m_buttons;
};

}  // namespace distlab::widgets
