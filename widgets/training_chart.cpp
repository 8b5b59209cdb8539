#include "widgets/training_chart.h"

#include "widgets/color_alpha.h"
#include "widgets/decimate.h"
#include "widgets/palette.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace distlab::widgets {
namespace {

const QColor kTrainColor(0x1f, 0x77, 0xb4), kTestColor(0xff, 0x7f, 0x0e),
    kAccuracyColor(0x2c, 0xa0, 0x2c), kEpsilonColor(0xd6, 0x27, 0x28);

// Tab10 colors after the four above, for the workers' curves.
QColor workerColor(int worker) { return tab10(4 + worker % 6); }

}  // namespace

TrainingChart::TrainingChart(QWidget* parent)
    : QWidget(parent),
      m_chart(new QChart),
      m_epochAxis(new QValueAxis),
      m_lossAxis(new QValueAxis),
      m_logLossAxis(new QLogValueAxis(this)),  // the chart owns it only while it is shown
      m_accuracyAxis(new QValueAxis) {
  m_chart->addAxis(m_epochAxis, Qt::AlignBottom);
  m_chart->addAxis(m_lossAxis, Qt::AlignLeft);
  m_chart->addAxis(m_accuracyAxis, Qt::AlignRight);
  m_rawTrainLoss = addSeries(withAlpha(kTrainColor, 70), 1, Qt::SolidLine, true);
  m_rawTestLoss = addSeries(withAlpha(kTestColor, 70), 1, Qt::SolidLine, true);
  m_trainLoss = addSeries(kTrainColor, 2, Qt::SolidLine, true);
  m_testLoss = addSeries(kTestColor, 2, Qt::SolidLine, true);
  m_accuracy = addSeries(kAccuracyColor, 2.5, Qt::SolidLine, false);
  for (auto* s : {m_trainLoss, m_testLoss, m_accuracy}) s->setPointsVisible(true);
  m_epochAxis->setTickType(QValueAxis::TicksDynamic);
  m_epochAxis->setTickAnchor(0.0);
  m_accuracyAxis->setRange(0.0, 1.0);
  m_accuracyAxis->setTickCount(6);
  m_accuracyAxis->setLabelFormat("%.1f");
  m_accuracyAxis->setGridLineVisible(false);  // two grids that do not line up read as noise
  m_lossAxis->setLabelFormat("%.2f");
  m_logLossAxis->setLabelFormat("%.3g");
  m_logLossAxis->setBase(10);
  m_chart->legend()->setAlignment(Qt::AlignBottom);

  m_view = new QChartView(m_chart, this);
  m_view->setRenderHint(QPainter::Antialiasing);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  buildControls();
  layout->addWidget(m_view, 1);
  retranslate();
  clear();
}

QLineSeries* TrainingChart::addSeries(const QColor& color, qreal width, Qt::PenStyle style,
                                      bool loss) {
  auto* series = new QLineSeries;
  series->setPen(QPen(color, width, style));
  m_chart->addSeries(series);
  series->attachAxis(m_epochAxis);
  if (loss) {
    attachLoss(series);
  } else {
    series->attachAxis(m_accuracyAxis);
  }
  return series;
}

void TrainingChart::attachLoss(QLineSeries* series) {
  series->attachAxis(m_logScale ? static_cast<QAbstractAxis*>(m_logLossAxis) : m_lossAxis);
}

void TrainingChart::buildControls() {
  auto* row = new QHBoxLayout;
  row->setContentsMargins(8, 4, 8, 0);
  m_xAxisBox = new QComboBox;
  m_xAxisBox->addItems({QString(), QString()});
  connect(m_xAxisBox, &QComboBox::currentIndexChanged, this,
          [this](int index) { setXAxis(index == 1 ? XAxis::WallTime : XAxis::Epoch); });
  m_smoothingLabel = new QLabel;
  m_smoothingSlider = new QSlider(Qt::Horizontal);
  m_smoothingSlider->setRange(0, 99);
  m_smoothingSlider->setMaximumWidth(160);
  connect(m_smoothingSlider, &QSlider::valueChanged, this,
          [this](int value) { setSmoothing(value / 100.0); });
  m_logBox = new QCheckBox;
  connect(m_logBox, &QCheckBox::toggled, this, &TrainingChart::setLogScale);
  m_clearComparison = new QPushButton;
  m_clearComparison->setEnabled(false);
  connect(m_clearComparison, &QPushButton::clicked, this, &TrainingChart::clearComparison);
  row->addWidget(m_xAxisBox);
  row->addSpacing(12);
  row->addWidget(m_smoothingLabel);
  row->addWidget(m_smoothingSlider);
  row->addSpacing(12);
  row->addWidget(m_logBox);
  row->addStretch(1);
  row->addWidget(m_clearComparison);
  static_cast<QVBoxLayout*>(layout())->addLayout(row);
}

