#include "widgets/spec_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSet>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "widgets/choice_names.h"

namespace distlab::widgets {
namespace {

using Kind = FormField::Kind;

QJsonValue lookup(const QJsonObject& spec, const QString& path) {
  const QStringList parts = path.split('.');
  if (parts.size() == 1) return spec.value(parts[0]);
  return spec.value(parts[0]).toObject().value(parts[1]);
}

void assign(QJsonObject& spec, const QString& path, const QJsonValue& value) {
  const QStringList parts = path.split('.');
  if (parts.size() == 1) {
    spec.insert(parts[0], value);
    return;
  }
  QJsonObject section = spec.value(parts[0]).toObject();
  section.insert(parts[1], value);
  spec.insert(parts[0], section);
}

QString formatNumber(double value) {
  return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// "3, 1, 1" -> [3, 1, 1]; text that is not a list of numbers is kept as text, so the engine's
// validation names the field and what is allowed.
QJsonValue parseList(const QString& text, bool integers) {
  QJsonArray items;
  for (const QString& part : text.split(',', Qt::SkipEmptyParts)) {
    bool ok = false;
    const double value = part.trimmed().toDouble(&ok);
    if (!ok || (integers && value != static_cast<double>(static_cast<long long>(value)))) {
      return text;
    }
    items.append(integers ? QJsonValue(static_cast<qint64>(value)) : QJsonValue(value));
  }
  return items;
}

QString formatList(const QJsonValue& value) {
  if (!value.isArray()) return value.toString();
  QStringList parts;
  for (const auto& item : value.toArray()) parts << formatNumber(item.toDouble());
  return parts.join(", ");
}

// A number as text (and back): any precision, and text that is not a number goes to the
// engine as it is, for its validation to name.
QJsonValue parseNumber(const QString& text) {
  bool ok = false;
  const double value = text.trimmed().toDouble(&ok);
  return ok ? QJsonValue(value) : QJsonValue(text);
}

QString translated(const QString& english) {
  return english.isEmpty() ? english
                           : QCoreApplication::translate("SpecSchema", english.toUtf8().constData());
}

}  // namespace

SpecForm::SpecForm(QList<FormField> fields, QWidget* parent)
    : QWidget(parent), m_specs(std::move(fields)), m_generalErrors(new QLabel) {
  build();
  retranslate();
  setSpec(QJsonObject());
}

QWidget* SpecForm::makeEditor(const FormField& spec) {
  auto changed = [this] {
    if (!m_filling) emit edited();
  };
  switch (spec.kind) {
    case Kind::Choice: {
      auto* combo = new QComboBox;
      // Each value by its name (set in retranslate()), the spec's id kept as the item's data.
      for (const QString& id : spec.choices) combo->addItem(id, id);
      // A long name is elided when the list is closed, so no list sets the form's width.
      combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
      combo->setMinimumContentsLength(14);
      connect(combo, &QComboBox::currentIndexChanged, this, changed);
      // A choice may show or hide other fields (model_parallel.mode, cluster.partition ...).
      connect(combo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling) showFieldsOfThisSpec();
      });
      return combo;
    }
    case Kind::Integer: {
      auto* spin = new QSpinBox;
      spin->setRange(static_cast<int>(spec.min), static_cast<int>(spec.max));
      connect(spin, &QSpinBox::valueChanged, this, changed);
      // A number may show or hide other fields (fl.local_epochs 0 shows fl.local_steps).
      connect(spin, &QSpinBox::valueChanged, this, [this] {
        if (!m_filling) showFieldsOfThisSpec();
      });
      return spin;
    }
    case Kind::Boolean: {
      auto* check = new QCheckBox;
      connect(check, &QCheckBox::toggled, this, changed);
      return check;
    }
    case Kind::Number:
    case Kind::Text:
    case Kind::List: {
      auto* edit = new QLineEdit;
      connect(edit, &QLineEdit::textEdited, this, changed);
      return edit;
    }
  }
  return nullptr;
}

