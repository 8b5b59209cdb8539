#include "widgets/result_pane.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QSplitter>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

#include "widgets/result_names.h"

namespace distlab::widgets {
namespace {

/// Counts (bytes, parameters, examples) and any value from 100,000 on in whole units with the
/// locale's digit groups (one column reads alike: 940,588 and 1,254,118, not 1.25412e+06),
/// anything else to 6 significant digits; NaN (nothing measured) as nothing.
QString numberText(double v) {
  if (!std::isfinite(v)) return {};
  if (std::fabs(v) < 1e15 && (v == std::floor(v) || std::fabs(v) >= 1e5)) {
    return QLocale().toString(static_cast<qlonglong>(std::llround(v)));
  }
  return QLocale().toString(v, 'g', 6);
}

}  // namespace

ResultPane::ResultPane(QWidget* parent)
    : QWidget(parent),
      m_intro(new QLabel),
      m_tables(new QComboBox),
      m_table(new QTableWidget),
      m_chart(new QChart),
      m_chartView(new QChartView(m_chart)),
      m_pictures(new QLabel) {
  m_intro->setWordWrap(true);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->setVisible(false);
  m_chartView->setRenderHint(QPainter::Antialiasing);
  m_chart->legend()->setAlignment(Qt::AlignBottom);
  m_pictures->setAlignment(Qt::AlignCenter);
  // The table above, the chart and the pictures below it at full width: a chart squeezed beside
  // a wide table cannot show its axes.
  auto* top = new QWidget;
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addWidget(m_tables);
  topLayout->addWidget(m_table, 1);
  auto* bottom = new QWidget;
  auto* bottomLayout = new QHBoxLayout(bottom);
  bottomLayout->setContentsMargins(0, 0, 0, 0);
  bottomLayout->addWidget(m_chartView, 2);
  bottomLayout->addWidget(m_pictures, 1);
  auto* split = new QSplitter(Qt::Vertical);
  split->addWidget(top);
  split->addWidget(bottom);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);
  split->setSizes({200, 300});  // a table's size hint would take it all
  m_chartView->setMinimumHeight(240);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_intro);
  layout->addWidget(split, 1);
  connect(m_tables, &QComboBox::currentIndexChanged, this, &ResultPane::fillTable);
  retranslate();
}

void ResultPane::setData(ResultData results) {
  m_data = std::move(results);
  m_tables->blockSignals(true);
  m_tables->clear();
  for (const auto& t : m_data.tables) m_tables->addItem(ResultNames::table(t.name), t.name);
  m_tables->blockSignals(false);
  fillTable(m_data.tables.empty() ? -1 : 0);
  drawCurves();
  m_chartView->setVisible(!m_data.curves.empty());
  QPixmap all;
  if (!m_data.pictures.empty()) {
    QImage image = m_data.pictures.front().image;
    if (image.height() > 360) image = image.scaledToHeight(360, Qt::SmoothTransformation);
    all = QPixmap::fromImage(image);
  }
  m_pictures->setPixmap(all);
  m_pictures->setVisible(!all.isNull());
  retranslate();
}

bool ResultPane::showTable(const QString& name) {
  const int index = m_tables->findData(name);
  if (index < 0) return false;
  m_tables->setCurrentIndex(index);
  fillTable(index);
  return true;
}

void ResultPane::fillTable(int index) {
  m_table->clear();
  if (index < 0 || index >= static_cast<int>(m_data.tables.size())) {
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    return;
  }
  const auto& t = m_data.tables[static_cast<std::size_t>(index)];
  int rows = 0;
  for (const auto& c : t.columns) {
    rows = std::max(rows, static_cast<int>(c.texts.isEmpty() ? c.numbers.size() : c.texts.size()));
  }
  m_table->setColumnCount(static_cast<int>(t.columns.size()));
  m_table->setRowCount(rows);
  for (int col = 0; col < static_cast<int>(t.columns.size()); ++col) {
    const auto& c = t.columns[static_cast<std::size_t>(col)];
    // The window's name above, the CSV file's column name in the tooltip.
    auto* head = new QTableWidgetItem(ResultNames::column(t.name, c.name));
    head->setToolTip(c.name);
    m_table->setHorizontalHeaderItem(col, head);
    for (int r = 0; r < rows; ++r) {
      QString text;
      if (!c.texts.isEmpty()) {
        text = ResultNames::value(t.name, c.name, c.texts.value(r));
      } else if (r < static_cast<int>(c.numbers.size())) {
        const double v = c.numbers[static_cast<std::size_t>(r)];
        text = ResultNames::flag(c.name, v);
        if (text.isEmpty()) text = numberText(v);
      }
      auto* item = new QTableWidgetItem(text);
      item->setTextAlignment(c.texts.isEmpty() ? (Qt::AlignRight | Qt::AlignVCenter)
                                               : (Qt::AlignLeft | Qt::AlignVCenter));
      m_table->setItem(r, col, item);
    }
  }
  m_table->resizeColumnsToContents();
}

void ResultPane::drawCurves() {
  m_chart->removeAllSeries();
  for (auto* axis : m_chart->axes()) {
    m_chart->removeAxis(axis);  // which gives up its ownership: the old axes are deleted here
    delete axis;
  }
  if (m_data.curves.empty()) return;
  auto* x = new QValueAxis;
  auto* y = new QValueAxis;
  m_chart->addAxis(x, Qt::AlignBottom);
  m_chart->addAxis(y, Qt::AlignLeft);
  double xLo = INFINITY, xHi = -INFINITY, yLo = INFINITY, yHi = -INFINITY;
  for (const auto& c : m_data.curves) {
    auto* series = new QLineSeries;
    series->setName(ResultNames::curve(m_data.lesson, c.name));
    QList<QPointF> points;
    for (std::size_t i = 0; i < std::min(c.x.size(), c.y.size()); ++i) {
      if (!std::isfinite(c.x[i]) || !std::isfinite(c.y[i])) continue;
      points.append({c.x[i], c.y[i]});
      xLo = std::min(xLo, c.x[i]);
      xHi = std::max(xHi, c.x[i]);
      yLo = std::min(yLo, c.y[i]);
      yHi = std::max(yHi, c.y[i]);
    }
    series->replace(points);
    m_chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
  }
  if (xLo < xHi) x->setRange(xLo, xHi);
  if (yLo < yHi) y->setRange(yLo, yHi + (yHi - yLo) * 0.05);
  x->applyNiceNumbers();  // ticks on round values
  y->applyNiceNumbers();
  x->setTitleText(ResultNames::column({}, m_data.curves.front().xName));
  y->setTitleText(ResultNames::column({}, m_data.curves.front().yName));
}

void ResultPane::retranslate() {
  m_intro->setText(hasData() ? tr("Everything the experiment computed: pick a table to see it; "
                                  "the chart holds the curves it drew. The run folder has the "
                                  "same tables as CSV.")
                             : tr("An experiment's results appear here when it ends."));
  m_chart->setTitle(m_data.curves.empty() ? QString() : tr("Curves"));
}

void ResultPane::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    for (int i = 0; i < m_tables->count(); ++i) {
      m_tables->setItemText(i, ResultNames::table(m_tables->itemData(i).toString()));
    }
    fillTable(m_tables->currentIndex());
    drawCurves();
    retranslate();
  }
  QWidget::changeEvent(event);
}

}  // namespace distlab::widgets
