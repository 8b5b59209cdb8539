#include "widgets/privacy_comparison_table.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace distlab::widgets {

PrivacyComparisonTable::PrivacyComparisonTable(QWidget* parent)
    : QWidget(parent), m_title(new QLabel), m_table(new QTableWidget) {
  m_title->setWordWrap(true);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_title);
  layout->addWidget(m_table, 1);
  fill();
}

void PrivacyComparisonTable::setRows(std::vector<PrivacyComparisonRow> rows) {
  m_rows = std::move(rows);
  fill();
}

QString PrivacyComparisonTable::protectionName(const QString& id) {
  if (id == "none") return tr("No protection");
  if (id == "dp-local") return tr("Local DP (each client adds noise)");
  if (id == "dp-central") return tr("Central DP (the server adds noise)");
  if (id == "secagg") return tr("Secure aggregation");
  if (id == "secagg-dp-central") return tr("Secure aggregation + central DP");
  if (id == "paillier") return tr("Paillier encryption (one round measured)");
  return id;
}

QString PrivacyComparisonTable::learnsName(const QString& id) {
  if (id == "each_update") return tr("every client's update");
  if (id == "each_noisy_update") return tr("every client's update, noised");
  if (id == "sum") return tr("only the sum of the round's updates");
  return id;
}

void PrivacyComparisonTable::fill() {
  m_title->setText(tr("The same rounds under each protection of the updates: what the server "
                      "learns from a client, and what the protection costs"));
  const QStringList headers = {tr("Protection"),         tr("The server learns"),
                               tr("Test accuracy"),      tr("ε"),
                               tr("KB up per client"),   tr("KB down per client"),
                               tr("Server ms per round"), tr("Seconds per round")};
  m_table->setColumnCount(static_cast<int>(headers.size()));
  m_table->setHorizontalHeaderLabels(headers);
  m_table->setRowCount(static_cast<int>(m_rows.size()));
  for (int r = 0; r < static_cast<int>(m_rows.size()); ++r) {
    const auto& row = m_rows[static_cast<std::size_t>(r)];
    const QString cells[] = {protectionName(row.protection),
                             learnsName(row.serverLearns),
                             std::isnan(row.accuracy)
                                 ? QStringLiteral("\u2014")
                                 : QString::number(row.accuracy * 100.0, 'f', 1) + "%",
                             row.epsilon > 0 ? QString::number(row.epsilon, 'f', 2) : tr("none"),
                             QString::number(row.bytesUp / 1024.0, 'f', 0),
                             QString::number(row.bytesDown / 1024.0, 'f', 0),
                             QString::number(row.serverMs, 'f', 1),
                             QString::number(row.secondsPerRound, 'f', 2)};
    for (int c = 0; c < static_cast<int>(std::size(cells)); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (c >= 2) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      m_table->setItem(r, c, item);
    }
  }
}

void PrivacyComparisonTable::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) fill();
  QWidget::changeEvent(event);
}

}  // namespace distlab::widgets
