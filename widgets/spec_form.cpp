#include "widgets/spec_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace distlab::widgets {
namespace {

enum class Kind { Choice, Integer, Number, IntegerList, NumberList, Boolean };

/// One field of the form: where it lives in the spec, how it is edited, and the engine's
/// default (shown when the spec leaves it out).
struct FieldSpec {
  const char* path;
  Kind kind;
  QJsonValue fallback;
  QStringList choices = {};
  double min = 0, max = 0;
  int decimals = 0;
  bool zeroMeansAll = false;  ///< an Integer whose 0 stands for "no limit"
};

const QList<FieldSpec>& fieldSpecs() {
  static const QList<FieldSpec> specs = {
      {"dataset.name",
       Kind::Choice,
       "fashion-mnist",
       {"fashion-mnist", "mnist", "cifar10", "height-weight", "blobs", "spirals"}},
      {"dataset.train_limit", Kind::Integer, 0, {}, 0, 10'000'000, 0, true},
      {"model.arch", Kind::Choice, "mlp", {"mlp", "lenet5", "linear"}},
      {"model.hidden", Kind::IntegerList, QJsonArray{256, 128}},
      {"model.activation", Kind::Choice, "relu", {"relu", "sigmoid", "tanh", "softplus"}},
      {"training.epochs", Kind::Integer, 10, {}, 1, 100000},
      {"training.batch_size", Kind::Integer, 64, {}, 1, 65536},
      {"training.optimizer", Kind::Choice, "sgd", {"sgd", "adam"}},
      {"training.lr", Kind::Number, 0.1, {}, 0.0, 100.0, 4},
      {"cluster.workers", Kind::Integer, 1, {}, 1, 64},
      {"cluster.partition",
       Kind::Choice,
       "shuffle-split",
       {"shuffle-split", "with-replacement", "dirichlet", "shards"}},
      {"cluster.reshuffle_every", Kind::Integer, 1, {}, 1, 100000},
      {"cluster.dirichlet_alpha", Kind::Number, 0.5, {}, 0.001, 1e6, 3},
      {"cluster.sync", Kind::Choice, "bsp", {"bsp", "asp", "ssp", "local-sgd"}},
      {"cluster.staleness", Kind::Integer, 3, {}, 0, 1000},
      {"cluster.local_steps", Kind::Integer, 8, {}, 1, 100000},
      {"cluster.aggregation", Kind::Choice, "weighted-mean", {"weighted-mean", "mean"}},
      {"cluster.eval_every", Kind::Integer, 100, {}, 1, 10'000'000},
      {"cluster.slowdown", Kind::NumberList, QJsonArray{}},
      {"cluster.bandwidth_mbps", Kind::NumberList, QJsonArray{}},
      {"privacy.secure_aggregation", Kind::Boolean, false},
  };
  return specs;
}

const FieldSpec& fieldSpec(const QString& path) {
  for (const auto& f : fieldSpecs()) {
    if (path == f.path) return f;
  }
  return fieldSpecs().front();
}

QJsonValue lookup(const QJsonObject& spec, const QString& path) {
  const QStringList parts = path.split('.');
  return spec.value(parts[0]).toObject().value(parts[1]);
}

void assign(QJsonObject& spec, const QString& path, const QJsonValue& value) {
  const QStringList parts = path.split('.');
  QJsonObject section = spec.value(parts[0]).toObject();
  section.insert(parts[1], value);
  spec.insert(parts[0], section);
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
  for (const auto& item : value.toArray()) parts << QString::number(item.toDouble());
  return parts.join(", ");
}

}  // namespace

SpecForm::SpecForm(QWidget* parent) : QWidget(parent), m_generalErrors(new QLabel) {
  build();
  retranslate();
  setSpec(QJsonObject());
}

void SpecForm::build() {
  auto* layout = new QVBoxLayout(this);
  m_generalErrors->setWordWrap(true);
  m_generalErrors->setStyleSheet("color: #c62828;");
  m_generalErrors->hide();
  layout->addWidget(m_generalErrors);
  for (const auto& paths : {QList<QString>{"dataset.name", "dataset.train_limit"},
                            QList<QString>{"model.arch", "model.hidden", "model.activation"},
                            QList<QString>{"training.epochs", "training.batch_size",
                                           "training.optimizer", "training.lr"},
                            QList<QString>{"cluster.workers", "cluster.partition",
                                           "cluster.reshuffle_every", "cluster.dirichlet_alpha"},
                            QList<QString>{"cluster.sync", "cluster.staleness",
                                           "cluster.local_steps", "cluster.eval_every"},
                            QList<QString>{"cluster.aggregation"},
                            QList<QString>{"cluster.slowdown", "cluster.bandwidth_mbps"},
                            QList<QString>{"privacy.secure_aggregation"}}) {
    layout->addWidget(addGroup(paths));
  }
  layout->addStretch(1);
}