void TrainingChart::addEvaluation(double epoch, double seconds, double trainLoss, double testLoss,
                                  double testAccuracy) {
  m_current.train.push_back({epoch, seconds, trainLoss});
  m_current.test.push_back({epoch, seconds, testLoss});
  m_current.accuracy.push_back({epoch, seconds, testAccuracy});
  refresh();
}

void TrainingChart::addEpoch(double epoch, double trainLoss, double testLoss, double testAccuracy) {
  addEvaluation(epoch, epoch, trainLoss, testLoss, testAccuracy);
}

void TrainingChart::addPrivacySpent(double round, double seconds, double epsilon, double delta) {
  m_current.epsilon.push_back({round, seconds, epsilon});
  m_delta = delta;
  if (!m_epsilon) {
    m_epsilonAxis = new QValueAxis;
    m_epsilonAxis->setLabelFormat("%.1f");
    m_epsilonAxis->setGridLineVisible(false);
    m_chart->addAxis(m_epsilonAxis, Qt::AlignRight);
    m_epsilon = new QLineSeries;
    m_epsilon->setPen(QPen(kEpsilonColor, 2, Qt::DashDotLine));
    m_chart->addSeries(m_epsilon);
    m_epsilon->attachAxis(m_epochAxis);
    m_epsilon->attachAxis(m_epsilonAxis);
    retranslate();
    connectLegend();
  }
  refresh();
}

void TrainingChart::dropEpsilon() {
  if (!m_epsilon) return;
  m_hidden.erase(m_epsilon);
  m_chart->removeSeries(m_epsilon);
  delete m_epsilon;
  m_chart->removeAxis(m_epsilonAxis);
  delete m_epsilonAxis;
  m_epsilon = nullptr;
  m_epsilonAxis = nullptr;
}

void TrainingChart::addWorkerLoss(int worker, double epoch, double seconds, double loss) {
  auto& points = m_current.workers[worker];
  points.push_back({epoch, seconds, loss});
  if (points.size() > kMaxWorkerHistory) {
    // Bounded memory on long runs: the history is halved by averaging neighbours, so old steps
    // keep their shape at half the resolution (the screen shows ~2 points per pixel anyway).
    std::size_t out = 0;
    for (std::size_t i = 0; i + 1 < points.size(); i += 2) {
      points[out++] = {(points[i].epoch + points[i + 1].epoch) / 2,
                       (points[i].seconds + points[i + 1].seconds) / 2,
                       (points[i].value + points[i + 1].value) / 2};
    }
    if (points.size() % 2) points[out++] = points.back();
    points.resize(out);
  }
}

QList<QPointF> TrainingChart::curve(const std::vector<Point>& points, bool smooth,
                                    int pixelsPerBucket) const {
  QList<QPointF> out;
  out.reserve(static_cast<qsizetype>(points.size()));
  double ema = 0.0, weight = 0.0;
  for (const auto& p : points) {
    double y = p.value;
    if (smooth && m_smoothing > 0.0) {
      // Debiased EMA (as TensorBoard draws it): the first points are not pulled towards 0.
      ema = m_smoothing * ema + (1.0 - m_smoothing) * p.value;
      weight = m_smoothing * weight + (1.0 - m_smoothing);
      y = ema / weight;
    }
    out.append({m_xAxisMode == XAxis::Epoch ? p.epoch : p.seconds, y});
  }
  // About two points per pixel column: a million-point curve then draws in a few milliseconds.
  const int columns =
      m_chart->plotArea().width() > 0 ? static_cast<int>(m_chart->plotArea().width()) : 1000;
  return decimateMinMax(out, std::max(1, columns / pixelsPerBucket));
}

