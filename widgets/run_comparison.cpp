#include "widgets/run_comparison.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace distlab::widgets {
namespace {

QString csvCell(QString text) {
  if (!text.contains(',') && !text.contains('"') && !text.contains('\n')) return text;
  return '"' + text.replace('"', "\"\"") + '"';
}

}  // namespace

RunComparison::RunComparison(QWidget* parent) : QWidget(parent), m_table(new QTableWidget) {
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);  // runs side by side
  m_table->setWordWrap(false);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_table);
}

void RunComparison::setRuns(const QList<Run>& runs) {
  m_table->clear();
  m_table->setRowCount(0);
  m_table->setColumnCount(static_cast<int>(runs.size()));
  for (int c = 0; c < runs.size(); ++c) {
    auto* header = new QTableWidgetItem(runs[c].name);
    header->setForeground(runs[c].color.darker(115));
    QFont font = header->font();
    font.setBold(true);
    header->setFont(font);
    m_table->setHorizontalHeaderItem(c, header);
  }
}

void RunComparison::addSection(const QString& title) {
  const int row = m_table->rowCount();
  m_table->insertRow(row);
  auto* heading = new QTableWidgetItem(title);
  QFont font = heading->font();
  font.setBold(true);
  heading->setFont(font);
  heading->setBackground(m_table->palette().alternateBase());
  m_table->setVerticalHeaderItem(row, new QTableWidgetItem(QString()));
  m_table->setItem(row, 0, heading);
  if (m_table->columnCount() > 1) m_table->setSpan(row, 0, 1, m_table->columnCount());
}

void RunComparison::addRow(const QString& label, const QStringList& cells) {
  const int row = m_table->rowCount();
  m_table->insertRow(row);
  m_table->setVerticalHeaderItem(row, new QTableWidgetItem(label));
  const bool differ = cells.size() > 1 && cells.count(cells.first()) != cells.size();
  for (int c = 0; c < cells.size() && c < m_table->columnCount(); ++c) {
    auto* item = new QTableWidgetItem(cells[c]);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont font = item->font();
    font.setBold(differ);
    item->setFont(font);
    m_table->setItem(row, c, item);
  }
}

QString RunComparison::toCsv() const {
  QStringList lines;
  QStringList header{QString()};
  for (int c = 0; c < m_table->columnCount(); ++c)
    header << csvCell(m_table->horizontalHeaderItem(c)->text());
  lines << header.join(',');
  for (int r = 0; r < m_table->rowCount(); ++r) {
    const QTableWidgetItem* label = m_table->verticalHeaderItem(r);
    QStringList cells{csvCell(label ? label->text() : QString())};
    for (int c = 0; c < m_table->columnCount(); ++c) {
      const QTableWidgetItem* item = m_table->item(r, c);
      cells << csvCell(item ? item->text() : QString());
    }
    lines << cells.join(',');
  }
  return lines.join('\n') + '\n';
}

}  // namespace distlab::widgets
