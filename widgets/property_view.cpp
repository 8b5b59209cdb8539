#include "widgets/property_view.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTableWidget>
#include <QValueAxis>

#include <cmath>

#include "widgets/class_names.h"
#include "widgets/privacy_view.h"

namespace distlab::widgets {
namespace {

const QColor kColours[] = {QColor(198, 40, 40), QColor(239, 108, 0), QColor(251, 192, 45),
                           QColor(46, 125, 50), QColor(21, 101, 192), QColor(106, 27, 154)};

QString number(double value, int decimals) {
  return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

QChartView* viewOf(QChart* chart) {
  chart->legend()->setAlignment(Qt::AlignBottom);
  auto* view = new QChartView(chart);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(240);
  return view;
}

}  // namespace

PropertyView::PropertyView(QWidget* parent)
    : QWidget(parent),
      m_summary(new QLabel),
      m_roc(new QChart),
      m_fpAxis(new QValueAxis),
      m_tpAxis(new QValueAxis),
      m_rounds(new QChart),
      m_roundAxis(new QValueAxis),
      m_scoreAxis(new QValueAxis),
      m_table(new QTableWidget) {
  m_roc->addAxis(m_fpAxis, Qt::AlignBottom);
  m_roc->addAxis(m_tpAxis, Qt::AlignLeft);
  m_fpAxis->setRange(0, 1);
  m_tpAxis->setRange(0, 1);
  m_roc->legend()->hide();  // the table below names the colours: six names do not fit here
  m_rounds->addAxis(m_roundAxis, Qt::AlignBottom);
  m_rounds->addAxis(m_scoreAxis, Qt::AlignLeft);
  m_scoreAxis->setRange(0, 1);
  m_roundAxis->setLabelFormat("%d");
  m_summary->setWordWrap(true);
  m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  auto* layout = new QGridLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(viewOf(m_roc), 0, 0);
  layout->addWidget(viewOf(m_rounds), 0, 1);
  layout->addWidget(m_table, 1, 0);
  layout->addWidget(m_summary, 1, 1);
  layout->setRowStretch(0, 3);
  layout->setRowStretch(1, 2);
  retranslate();
}

QString PropertyView::settingName(const PropertyData::Setting& s) {
  if (s.secure) return tr("secure aggregation");
  if (s.defense == "none" || s.strength <= 0) return tr("no protection");
  if (s.defense == "noise") return tr("noise (std %1)").arg(s.strength);
  return tr("%1 (strength %2)").arg(PrivacyView::defenseName(s.defense)).arg(s.strength);
}

void PropertyView::setData(PropertyData data) {
  m_data = std::move(data);
  rebuildCharts();
  retranslate();
}

void PropertyView::rebuildCharts() {
  m_roc->removeAllSeries();
  auto* chance = new QLineSeries;
  chance->append(0, 0);
  chance->append(1, 1);
  chance->setPen(QPen(Qt::gray, 1, Qt::DashLine));
  m_roc->addSeries(chance);
  int next = 0;
  for (const auto& s : m_data.settings) {
    auto* series = new QLineSeries;
    series->setColor(kColours[next++ % std::size(kColours)]);
    for (const auto& p : s.roc) series->append(p);
    m_roc->addSeries(series);
  }
  for (auto* series : m_roc->series()) {
    series->attachAxis(m_fpAxis);
    series->attachAxis(m_tpAxis);
  }
  m_rounds->removeAllSeries();
  auto* with = new QScatterSeries;
  auto* without = new QScatterSeries;
  with->setColor(kColours[0]);
  without->setColor(kColours[4]);
  for (auto* s : {with, without}) {
    s->setMarkerSize(7);
    s->setBorderColor(Qt::transparent);
  }
  for (std::size_t r = 0; r < m_data.scores.size() && r < m_data.truth.size(); ++r) {
    (m_data.truth[r] ? with : without)->append(static_cast<double>(r), m_data.scores[r]);
  }
  auto* threshold = new QLineSeries;
  threshold->append(0, 0.5);
  threshold->append(std::max<double>(1, m_data.scores.size()), 0.5);
  threshold->setPen(QPen(Qt::gray, 1, Qt::DashLine));
  for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{with, without, threshold}) {
    m_rounds->addSeries(s);
    s->attachAxis(m_roundAxis);
    s->attachAxis(m_scoreAxis);
  }
  m_roundAxis->setRange(0, std::max<double>(1, m_data.scores.size()));
}

void PropertyView::fillTable() {
  m_table->setColumnCount(5);
  m_table->setHorizontalHeaderLabels(
      {tr("Protection"), tr("AUC"), tr("Rounds called right"), tr("Rounds"), tr("Test accuracy")});
  m_table->setRowCount(static_cast<int>(m_data.settings.size()));
  for (int row = 0; row < m_table->rowCount(); ++row) {
    const auto& s = m_data.settings[static_cast<std::size_t>(row)];
    const QString cells[] = {settingName(s), number(s.auc, 3),
                             number(s.attackAccuracy * 100.0, 1) + "%", QString::number(s.rounds),
                             number(s.testAccuracy * 100.0, 1) + "%"};
    for (int c = 0; c < 5; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setForeground(kColours[row % std::size(kColours)].darker(120));
      m_table->setItem(row, c, item);
    }
  }
}

QString PropertyView::summary() const {
  if (m_data.settings.empty()) {
    return tr("The server keeps every push of one worker and guesses, from each, whether its "
              "batch held a given class: something the task never asked for. Run lesson 8c.");
  }
  const auto& first = m_data.settings.front();
  QString text = tr("Property: the victim's batch holds an example of class %1 (%2% of its %3 "
                    "batches did).")
                     .arg(className(m_data.dataset, m_data.propertyClass))
                     .arg(first.propertyShare * 100.0, 0, 'f', 0)
                     .arg(first.rounds);
  text += "\n\n" + tr("The server trained a meta-classifier on gradients of its own images, with "
                      "and without the class, at each round's parameters, and scored the "
                      "victim's pushes: AUC %1 with %2 (0.5 is a guess, 1 knows every batch).")
                       .arg(number(first.auc, 3), settingName(first));
  // The accuracy to compare with is the unprotected run's, wherever it is in the list.
  const PropertyData::Setting* plain = nullptr;
  for (const auto& s : m_data.settings) {
    if (!s.secure && (s.defense == "none" || s.strength <= 0)) plain = &s;
  }
  for (std::size_t i = 1; i < m_data.settings.size(); ++i) {
    const auto& s = m_data.settings[i];
    text += "\n" + (plain ? tr("With %1: AUC %2, test accuracy %3% (%4% unprotected).")
                                 .arg(settingName(s), number(s.auc, 3),
                                      number(s.testAccuracy * 100.0, 1),
                                      number(plain->testAccuracy * 100.0, 1))
                           : tr("With %1: AUC %2, test accuracy %3%.")
                                 .arg(settingName(s), number(s.auc, 3),
                                      number(s.testAccuracy * 100.0, 1)));
  }
  return text;
}

void PropertyView::retranslate() {
  m_roc->setTitle(tr("The attack's ROC curve, a colour a row (dashed: guessing)"));
  m_fpAxis->setTitleText(tr("false positive rate"));
  m_tpAxis->setTitleText(tr("true positive rate"));
  const auto rocSeries = m_roc->series();
  if (!rocSeries.isEmpty()) rocSeries.front()->setName(tr("guessing"));
  for (int i = 1; i < rocSeries.size(); ++i) {
    const auto& s = m_data.settings[static_cast<std::size_t>(i - 1)];
    rocSeries[i]->setName(tr("%1, AUC %2").arg(settingName(s), number(s.auc, 2)));
  }
  m_rounds->setTitle(tr("The victim's rounds as the server scored them (first run)"));
  m_roundAxis->setTitleText(tr("round"));
  m_scoreAxis->setTitleText(tr("P(batch holds the class)"));
  const auto roundSeries = m_rounds->series();
  if (roundSeries.size() == 3) {
    roundSeries[0]->setName(tr("batch held the class"));
    roundSeries[1]->setName(tr("batch did not"));
    roundSeries[2]->setName(tr("threshold"));
  }
  fillTable();
  m_summary->setText(summary());
}

void PropertyView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace distlab::widgets
