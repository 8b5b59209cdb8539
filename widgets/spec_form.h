#pragma once
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QWidget>

class QGroupBox;
class QLabel;

namespace distlab::widgets {

/// The Experiment panel: the spec's most used fields in groups (data set, model, training,
/// cluster and data partitioning, synchronization, heterogeneity), each with a one-sentence
/// tooltip in the lecture's terms. Works on the spec's JSON; fields it does not show are kept as
/// they are. Problems found by the engine's validation are shown under their fields.
class SpecForm : public QWidget {
  Q_OBJECT

 public:
  explicit SpecForm(QWidget* parent = nullptr);

  void setSpec(const QJsonObject& spec);
  /// The spec last set, with every field of the form replaced by what the form shows.
  QJsonObject spec() const;
  /// Shows each (path, message) under the field with that JSON path ("cluster.staleness"), or
  /// at the top for paths the form has no field for; an empty list clears them.
  void setErrors(const QList<QPair<QString, QString>>& errors);
  /// The messages shown now, as "path: message".
  QStringList shownErrors() const;
  /// The editor of a JSON path, or nullptr.
  QWidget* editorFor(const QString& path) const;

 signals:
  /// The user changed a field.
  void edited();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct Field {
    QString path;
    QWidget* editor = nullptr;
    QLabel* label = nullptr;
    QLabel* error = nullptr;
  };
  void build();
  QGroupBox* addGroup(const QList<QString>& paths);
  void retranslate();
  QJsonValue valueOf(const Field& field) const;
  void show(const Field& field, const QJsonValue& value);

  QJsonObject m_spec;
  QList<Field> m_fields;
  QList<QGroupBox*> m_groups;
  QLabel* m_generalErrors;
  bool m_filling = false;
};

}  // namespace distlab::widgets
