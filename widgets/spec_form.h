#pragma once
#include <QJsonObject>
#include <QMap>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QWidget>

class QGroupBox;
class QLabel;
class QToolButton;

class QFormLayout;

namespace distlab::widgets {

/// One field of the Experiment panel, as the spec's schema declares it (the app builds these from
/// the engine's table; the form holds no field or default of its own).
struct FormField {
  enum class Kind { Choice, Integer, Number, Text, Boolean, List };
  QString path;  ///< JSON path: "training.lr"
  Kind kind = Kind::Text;
  QJsonValue defaultValue;  ///< shown when the spec leaves the field out
  QStringList choices;      ///< Choice: the allowed values
  double min = 0, max = 0;  ///< Integer: the range
  QString minMeans;         ///< Integer: what the minimum stands for ("all"), in English
  bool integers = false;    ///< List: whole numbers only
  QString label, help;      ///< in English; shown translated (context "SpecSchema")
  QString group;            ///< general, dataset, model, training, partitioning, ...
  bool advanced = false;    ///< under the group's "More settings"
  /// The experiments that read it ("all": every one); the form shows only the fields of the
  /// spec's experiment.
  QStringList usedBy{"all"};
  /// Shown only when another field has one of some values: path -> values, any entry enough
  /// (empty: always); e.g. "model_parallel.stages" only for model_parallel.mode "pipeline". An
  /// entry whose field the experiment does not read does not count.
  QMap<QString, QStringList> shownWhen;
};

/// The Experiment panel: every field of the spec in groups (data set, model, training, data
/// partitioning, synchronization, aggregation, heterogeneity, network, privacy), the rarely
/// changed ones folded under each group's "More settings", each with a one-sentence tooltip in
/// the lecture's terms. Works on the spec's JSON; fields left out of the spec stay out while they
/// show their default. Problems found by the engine's validation are shown under their fields.
class SpecForm : public QWidget {
  Q_OBJECT

 public:
  explicit SpecForm(QList<FormField> fields, QWidget* parent = nullptr);

  void setSpec(const QJsonObject& spec);
  /// The spec last set, with every field of the form replaced by what the form shows.
  QJsonObject spec() const;
  /// Shows each (path, message) under the field with that JSON path ("cluster.staleness"), or
  /// at the top for paths the form has no field for; an empty list clears them. A group with a
  /// problem in its folded fields unfolds.
  void setErrors(const QList<QPair<QString, QString>>& errors);
  /// The messages shown now, as "path: message".
  QStringList shownErrors() const;
  /// The editor of a JSON path, or nullptr.
  QWidget* editorFor(const QString& path) const;
  /// Picks a choice field's value by its spec id, as a user picking its name from the list
  /// would; false for a path without a list or an id it does not allow.
  bool choose(const QString& path, const QString& id);
  /// The fields, in the order shown.
  const QList<FormField>& fields() const { return m_specs; }
  /// Is the field at this path shown for the experiment (and the choices) the form holds?
  bool isShown(const QString& path) const;

 signals:
  /// The user changed a field.
  void edited();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Field {
    const FormField* spec = nullptr;
    QWidget* editor = nullptr;
    QLabel* label = nullptr;
    QLabel* error = nullptr;
    QFormLayout* form = nullptr;  ///< the form it is a row of (its group's, or the folded part)
    QWidget* cell = nullptr;      ///< editor and error, the row's field
  };
  struct Group {
    QString id;
    QGroupBox* box = nullptr;
    QToolButton* more = nullptr;  ///< folds the advanced fields (nullptr: none)
    QWidget* advanced = nullptr;
  };
  void build();
  /// Shows the fields (and groups) that this experiment reads and whose conditions (shownWhen)
  /// the form's values meet, hides the others.
  void showFieldsOf(const QString& experiment);
  void showFieldsOfThisSpec();
  bool conditionsMet(const FormField& field, const QString& experiment) const;
  QWidget* makeEditor(const FormField& spec);
  void retranslate();
  QJsonValue valueOf(const Field& field) const;
  void show(const Field& field, const QJsonValue& value);

  QList<FormField> m_specs;
  QJsonObject m_spec;
  QList<Field> m_fields;
  QList<Group> m_groups;
  QLabel* m_generalErrors;
  bool m_filling = false;
};

}  // namespace distlab::widgets
