#include "widgets/runs_panel.h"

#include "widgets/figure_text.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace distlab::widgets {
namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kGroupRole = Qt::UserRole + 1;  ///< true on a group's row

/// Only a run's name is edited in place: its figures are measured, not typed.
class NameOnlyDelegate : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const override {
    return index.column() == RunsPanel::Name
               ? QStyledItemDelegate::createEditor(parent, option, index)
               : nullptr;
  }
};

QIcon swatch(const QColor& color) {
  QPixmap pixmap(14, 14);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setBrush(color);
  painter.setPen(color.darker(130));
  painter.drawRoundedRect(QRectF(1.5, 1.5, 11, 11), 3, 3);
  return QIcon(pixmap);
}

}  // namespace

RunsPanel::RunsPanel(QWidget* parent)
    : QWidget(parent),
      m_tree(new QTreeWidget),
      m_hint(new QLabel),
      m_compare(new QPushButton),
      m_untick(new QPushButton) {
  m_tree->setColumnCount(ColumnCount);
  m_tree->setRootIsDecorated(true);
  m_tree->setUniformRowHeights(true);
  m_tree->setAlternatingRowColors(true);
  m_tree->header()->setStretchLastSection(false);
  m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_tree->header()->setSectionResizeMode(Name, QHeaderView::Stretch);
  m_tree->setItemDelegate(new NameOnlyDelegate(m_tree));
  m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                          QAbstractItemView::SelectedClicked);
  m_hint->setWordWrap(true);
  m_hint->setStyleSheet("color: gray");
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_compare);
  buttons->addWidget(m_untick);
  buttons->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_tree, 1);
  layout->addWidget(m_hint);
  layout->addLayout(buttons);

  connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
    if (m_filling || item->data(Name, kGroupRole).toBool()) return;
    const int id = item->data(Name, kIdRole).toInt();
    if (column == Name) {
      // One signal for a tick, one for a new name: the item cannot say which changed.
      const bool checked = item->checkState(Name) == Qt::Checked;
      if (checked != item->data(Name, Qt::UserRole + 2).toBool()) {
        m_filling = true;
        item->setData(Name, Qt::UserRole + 2, checked);
        m_filling = false;
        updateButtons();
        emit checkedChanged(id, checked);
      }
      // A name is trimmed; an empty one gives the name back.
      const QString kept = item->data(Name, Qt::UserRole + 3).toString();
      const QString text = item->text(Name).trimmed();
      m_filling = true;
      item->setText(Name, text.isEmpty() ? kept : text);
      if (!text.isEmpty()) item->setData(Name, Qt::UserRole + 3, text);
      m_filling = false;
      if (!text.isEmpty() && text != kept) emit renamed(id, text);
    }
  });
  connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item, int column) {
    const int id = item->data(Name, kIdRole).toInt();
    if (item->data(Name, kGroupRole).toBool()) {
      emit groupRequested(id);
    } else if (column != Name) {  // a double-click on the name edits it
      emit showRequested(id);
    }
  });
  connect(m_compare, &QPushButton::clicked, this, [this] { emit compareRequested(checkedRuns()); });
  connect(m_untick, &QPushButton::clicked, this, [this] {
    for (const int id : checkedRuns()) setChecked(id, false);
  });
  retranslate();
  updateButtons();
}

int RunsPanel::addGroup(const QString& name, const QString& path) {
  auto* item = new QTreeWidgetItem;
  const int id = m_nextId++;
  m_filling = true;
  item->setData(Name, kIdRole, id);
  item->setData(Name, kGroupRole, true);
  item->setText(Name, name);
  item->setToolTip(Name, path);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  QFont font = item->font(Name);
  font.setItalic(true);
  item->setFont(Name, font);
  m_tree->addTopLevelItem(item);
  item->setExpanded(true);
  m_filling = false;
  updateButtons();
  return id;
}

int RunsPanel::addRun(const RunRow& row, int group) {
  auto* item = new QTreeWidgetItem;
  const int id = m_nextId++;
  m_filling = true;
  item->setData(Name, kIdRole, id);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                 Qt::ItemIsEditable);
  item->setCheckState(Name, Qt::Unchecked);
  item->setData(Name, Qt::UserRole + 2, false);
  item->setText(Name, row.name);
  item->setData(Name, Qt::UserRole + 3, row.name);
  item->setIcon(Name, swatch(row.color));
  item->setData(Name, Qt::DecorationPropertyRole, row.color);
  if (QTreeWidgetItem* parent = group > 0 ? itemOf(group) : nullptr) {
    parent->addChild(item);
  } else {
    m_tree->addTopLevelItem(item);
  }
  m_filling = false;
  fill(item, row);
  m_tree->scrollToItem(item);
  updateButtons();
  return id;
}