void SpecForm::build() {
  auto* layout = new QVBoxLayout(this);
  m_generalErrors->setWordWrap(true);
  m_generalErrors->setStyleSheet("color: #c62828;");
  m_generalErrors->hide();
  layout->addWidget(m_generalErrors);
  for (const FormField& spec : m_specs) {
    if (m_groups.isEmpty() || m_groups.back().id != spec.group) {
      Group g;
      g.id = spec.group;
      g.box = new QGroupBox;
      auto* column = new QVBoxLayout(g.box);
      column->addLayout(new QFormLayout);
      layout->addWidget(g.box);
      m_groups.append(g);
    }
    Group& group = m_groups.back();
    auto* column = static_cast<QVBoxLayout*>(group.box->layout());
    if (spec.advanced && !group.advanced) {
      group.more = new QToolButton;
      group.more->setCheckable(true);
      group.more->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
      group.more->setArrowType(Qt::RightArrow);
      group.more->setAutoRaise(true);
      group.advanced = new QWidget;
      group.advanced->setLayout(new QFormLayout);
      group.advanced->layout()->setContentsMargins(0, 0, 0, 0);
      group.advanced->hide();
      QWidget* advanced = group.advanced;
      QToolButton* more = group.more;
      connect(more, &QToolButton::toggled, this, [advanced, more](bool open) {
        advanced->setVisible(open);
        more->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
      });
      column->addWidget(group.more);
      column->addWidget(group.advanced);
    }
    auto* form = static_cast<QFormLayout*>(spec.advanced ? group.advanced->layout()
                                                         : column->itemAt(0)->layout());
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    Field field;
    field.spec = &spec;
    field.label = new QLabel;
    field.error = new QLabel;
    field.error->setWordWrap(true);
    field.error->setStyleSheet("color: #c62828;");
    field.error->hide();
    field.editor = makeEditor(spec);
    field.editor->setObjectName(spec.path);
    if (spec.path == "experiment") {
      if (auto* combo = qobject_cast<QComboBox*>(field.editor)) {
        connect(combo, &QComboBox::currentIndexChanged, this,
                [this, combo] { showFieldsOf(combo->currentData().toString()); });
      }
    }
    auto* cell = new QWidget;
    auto* cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(field.editor);
    cellLayout->addWidget(field.error);
    form->addRow(field.label, cell);
    field.form = form;
    field.cell = cell;
    m_fields.append(field);
  }
  layout->addStretch(1);
}

void SpecForm::retranslate() {
  const QMap<QString, QString> titles = {
      {"general", tr("Experiment")},        {"dataset", tr("Data set")},
      {"model", tr("Model")},               {"training", tr("Training")},
      {"partitioning", tr("Cluster and data partitioning")},
      {"synchronization", tr("Synchronization")},
      {"aggregation", tr("Aggregation")},   {"heterogeneity", tr("Heterogeneity")},
      {"model_partitioning", tr("Model partitioning")},
      {"federated", tr("Federated learning")}, {"security", tr("Security")},
      {"network", tr("Network")},           {"privacy", tr("Privacy")}};
  for (auto& g : m_groups) {
    g.box->setTitle(titles.value(g.id, g.id));
    if (g.more) g.more->setText(tr("More settings"));
  }
  for (auto& field : m_fields) {
    const FormField& spec = *field.spec;
    field.label->setText(translated(spec.label));
    const QString help = translated(spec.help);
    // The path too, so the tooltip says what to write in a spec file.
    const QString tip = help + "\n(" + spec.path + ")";
    field.label->setToolTip(tip);
    field.editor->setToolTip(tip);
    if (auto* combo = qobject_cast<QComboBox*>(field.editor)) {
      for (int i = 0; i < combo->count(); ++i) {
        const QString id = combo->itemData(i).toString();
        combo->setItemText(i, ChoiceNames::itemName(spec.path, id));
        combo->setItemData(i, id, Qt::ToolTipRole);  // what a spec file says
      }
    }
    if (auto* spin = qobject_cast<QSpinBox*>(field.editor); spin && !spec.minMeans.isEmpty()) {
      spin->setSpecialValueText(QCoreApplication::translate("SpecSchema", spec.minMeans.toUtf8().constData()));
    }
  }
}

void SpecForm::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void SpecForm::setSpec(const QJsonObject& spec) {
  m_spec = spec;
  m_filling = true;
  for (const auto& field : m_fields) {
    const QJsonValue value = lookup(spec, field.spec->path);
    show(field, value.isUndefined() ? field.spec->defaultValue : value);
  }
  m_filling = false;
  showFieldsOf(spec.value("experiment").toString("cluster"));
  setErrors({});
}

void SpecForm::showFieldsOfThisSpec() {
  const QWidget* editor = editorFor("experiment");
  const auto* combo = qobject_cast<const QComboBox*>(editor);
  showFieldsOf(combo ? combo->currentData().toString()
                     : m_spec.value("experiment").toString("cluster"));
}

bool SpecForm::conditionsMet(const FormField& spec, const QString& experiment) const {
  // A clause on a field this experiment does not read does not apply: lesson 1 reads
  // cluster.local_steps whatever cluster.sync says, as it has no sync rule.
  bool applies = false;
  for (auto it = spec.shownWhen.begin(); it != spec.shownWhen.end(); ++it) {
    for (const auto& field : m_fields) {
      if (field.spec->path != it.key()) continue;
      const auto& usedBy = field.spec->usedBy;
      if (!usedBy.contains("all") && !usedBy.contains(experiment)) continue;
      applies = true;
      if (it.value().contains(valueOf(field).toVariant().toString())) return true;
    }
  }
  return !applies;
}

void SpecForm::showFieldsOf(const QString& experiment) {
  QSet<QString> visibleGroups;
  for (const auto& field : m_fields) {
    const auto& usedBy = field.spec->usedBy;
    const bool shown = (usedBy.contains("all") || usedBy.contains(experiment)) &&
                       conditionsMet(*field.spec, experiment);
    field.form->setRowVisible(field.cell, shown);
    if (shown) visibleGroups.insert(field.spec->group);
  }
  for (const auto& g : m_groups) g.box->setVisible(visibleGroups.contains(g.id));
}

