#include "widgets/sweep_chart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace distlab::widgets {
namespace {

QColor curveColor(std::size_t i) {
  static const QColor colors[] = {{21, 101, 192}, {198, 40, 40}, {46, 125, 50}, {239, 108, 0},
                                  {106, 27, 154}, {0, 131, 143}, {93, 64, 55},  {96, 125, 139}};
  return colors[i % std::size(colors)];
}

}  // namespace

SweepChart::SweepChart(QWidget* parent)
    : QWidget(parent),
      m_chart(new QChart),
      m_view(new QChartView(m_chart)),
      m_figureLabel(new QLabel),
      m_figures(new QComboBox) {
  m_view->setRenderHint(QPainter::Antialiasing);
  m_chart->legend()->setAlignment(Qt::AlignBottom);
  auto* controls = new QHBoxLayout;
  controls->addWidget(m_figureLabel);
  controls->addWidget(m_figures);
  controls->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(m_view, 1);
  connect(m_figures, &QComboBox::currentIndexChanged, this,
          [this] { emit figureChanged(figure()); });
  m_figureLabel->setText(tr("Figure:"));
}

void SweepChart::setFigures(const QList<QPair<QString, QString>>& figures) {
  const QSignalBlocker blocker(m_figures);
  const QString kept = figure();
  m_figures->clear();
  for (const auto& [key, label] : figures) m_figures->addItem(label, key);
  if (const int i = m_figures->findData(kept); i >= 0) m_figures->setCurrentIndex(i);
}

QString SweepChart::figure() const { return m_figures->currentData().toString(); }

void SweepChart::setFigure(const QString& key) {
  if (const int i = m_figures->findData(key); i >= 0) m_figures->setCurrentIndex(i);
}

void SweepChart::setData(const QString& xTitle, const QStringList& xValues, const QString& yTitle,
                         const std::vector<Curve>& curves) {
  m_chart->removeAllSeries();
  for (QAbstractAxis* axis : m_chart->axes()) {
    m_chart->removeAxis(axis);
    delete axis;
  }
  m_errorBars = 0;
  // Positions on x: the numbers themselves, or 0, 1, 2... for categories.
  std::vector<double> xs;
  m_numeric = !xValues.isEmpty();
  for (const QString& v : xValues) {
    bool ok = false;
    xs.push_back(v.toDouble(&ok));
    m_numeric &= ok;
  }
  if (!m_numeric) {
    for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = static_cast<double>(i);
  }
  double xMin = 0, xMax = 1, yMin = std::numeric_limits<double>::infinity(), yMax = -yMin;
  if (!xs.empty()) {
    xMin = *std::min_element(xs.begin(), xs.end());
    xMax = *std::max_element(xs.begin(), xs.end());
  }
  const double pad = m_numeric ? std::max((xMax - xMin) * 0.05, 1e-9) : 0.5;
  const double cap = (xMax - xMin + 2 * pad) * 0.012;  // the error bars' caps, in x units

  std::vector<QAbstractSeries*> all;
  for (std::size_t c = 0; c < curves.size(); ++c) {
    const QColor color = curveColor(c);
    auto* line = new QLineSeries;
    line->setName(curves[c].name.isEmpty() ? yTitle : curves[c].name);
    line->setPen(QPen(color, 2));
    auto* dots = new QScatterSeries;
    dots->setColor(color);
    dots->setBorderColor(color);
    dots->setMarkerSize(8);
    all.push_back(line);
    all.push_back(dots);
    // Numbers left to right whatever order they were given in; categories as given.
    std::vector<std::size_t> order(xs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return xs[a] < xs[b]; });
    for (const std::size_t i : order) {
      if (i >= curves[c].at.size()) continue;
      const auto& p = curves[c].at[i];
      if (!p) continue;
      line->append(xs[i], p->mean);
      dots->append(xs[i], p->mean);
      yMin = std::min(yMin, p->mean - p->stddev);
      yMax = std::max(yMax, p->mean + p->stddev);
      if (p->runs < 2) continue;
      // A bar with caps, drawn as one polyline: cap at the bottom, up, cap at the top.
      const double lo = p->mean - p->stddev, hi = p->mean + p->stddev, x = xs[i];
      auto* bar = new QLineSeries;
      bar->setPen(QPen(color, 1.2));
      bar->append({{x - cap, lo}, {x + cap, lo}, {x, lo}, {x, hi}, {x - cap, hi}, {x + cap, hi}});
      all.push_back(bar);
      ++m_errorBars;
    }
  }
  auto* xAxis = m_numeric ? static_cast<QAbstractAxis*>(new QValueAxis) : new QCategoryAxis;
  xAxis->setTitleText(xTitle);
  if (auto* value = qobject_cast<QValueAxis*>(xAxis)) {
    value->setRange(xMin - pad, xMax + pad);
    value->applyNiceNumbers();
  } else {
    auto* categories = static_cast<QCategoryAxis*>(xAxis);
    categories->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (std::size_t i = 0; i < xs.size(); ++i)
      categories->append(xValues[static_cast<int>(i)], xs[i]);
    categories->setRange(xMin - pad, xMax + pad);
  }
  auto* yAxis = new QValueAxis;
  yAxis->setTitleText(yTitle);
  if (std::isfinite(yMin)) {
    const double span = std::max(yMax - yMin, std::abs(yMax) * 0.02 + 1e-12);
    yAxis->setRange(yMin - span * 0.1, yMax + span * 0.1);
    yAxis->applyNiceNumbers();
  }
  m_chart->addAxis(xAxis, Qt::AlignBottom);
  m_chart->addAxis(yAxis, Qt::AlignLeft);
  for (QAbstractSeries* s : all) {
    m_chart->addSeries(s);
    s->attachAxis(xAxis);
    s->attachAxis(yAxis);
  }
  // Only the curves are in the legend: not their dots, not the bars.
  const auto markers = m_chart->legend()->markers();
  for (QLegendMarker* marker : markers) {
    marker->setVisible(qobject_cast<QLineSeries*>(marker->series()) &&
                       !qobject_cast<QScatterSeries*>(marker->series()) &&
                       marker->series()->name() != QString());
  }
  m_chart->legend()->setVisible(curves.size() > 1);
}

void SweepChart::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) m_figureLabel->setText(tr("Figure:"));
  QWidget::changeEvent(event);
}

}  // namespace distlab::widgets