void RunsPanel::updateRun(int id, const RunRow& row) {
  if (QTreeWidgetItem* item = itemOf(id)) fill(item, row);
}

void RunsPanel::fill(QTreeWidgetItem* item, const RunRow& row) {
  m_filling = true;
  item->setText(Settings, row.settings);
  item->setText(Accuracy, figureText(row.accuracy, 4));
  item->setText(Loss, figureText(row.testLoss, 4));
  item->setText(Seconds, figureText(row.seconds, 1));
  item->setText(Bytes, bytesText(row.bytesToServer));
  for (int c = Accuracy; c < ColumnCount; ++c)
    item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
  const QString tip =
      row.failed
          ? tr("%1\nThe run did not complete: its figures are where it stopped.").arg(row.path)
          : row.path;
  for (int c = 0; c < ColumnCount; ++c) {
    item->setToolTip(c, tip);
    item->setForeground(c, row.failed ? QBrush(Qt::darkRed) : QBrush());
  }
  m_filling = false;
}

void RunsPanel::setChecked(int id, bool checked) {
  QTreeWidgetItem* item = itemOf(id);
  if (!item || item->data(Name, kGroupRole).toBool()) return;
  item->setCheckState(Name, checked ? Qt::Checked : Qt::Unchecked);  // itemChanged emits
}

bool RunsPanel::isChecked(int id) const {
  const QTreeWidgetItem* item = itemOf(id);
  return item && item->checkState(Name) == Qt::Checked;
}

QList<int> RunsPanel::checkedRuns() const {
  QList<int> ids;
  for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
    if (!(*it)->data(Name, kGroupRole).toBool() && (*it)->checkState(Name) == Qt::Checked)
      ids.append((*it)->data(Name, kIdRole).toInt());
  }
  return ids;
}

void RunsPanel::setCurrent(int id) {
  m_filling = true;
  for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
    if ((*it)->data(Name, kGroupRole).toBool()) continue;
    QFont font = (*it)->font(Name);
    font.setBold((*it)->data(Name, kIdRole).toInt() == id);
    (*it)->setFont(Name, font);
  }
  m_filling = false;
}

QString RunsPanel::name(int id) const {
  const QTreeWidgetItem* item = itemOf(id);
  return item ? item->text(Name) : QString();
}

QColor RunsPanel::color(int id) const {
  const QTreeWidgetItem* item = itemOf(id);
  return item ? item->data(Name, Qt::DecorationPropertyRole).value<QColor>() : QColor();
}

QList<int> RunsPanel::runsOf(int group) const {
  QList<int> ids;
  if (const QTreeWidgetItem* item = itemOf(group)) {
    for (int i = 0; i < item->childCount(); ++i)
      ids.append(item->child(i)->data(Name, kIdRole).toInt());
  }
  return ids;
}

int RunsPanel::runCount() const {
  int count = 0;
  for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
    count += !(*it)->data(Name, kGroupRole).toBool();
  return count;
}

QTreeWidgetItem* RunsPanel::itemOf(int id) const {
  for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
    if ((*it)->data(Name, kIdRole).toInt() == id) return *it;
  }
  return nullptr;
}

void RunsPanel::updateButtons() {
  const int checked = static_cast<int>(checkedRuns().size());
  m_compare->setEnabled(checked >= 1);
  m_untick->setEnabled(checked >= 1);
  m_hint->setVisible(runCount() == 0);
}

void RunsPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void RunsPanel::retranslate() {
  m_tree->setHeaderLabels({tr("Run"), tr("Settings"), tr("Accuracy"), tr("Test loss"),
                           tr("Time (s)"), tr("Sent to server")});
  m_tree->headerItem()->setToolTip(Name, tr("Tick a run to draw its curves on the training chart; "
                                            "double-click its name to rename it, another column "
                                            "to show it in every view"));
  m_hint->setText(
      tr("The runs of this session and the ones you open (File > Open run) appear "
         "here. Tick them to overlay their curves; Compare puts their figures and "
         "differing settings side by side."));
  m_compare->setText(tr("Compare ticked..."));
  m_untick->setText(tr("Untick all"));
}

}  // namespace distlab::widgets