void TrainingChart::draw(QLineSeries* series, const QList<QPointF>& points) {
  series->replace(m_hidden.count(series) ? QList<QPointF>() : points);
}

void TrainingChart::refresh() {
  const bool smooth = m_smoothing > 0.0;
  draw(m_trainLoss, curve(m_current.train, true));
  draw(m_testLoss, curve(m_current.test, true));
  draw(m_accuracy, curve(m_current.accuracy, true));
  if (m_epsilon) {
    draw(m_epsilon, curve(m_current.epsilon, false));
    double most = 0.0;
    for (const auto& p : m_current.epsilon) most = std::max(most, p.value);
    if (most > m_epsilonAxis->max() || m_epsilonAxis->max() <= 1.0) {
      m_epsilonAxis->setRange(0.0, std::max(1.0, most * 1.1));
      m_epsilonAxis->applyNiceNumbers();
    }
  }
  // The raw curves go with their smoothed ones.
  draw(m_rawTrainLoss,
       smooth && isShown(m_trainLoss) ? curve(m_current.train, false) : QList<QPointF>());
  draw(m_rawTestLoss,
       smooth && isShown(m_testLoss) ? curve(m_current.test, false) : QList<QPointF>());
  bool newSeries = false;
  for (const auto& [worker, points] : m_current.workers) {
    auto& series = m_workerSeries[worker];
    if (!series) {
      series = addSeries(withAlpha(workerColor(worker), 150), 1, Qt::SolidLine, true);
      series->setName(tr("Worker %1 training loss").arg(worker));
      newSeries = true;
    }
    // Up to eight noisy curves on top of each other: a bucket every 4 pixels keeps their shape
    // and cuts the line segments to paint four-fold (the frame time of a live run).
    draw(series, curve(points, true, 4));
  }
  for (const auto& [id, run] : m_compared) {
    draw(run.testSeries, curve(run.test, true));
    draw(run.accuracySeries, curve(run.accuracy, true));
  }
  // Loss axis: from the data shown (smoothed or raw), with round ticks.
  double maxLoss = 0.0, minLoss = 1e300;
  for (auto* s : m_chart->series()) {
    auto* line = static_cast<QLineSeries*>(s);
    if (line == m_accuracy || line == m_epsilon) continue;
    bool isOverlayAccuracy = false;
    for (const auto& [id, run] : m_compared) isOverlayAccuracy |= line == run.accuracySeries;
    if (isOverlayAccuracy) continue;
    for (const QPointF& p : line->points()) {
      maxLoss = std::max(maxLoss, p.y());
      if (p.y() > 0) minLoss = std::min(minLoss, p.y());
    }
  }
  if (maxLoss <= 0.0) {
    maxLoss = 1.0;
    m_lossAxis->setRange(0.0, 1.0);  // nothing to show yet
  } else if (maxLoss * 1.02 > m_lossAxis->max() || maxLoss < 0.5 * m_lossAxis->max()) {
    // A new range only when the curves leave the current one or shrink well inside it: each
    // change relayouts every series, and an axis that moves at every frame is hard to read.
    m_lossAxis->setRange(0.0, maxLoss * 1.1);
    m_lossAxis->applyNiceNumbers();  // round tick values (0.1, 0.2, ...) instead of 0.61, 0.46
  }
  if (minLoss > maxLoss) minLoss = maxLoss / 10.0;
  const double logMin = std::pow(10.0, std::floor(std::log10(minLoss)));
  const double logMax = std::pow(10.0, std::ceil(std::log10(maxLoss * 1.0001)));
  if (logMin != m_logLossAxis->min() || logMax != m_logLossAxis->max()) {
    m_logLossAxis->setRange(logMin, logMax);
  }
  setXRange();
  if (newSeries) {
    // The legend lists series in the order they were added, and workers' first losses arrive in
    // any order: put the worker curves back in rank order.
    for (auto& [worker, series] : m_workerSeries) {
      m_chart->removeSeries(series);
      m_chart->addSeries(series);
      series->attachAxis(m_epochAxis);
      attachLoss(series);
    }
    connectLegend();
  }
}