QGroupBox* SpecForm::addGroup(const QList<QString>& paths) {
  auto* group = new QGroupBox;
  auto* form = new QFormLayout(group);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  for (const QString& path : paths) {
    const FieldSpec& spec = fieldSpec(path);
    Field field;
    field.path = path;
    field.label = new QLabel;
    field.error = new QLabel;
    field.error->setWordWrap(true);
    field.error->setStyleSheet("color: #c62828;");
    field.error->hide();
    auto changed = [this] {
      if (!m_filling) emit edited();
    };
    switch (spec.kind) {
      case Kind::Choice: {
        auto* combo = new QComboBox;
        combo->addItems(spec.choices);
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
        field.editor = combo;
        break;
      }
      case Kind::Integer: {
        auto* spin = new QSpinBox;
        spin->setRange(static_cast<int>(spec.min), static_cast<int>(spec.max));
        connect(spin, &QSpinBox::valueChanged, this, changed);
        field.editor = spin;
        break;
      }
      case Kind::Number: {
        auto* spin = new QDoubleSpinBox;
        spin->setDecimals(spec.decimals);
        spin->setRange(spec.min, spec.max);
        spin->setSingleStep(spec.decimals >= 3 ? 0.01 : 0.1);
        connect(spin, &QDoubleSpinBox::valueChanged, this, changed);
        field.editor = spin;
        break;
      }
      case Kind::IntegerList:
      case Kind::NumberList: {
        auto* edit = new QLineEdit;
        connect(edit, &QLineEdit::textEdited, this, changed);
        field.editor = edit;
        break;
      }
      case Kind::Boolean: {
        auto* check = new QCheckBox;
        connect(check, &QCheckBox::toggled, this, changed);
        field.editor = check;
        break;
      }
    }
    field.editor->setObjectName(path);
    auto* cell = new QWidget;
    auto* cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(field.editor);
    cellLayout->addWidget(field.error);
    form->addRow(field.label, cell);
    m_fields.append(field);
  }
  m_groups.append(group);
  return group;
}

void SpecForm::retranslate() {
  const QStringList titles = {tr("Data set"),        tr("Model"),
                              tr("Training"),        tr("Cluster and data partitioning"),
                              tr("Synchronization"), tr("Aggregation"),
                              tr("Heterogeneity"),   tr("Privacy")};
  for (int i = 0; i < m_groups.size(); ++i) m_groups[i]->setTitle(titles.value(i));
  for (const auto& spec : fieldSpecs()) {
    if (!spec.zeroMeansAll) continue;
    if (auto* spin = qobject_cast<QSpinBox*>(editorFor(spec.path)))
      spin->setSpecialValueText(tr("all"));
  }
  // Label and one-sentence tooltip per field, in the lecture's terms.
  const QMap<QString, QPair<QString, QString>> texts = {
      {"dataset.name", {tr("Data set"), tr("The examples every worker learns from.")}},
      {"dataset.train_limit",
       {tr("Training examples"), tr("Use only the first N training examples (0: all of them).")}},
      {"model.arch",
       {tr("Network"), tr("mlp: fully connected layers; lenet5: a small convolutional network; "
                          "linear: one layer (the lecture's linear regression).")}},
      {"model.hidden",
       {tr("Hidden layers"), tr("Units of each hidden layer of the mlp, e.g. 256, 128.")}},
      {"model.activation", {tr("Activation"), tr("The nonlinearity after each hidden layer.")}},
      {"training.epochs", {tr("Epochs"), tr("Passes of every worker over its share of the data.")}},
      {"training.batch_size",
       {tr("Batch size"), tr("Examples in one worker's mini-batch: one gradient per push.")}},
      {"training.optimizer",
       {tr("Optimizer"), tr("How the parameter server turns averaged gradients into a step.")}},
      {"training.lr", {tr("Learning rate"), tr("The step size (lambda in the lecture).")}},
      {"cluster.workers",
       {tr("Workers"), tr("Worker processes; each trains on its own part of the data.")}},
      {"cluster.partition",
       {tr("Data partitioning"),
        tr("shuffle-split: every example goes to exactly one worker; with-replacement: each "
           "worker samples at random, some examples are never seen; dirichlet and shards: "
           "non-IID splits by label.")}},
      {"cluster.reshuffle_every",
       {tr("Reshuffle every"),
        tr("Draw a new split every this many epochs (the lecture's periodic reshuffle).")}},
      {"cluster.dirichlet_alpha",
       {tr("Dirichlet alpha"),
        tr("dirichlet partitioning: small values give each worker few classes (non-IID).")}},
      {"cluster.sync",
       {tr("Synchronization"),
        tr("bsp: a barrier every step; asp: no waiting, updates applied as they come; ssp: "
           "the fastest may run ahead of the slowest by at most the staleness bound; "
           "local-sgd: local steps, then the models are averaged.")}},
      {"cluster.staleness",
       {tr("Staleness bound"), tr("ssp: how many steps a worker may be ahead of the slowest.")}},
      {"cluster.local_steps",
       {tr("Local steps"), tr("local-sgd: steps each worker takes between two model averages.")}},
      {"cluster.aggregation",
       {tr("Combine pushes by"),
        tr("weighted-mean: each worker's update counts by its number of examples (the gradient "
           "of all the data); mean: every worker counts the same, which is wrong when their data "
           "sizes differ.")}},
      {"cluster.eval_every",
       {tr("Evaluate every"), tr("Test the global model after this many server updates.")}},
      {"cluster.slowdown",
       {tr("Slowdown per worker"),
        tr("A straggler: e.g. 3, 1, 1, 1 makes worker 0 compute three times slower (empty: "
           "none).")}},
      {"cluster.bandwidth_mbps",
       {tr("Bandwidth per worker (Mbit/s)"),
        tr("A slow link: e.g. 100, 0, 0, 0 caps worker 0's link (0 or empty: no cap).")}},
      {"privacy.secure_aggregation",
       {tr("Secure aggregation"),
        tr("The workers mask every push with pairwise secrets (X25519 key exchange) that cancel "
           "in the round's sum: the server learns only the aggregate (bsp or local-sgd).")}},
  };
  for (auto& field : m_fields) {
    const auto text = texts.value(field.path);
    field.label->setText(text.first);
    field.label->setToolTip(text.second);
    field.editor->setToolTip(text.second);
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
    const QJsonValue value = lookup(spec, field.path);
    show(field, value.isUndefined() ? fieldSpec(field.path).fallback : value);
  }
  m_filling = false;
  setErrors({});
}

