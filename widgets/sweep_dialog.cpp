#include "widgets/sweep_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "widgets/choice_names.h"

namespace distlab::widgets {

SweepDialog::SweepDialog(QWidget* parent)
    : QDialog(parent),
      m_repeats(new QSpinBox),
      m_folder(new QLineEdit),
      m_verdict(new QLabel),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
  setWindowTitle(tr("Parameter sweep"));
  auto* form = new QFormLayout;
  for (int a = 0; a < 2; ++a) {
    Axis axis{new QComboBox, new QLineEdit,
              a == 0 ? tr("e.g. 0.01,0.05,0.1") : tr("e.g. bsp,asp")};
    axis.field->setMinimumContentsLength(22);
    showAllowedValues(axis);
    auto* row = new QHBoxLayout;
    row->addWidget(axis.field);
    row->addWidget(axis.values, 1);
    form->addRow(a == 0 ? tr("Vary:") : tr("And vary:"), row);
    connect(axis.field, &QComboBox::currentIndexChanged, this, &SweepDialog::changed);
    connect(axis.field, &QComboBox::currentIndexChanged, this,
            [this, a] { showAllowedValues(m_axes[static_cast<std::size_t>(a)]); });
    connect(axis.values, &QLineEdit::textChanged, this, &SweepDialog::changed);
    m_axes.push_back(axis);
  }
  m_repeats->setRange(1, 20);
  m_repeats->setToolTip(
      tr("Each point runs this many times with seeds seed, seed+1, ...; the "
         "chart shows their mean and standard deviation"));
  form->addRow(tr("Repeats:"), m_repeats);
  auto* browse = new QPushButton(tr("Browse..."));
  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(m_folder, 1);
  folderRow->addWidget(browse);
  form->addRow(tr("Runs go to:"), folderRow);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the sweep's runs"),
                                                          m_folder->text());
    if (!dir.isEmpty()) m_folder->setText(dir);
  });
  connect(m_repeats, &QSpinBox::valueChanged, this, &SweepDialog::changed);
  connect(m_folder, &QLineEdit::textChanged, this, &SweepDialog::changed);
  m_verdict->setWordWrap(true);
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Run sweep"));
  connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  auto* intro =
      new QLabel(tr("The experiment in the Experiment panel runs once for every "
                    "combination of the values below, one run after another; each run "
                    "is kept in its own folder and listed in the Runs panel."));
  intro->setWordWrap(true);
  layout->addWidget(intro);
  layout->addLayout(form);
  layout->addWidget(m_verdict);
  layout->addWidget(m_buttons);
  resize(640, sizeHint().height());
}

void SweepDialog::setFields(const QList<QPair<QString, QString>>& fields) {
  for (std::size_t a = 0; a < m_axes.size(); ++a) {
    const QSignalBlocker blocker(m_axes[a].field);
    m_axes[a].field->clear();
    if (a > 0) m_axes[a].field->addItem(tr("(nothing)"), QString());
    for (const auto& [path, title] : fields) {
      m_axes[a].field->addItem(title.isEmpty() ? path : QString("%1 (%2)").arg(title, path), path);
    }
  }
}

void SweepDialog::setChoices(const QMap<QString, QStringList>& idsOfField) {
  m_choices = idsOfField;
  for (const Axis& axis : m_axes) showAllowedValues(axis);
}

void SweepDialog::showAllowedValues(const Axis& axis) {
  const QString field = axis.field->currentData().toString();
  const QStringList ids = m_choices.value(field);
  QString tip = tr("Values separated by commas; a list in brackets: [64],[128,64]");
  if (ids.isEmpty()) {
    axis.values->setPlaceholderText(axis.example);
  } else {
    QStringList allowed;
    for (const QString& id : ids) allowed << QString("%1 = %2").arg(id, ChoiceNames::name(field, id));
    tip += "\n" + tr("Allowed values:") + "\n" + allowed.join('\n');
    axis.values->setPlaceholderText(tr("e.g. %1").arg(ids.mid(0, 2).join(',')));
  }
  axis.values->setToolTip(tip);
}

void SweepDialog::setAxis(int axis, const QString& field, const QString& values) {
  const Axis& a = m_axes[static_cast<std::size_t>(axis)];
  if (const int i = a.field->findData(field); i >= 0) a.field->setCurrentIndex(i);
  a.values->setText(values);
}

void SweepDialog::setRepeats(int repeats) { m_repeats->setValue(repeats); }
void SweepDialog::setFolder(const QString& folder) { m_folder->setText(folder); }

QStringList SweepDialog::varyOptions() const {
  QStringList options;
  for (const Axis& a : m_axes) {
    const QString field = a.field->currentData().toString();
    if (!field.isEmpty()) options << field + '=' + a.values->text().trimmed();
  }
  return options;
}

int SweepDialog::repeats() const { return m_repeats->value(); }
QString SweepDialog::folder() const { return m_folder->text().trimmed(); }

void SweepDialog::setVerdict(int runs, const QString& problem) {
  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && runs > 0);
  m_verdict->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #c62828"));
  m_verdict->setText(problem.isEmpty() ? tr("%n run(s), one after another.", nullptr, runs)
                                       : problem);
}

}  // namespace distlab::widgets