void TrainingChart::setXRange() {
  double last = 0.0;
  auto extend = [&](const std::vector<Point>& points) {
    for (const auto& p : points)
      last = std::max(last, m_xAxisMode == XAxis::Epoch ? p.epoch : p.seconds);
  };
  extend(m_current.accuracy);
  for (const auto& [worker, points] : m_current.workers) extend(points);
  for (const auto& [id, run] : m_compared) extend(run.accuracy);
  if (m_xAxisMode == XAxis::Epoch) {
    // From 0 to the next whole epoch; ticks on whole epochs, at most about ten of them.
    const int lastEpoch = std::max(1, static_cast<int>(std::ceil(last - 1e-9)));
    m_epochAxis->setRange(0.0, lastEpoch);
    m_epochAxis->setTickInterval(std::max(1, (lastEpoch + 9) / 10));
    m_epochAxis->setLabelFormat("%d");
  } else {
    const double span = std::max(last, 1.0);
    const double step = std::pow(10.0, std::floor(std::log10(span / 2.0)));
    const double interval = span / step > 10 ? step * 2 : step;
    m_epochAxis->setRange(0.0, std::ceil(span / interval) * interval);
    m_epochAxis->setTickInterval(interval);
    m_epochAxis->setLabelFormat(interval < 1 ? "%.1f" : "%d");
  }
}

int TrainingChart::pointCount() const { return static_cast<int>(m_current.accuracy.size()); }

QLineSeries* TrainingChart::workerSeries(int worker) const {
  const auto it = m_workerSeries.find(worker);
  return it == m_workerSeries.end() ? nullptr : it->second;
}

void TrainingChart::startRun(const QString& label) {
  m_current.label = label;
  clear();
}

void TrainingChart::clear() {
  const QString label = m_current.label;
  m_current = Run{};
  m_current.label = label;
  for (auto& [worker, series] : m_workerSeries) {
    m_hidden.erase(series);
    m_chart->removeSeries(series);
    delete series;
  }
  m_workerSeries.clear();
  dropEpsilon();
  refresh();
  connectLegend();
}

void TrainingChart::setXAxis(XAxis axis) {
  m_xAxisMode = axis;
  m_xAxisBox->setCurrentIndex(axis == XAxis::WallTime ? 1 : 0);
  retranslate();
  refresh();
}

void TrainingChart::setSmoothing(double weight) {
  m_smoothing = std::clamp(weight, 0.0, 0.99);
  m_smoothingSlider->setValue(static_cast<int>(std::lround(m_smoothing * 100)));
  refresh();
}

void TrainingChart::setLogScale(bool on) {
  if (on == m_logScale) return;
  QAbstractAxis* from = on ? static_cast<QAbstractAxis*>(m_lossAxis) : m_logLossAxis;
  QAbstractAxis* to = on ? static_cast<QAbstractAxis*>(m_logLossAxis) : m_lossAxis;
  m_chart->addAxis(to, Qt::AlignLeft);
  for (auto* s : m_chart->series()) {
    if (s->attachedAxes().contains(from)) {
      s->detachAxis(from);
      s->attachAxis(to);
    }
  }
  m_chart->removeAxis(from);
  from->setParent(this);  // removeAxis gives up ownership; the axis waits here to be shown again
  m_logScale = on;
  m_logBox->setChecked(on);
  retranslate();
  refresh();
}

void TrainingChart::setLook(bool dark, double fontScale) {
  // Not QChart::setTheme: a theme would replace the series' own colors.
  const QColor background = dark ? QColor(0x26, 0x28, 0x2b) : QColor(Qt::white);
  const QColor text = dark ? QColor(0xe8, 0xe8, 0xe8) : QColor(0x33, 0x33, 0x33);
  const QColor grid = dark ? QColor(0x4a, 0x4d, 0x52) : QColor(0xe0, 0xe0, 0xe0);
  m_chart->setBackgroundBrush(background);
  m_chart->setTitleBrush(text);
  m_chart->legend()->setLabelColor(text);
  QFont titleFont = m_chart->titleFont();
  titleFont.setPointSizeF(11.0 * fontScale);
  m_chart->setTitleFont(titleFont);
  QFont labelFont = font();
  labelFont.setPointSizeF(9.0 * fontScale);
  m_chart->legend()->setFont(labelFont);
  for (QAbstractAxis* axis :
       {static_cast<QAbstractAxis*>(m_epochAxis), static_cast<QAbstractAxis*>(m_lossAxis),
        static_cast<QAbstractAxis*>(m_logLossAxis), static_cast<QAbstractAxis*>(m_accuracyAxis)}) {
    axis->setLabelsColor(text);
    axis->setTitleBrush(text);
    axis->setGridLineColor(grid);
    axis->setLabelsFont(labelFont);
    QFont axisTitle = labelFont;
    axisTitle.setBold(true);
    axis->setTitleFont(axisTitle);
  }
}

