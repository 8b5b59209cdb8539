#include "widgets/data_view.h"

#include "widgets/class_names.h"
#include "widgets/client_shares_plot.h"
#include "widgets/palette.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLabel>
#include <QStackedBarSeries>
#include <QStackedLayout>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace distlab::widgets {

DataView::DataView(QWidget* parent)
    : QWidget(parent),
      m_chart(new QChart),
      m_series(new QStackedBarSeries),
      m_workersAxis(new QBarCategoryAxis),
      m_countAxis(new QValueAxis),
      m_summary(new QLabel),
      m_clients(new ClientSharesPlot),
      m_pages(new QStackedLayout) {
  m_chart->addSeries(m_series);
  m_chart->addAxis(m_workersAxis, Qt::AlignBottom);
  m_chart->addAxis(m_countAxis, Qt::AlignLeft);
  m_series->attachAxis(m_workersAxis);
  m_series->attachAxis(m_countAxis);
  m_countAxis->setLabelFormat("%d");
  m_chart->legend()->setAlignment(Qt::AlignRight);
  auto* view = new QChartView(m_chart);
  view->setRenderHint(QPainter::Antialiasing);
  m_summary->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(m_summary);
  m_pages->addWidget(view);
  m_pages->addWidget(m_clients);
  layout->addLayout(m_pages, 1);
  retranslate();
}

void DataView::setWorker(int worker, const std::vector<std::size_t>& labelCounts, std::size_t size,
                         std::size_t distinct, double unseenFraction) {
  if (worker < 0) return;
  if (static_cast<std::size_t>(worker) >= m_workers.size()) {
    m_workers.resize(static_cast<std::size_t>(worker) + 1);
  }
  m_workers[static_cast<std::size_t>(worker)] = {labelCounts, size, distinct, unseenFraction};
  rebuild();
}

void DataView::setUnusedFraction(double fraction) {
  m_unused = fraction;
  retranslate();
}

void DataView::setClientShares(int classes, std::vector<std::uint64_t> counts) {
  m_clients->setShares(classes, std::move(counts));
  m_pages->setCurrentWidget(m_clients);
  retranslate();
}

bool DataView::showsClients() const { return m_pages->currentWidget() == m_clients; }

void DataView::clear() {
  m_workers.clear();
  m_unused = -1.0;
  m_clients->clear();
  m_pages->setCurrentIndex(0);
  rebuild();
}

void DataView::setDataset(const QString& name) {
  m_dataset = name;
  retranslate();
}

double DataView::barValue(int worker, int label) const {
  const auto sets = m_series->barSets();
  if (label < 0 || label >= sets.size()) return 0.0;
  return sets[label]->at(worker);
}

void DataView::rebuild() {
  m_series->clear();
  std::size_t classes = 0, tallest = 1;
  for (const auto& w : m_workers) {
    classes = std::max(classes, w.labels.size());
    tallest = std::max(tallest, w.size);
  }
  for (std::size_t c = 0; c < classes; ++c) {
    auto* set = new QBarSet(QString());  // named in retranslate()
    // One colour a class: the chart theme's ninth and tenth were near-white on the white plot.
    set->setColor(tab10(static_cast<int>(c)));
    for (const auto& w : m_workers) {
      *set << static_cast<double>(c < w.labels.size() ? w.labels[c] : 0);
    }
    m_series->append(set);
  }
  m_countAxis->setRange(0, static_cast<double>(tallest) * 1.05);
  m_countAxis->applyNiceNumbers();
  retranslate();
}

QString DataView::summary() const { return m_summary->text(); }

void DataView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void DataView::retranslate() {
  m_chart->setTitle(tr("Examples of each class per worker"));
  m_countAxis->setTitleText(tr("Examples (repeats counted)"));
  QStringList categories;
  QStringList lines;
  for (std::size_t k = 0; k < m_workers.size(); ++k) {
    const auto& w = m_workers[k];
    categories << tr("Worker %1").arg(k);
    lines << tr("Worker %1: %2 examples, %3 different; never sees %4% of the training set")
                 .arg(k)
                 .arg(w.size)
                 .arg(w.distinct)
                 .arg(w.unseen * 100.0, 0, 'f', 1);
  }
  m_workersAxis->clear();
  m_workersAxis->append(categories);
  const auto sets = m_series->barSets();
  for (qsizetype c = 0; c < sets.size(); ++c)
    sets[c]->setLabel(className(m_dataset, static_cast<int>(c)));
  QString text;
  if (m_unused >= 0.0) {
    text =
        tr("%1% of the training examples go to no worker.").arg(m_unused * 100.0, 0, 'f', 1) + "\n";
  }
  QStringList names;
  for (int k = 0; k < m_clients->classes(); ++k) names << className(m_dataset, k);
  m_clients->setClassNames(names);
  if (showsClients()) {
    m_summary->setText(clientsSummary());
    return;
  }
  m_summary->setText(m_workers.empty() ? tr("The data split appears here when a run starts.")
                                       : text + lines.join('\n'));
}

QString DataView::clientsSummary() const {
  // How non-IID: the classes that make up 90% of a client's examples, on average.
  double classes = 0.0;
  for (int c = 0; c < m_clients->clients(); ++c) {
    std::vector<double> shares;
    for (int k = 0; k < m_clients->classes(); ++k) shares.push_back(m_clients->share(c, k));
    std::sort(shares.rbegin(), shares.rend());
    double covered = 0.0;
    int needed = 0;
    while (needed < static_cast<int>(shares.size()) && covered < 0.9 - 1e-9) {
      covered += shares[static_cast<std::size_t>(needed++)];
    }
    classes += needed;
  }
  const int clients = m_clients->clients();
  return tr("%1 clients with %2 to %3 examples each. 90% of a client's examples are of %4 of "
            "the %5 classes on average (evenly split data: %6).")
      .arg(clients)
      .arg(m_clients->smallest())
      .arg(m_clients->largest())
      .arg(clients > 0 ? classes / clients : 0.0, 0, 'f', 1)
      .arg(m_clients->classes())
      .arg(static_cast<int>(std::ceil(0.9 * m_clients->classes() - 1e-9)));
}

}  // namespace distlab::widgets