bool SpecForm::isShown(const QString& path) const {
  for (const auto& field : m_fields) {
    if (field.spec->path != path) continue;
    int row = -1;
    QFormLayout::ItemRole role;
    field.form->getWidgetPosition(field.cell, &row, &role);
    const bool hidden = row >= 0 && !field.form->isRowVisible(row);
    const auto group = std::find_if(m_groups.begin(), m_groups.end(),
                                    [&](const Group& g) { return g.id == field.spec->group; });
    return !hidden && group != m_groups.end() && !group->box->isHidden();
  }
  return false;
}

void SpecForm::show(const Field& field, const QJsonValue& value) {
  if (auto* combo = qobject_cast<QComboBox*>(field.editor)) {
    combo->setCurrentIndex(std::max(0, combo->findData(value.toString())));
  } else if (auto* spin = qobject_cast<QSpinBox*>(field.editor)) {
    spin->setValue(value.toInt());
  } else if (auto* check = qobject_cast<QCheckBox*>(field.editor)) {
    check->setChecked(value.toBool());
  } else if (auto* edit = qobject_cast<QLineEdit*>(field.editor)) {
    if (field.spec->kind == Kind::List) {
      edit->setText(formatList(value));
    } else if (field.spec->kind == Kind::Number && value.isDouble()) {
      edit->setText(formatNumber(value.toDouble()));
    } else if (value.isDouble()) {  // a seed: an integer too large for a spin box
      edit->setText(QString::number(value.toInteger()));
    } else {
      edit->setText(value.toString());
    }
  }
}

QJsonValue SpecForm::valueOf(const Field& field) const {
  if (auto* combo = qobject_cast<QComboBox*>(field.editor)) return combo->currentData().toString();
  if (auto* spin = qobject_cast<QSpinBox*>(field.editor)) return spin->value();
  if (auto* check = qobject_cast<QCheckBox*>(field.editor)) return check->isChecked();
  const QString text = qobject_cast<QLineEdit*>(field.editor)->text();
  switch (field.spec->kind) {
    case Kind::List:
      return parseList(text, field.spec->integers);
    case Kind::Number:
      return parseNumber(text);
    default:
      // A whole number written as text (the seed) goes back as a number.
      if (field.spec->defaultValue.isDouble()) {
        bool ok = false;
        const qint64 n = text.trimmed().toLongLong(&ok);
        if (ok) return QJsonValue(n);
      }
      return text;
  }
}

QJsonObject SpecForm::spec() const {
  QJsonObject spec = m_spec;
  for (const auto& field : m_fields) {
    const QJsonValue value = valueOf(field);
    // A field the spec left out stays out while it shows the default, so a spec keeps its
    // meaning if the engine's defaults change.
    if (lookup(m_spec, field.spec->path).isUndefined() && value == field.spec->defaultValue) {
      continue;
    }
    assign(spec, field.spec->path, value);
  }
  return spec;
}

void SpecForm::setErrors(const QList<QPair<QString, QString>>& errors) {
  QStringList general;
  for (auto& field : m_fields) {
    QStringList mine;
    const bool shown = isShown(field.spec->path);
    for (const auto& [path, message] : errors) {
      if (shown && (path == field.spec->path || path.startsWith(field.spec->path + "["))) {
        mine << message;
      }
    }
    field.error->setText(mine.join('\n'));
    field.error->setVisible(!mine.isEmpty());
    if (!mine.isEmpty() && field.spec->advanced) {
      for (auto& g : m_groups) {
        if (g.id == field.spec->group && g.more) g.more->setChecked(true);
      }
    }
  }
  for (const auto& [path, message] : errors) {
    // A problem of a field the form does not show goes at the top, or nobody would see it.
    const QString fieldPath = path.section('[', 0, 0);
    if (!editorFor(fieldPath) || !isShown(fieldPath)) {
      general << (path.isEmpty() ? message : path + ": " + message);
    }
  }
  m_generalErrors->setText(general.join('\n'));
  m_generalErrors->setVisible(!general.isEmpty());
}

QStringList SpecForm::shownErrors() const {
  QStringList shown;
  for (const auto& field : m_fields) {
    if (!field.error->text().isEmpty()) shown << field.spec->path + ": " + field.error->text();
  }
  if (!m_generalErrors->text().isEmpty()) shown << m_generalErrors->text();
  return shown;
}

QWidget* SpecForm::editorFor(const QString& path) const {
  for (const auto& field : m_fields) {
    if (field.spec->path == path) return field.editor;
  }
  return nullptr;
}

bool SpecForm::choose(const QString& path, const QString& id) {
  auto* combo = qobject_cast<QComboBox*>(editorFor(path));
  const int index = combo ? combo->findData(id) : -1;
  if (index >= 0) combo->setCurrentIndex(index);
  return index >= 0;
}

}  // namespace distlab::widgets