void TrainingChart::connectLegend() {
  // Clicking a legend entry shows or hides its series; the raw curves have no entry.
  for (QLegendMarker* marker : m_chart->legend()->markers()) {
    auto* series = marker->series();
    if (series == m_rawTrainLoss || series == m_rawTestLoss) {
      marker->setVisible(false);
      continue;
    }
    // A marker made anew (its series was re-added) shows whether the series is hidden.
    QFont struck = marker->font();
    struck.setStrikeOut(m_hidden.count(static_cast<QLineSeries*>(series)) > 0);
    marker->setFont(struck);
    disconnect(marker, &QLegendMarker::clicked, nullptr, nullptr);
    connect(marker, &QLegendMarker::clicked, this, [this, series, marker] {
      // Hidden = drawn without points: QXYSeries::setVisible(false) would hide the legend entry
      // too, and there would be nothing left to click to bring it back.
      auto* line = static_cast<QLineSeries*>(series);
      if (!m_hidden.erase(line)) m_hidden.insert(line);
      QFont font = marker->font();
      font.setStrikeOut(m_hidden.count(line) > 0);
      marker->setFont(font);
      refresh();
    });
  }
}

bool TrainingChart::isShown(QLineSeries* series) const { return m_hidden.count(series) == 0; }

void TrainingChart::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void TrainingChart::setCountsRounds(bool rounds) {
  m_rounds = rounds;
  retranslate();
}

QString TrainingChart::xAxisTitle() const { return m_epochAxis->titleText(); }

void TrainingChart::retranslate() {
  m_chart->setTitle(tr("Training progress"));
  m_trainLoss->setName(tr("Training loss"));
  m_testLoss->setName(tr("Test loss"));
  m_accuracy->setName(tr("Test accuracy"));
  m_rawTrainLoss->setName(tr("Training loss (raw)"));
  m_rawTestLoss->setName(tr("Test loss (raw)"));
  for (auto& [worker, series] : m_workerSeries) {
    series->setName(tr("Worker %1 training loss").arg(worker));
  }
  for (auto& [id, run] : m_compared) {
    const QString label = run.label.isEmpty() ? tr("Earlier run") : run.label;
    run.testSeries->setName(tr("%1: test loss").arg(label));
    run.accuracySeries->setName(tr("%1: test accuracy").arg(label));
  }
  m_epochAxis->setTitleText(m_xAxisMode == XAxis::WallTime ? tr("Wall time (s)")
                            : m_rounds                     ? tr("Round")
                                                           : tr("Epoch"));
  m_lossAxis->setTitleText(tr("Loss"));
  m_logLossAxis->setTitleText(tr("Loss (log scale)"));
  m_accuracyAxis->setTitleText(tr("Accuracy"));
  if (m_epsilon) {
    m_epsilon->setName(tr("Privacy spent ε (δ = %1)").arg(m_delta, 0, 'g', 2));
    m_epsilonAxis->setTitleText(tr("ε"));
  }
  m_xAxisBox->setItemText(0, m_rounds ? tr("Against round") : tr("Against epoch"));
  m_xAxisBox->setItemText(1, tr("Against wall time"));
  m_xAxisBox->setToolTip(tr("Plot against training epochs or against seconds since the start"));
  m_smoothingLabel->setText(tr("Smoothing"));
  m_smoothingSlider->setToolTip(
      tr("Exponential moving average of the curves; the raw curve stays faint behind"));
  m_logBox->setText(tr("Log scale"));
  m_logBox->setToolTip(tr("Losses on a logarithmic axis"));
  m_clearComparison->setText(tr("Clear comparison"));
  m_clearComparison->setToolTip(
      tr("Take the other runs' curves off the chart (untick them in the "
         "Runs panel)"));
}

}  // namespace distlab::widgets