void SpecForm::show(const Field& field, const QJsonValue& value) {
  if (auto* combo = qobject_cast<QComboBox*>(field.editor)) {
    combo->setCurrentIndex(std::max(0, combo->findText(value.toString())));
  } else if (auto* spin = qobject_cast<QSpinBox*>(field.editor)) {
    spin->setValue(value.toInt());
  } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(field.editor)) {
    dspin->setValue(value.toDouble());
  } else if (auto* edit = qobject_cast<QLineEdit*>(field.editor)) {
    edit->setText(formatList(value));
  } else if (auto* check = qobject_cast<QCheckBox*>(field.editor)) {
    check->setChecked(value.toBool());
  }
}

QJsonValue SpecForm::valueOf(const Field& field) const {
  if (auto* combo = qobject_cast<QComboBox*>(field.editor)) return combo->currentText();
  if (auto* spin = qobject_cast<QSpinBox*>(field.editor)) return spin->value();
  if (auto* dspin = qobject_cast<QDoubleSpinBox*>(field.editor)) return dspin->value();
  if (auto* edit = qobject_cast<QLineEdit*>(field.editor)) {
    return parseList(edit->text(), fieldSpec(field.path).kind == Kind::IntegerList);
  }
  if (auto* check = qobject_cast<QCheckBox*>(field.editor)) return check->isChecked();
  return {};
}

QJsonObject SpecForm::spec() const {
  QJsonObject spec = m_spec;
  for (const auto& field : m_fields) {
    const QJsonValue value = valueOf(field);
    // A field the spec left out stays out while it shows the default, so a spec keeps its
    // meaning if the engine's defaults change.
    if (lookup(m_spec, field.path).isUndefined() && value == fieldSpec(field.path).fallback) {
      continue;
    }
    assign(spec, field.path, value);
  }
  return spec;
}

void SpecForm::setErrors(const QList<QPair<QString, QString>>& errors) {
  QStringList general;
  for (auto& field : m_fields) {
    QStringList mine;
    for (const auto& [path, message] : errors) {
      if (path == field.path || path.startsWith(field.path + "[")) mine << message;
    }
    field.error->setText(mine.join('\n'));
    field.error->setVisible(!mine.isEmpty());
  }
  for (const auto& [path, message] : errors) {
    if (!editorFor(path.section('[', 0, 0)))
      general << (path.isEmpty() ? message : path + ": " + message);
  }
  m_generalErrors->setText(general.join('\n'));
  m_generalErrors->setVisible(!general.isEmpty());
}

QStringList SpecForm::shownErrors() const {
  QStringList shown;
  for (const auto& field : m_fields) {
    if (!field.error->isHidden()) shown << field.path + ": " + field.error->text();
  }
  if (!m_generalErrors->isHidden()) shown << m_generalErrors->text();
  return shown;
}

QWidget* SpecForm::editorFor(const QString& path) const {
  for (const auto& field : m_fields) {
    if (field.path == path) return field.editor;
  }
  return nullptr;
}

}  // namespace distlab::widgets
