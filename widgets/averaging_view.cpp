#include "widgets/averaging_view.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPainter>
#include <QPainterPath>
#include <QScatterSeries>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace distlab::widgets {
namespace {

const QColor kClientColors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28)};
const QColor kGradientColor(0x44, 0x44, 0x44);
const QColor kModelColor(0x94, 0x67, 0xbd);

QColor clientColor(int k) { return kClientColors[k % 4]; }

double loss(const AveragingData& d, double a, double b) {
  double sum = 0.0;
  for (const auto& p : d.people) {
    const double e = p.weight - (b * p.height + a);
    sum += e * e;
  }
  return d.people.empty() ? 0.0 : sum / static_cast<double>(d.people.size());
}

// Least squares: the bottom of the loss surface.
QPointF bestFit(const AveragingData& d) {
  double mh = 0, mw = 0;
  for (const auto& p : d.people) {
    mh += p.height;
    mw += p.weight;
  }
  const double n = std::max<double>(1, static_cast<double>(d.people.size()));
  mh /= n;
  mw /= n;
  double shh = 0, shw = 0;
  for (const auto& p : d.people) {
    shh += (p.height - mh) * (p.height - mh);
    shw += (p.height - mh) * (p.weight - mw);
  }
  const double b = shh > 0 ? shw / shh : 0.0;
  return {mw - b * mh, b};
}

QString number(double v) { return QString::number(v, 'g', 10); }

// A light colour scale from dark (low loss) to pale (high), in bands so they read as contours.
QRgb bandColor(double t) {
  const double band = std::floor(std::clamp(t, 0.0, 0.999) * 12.0) / 12.0;
  const QColor low(0x2a, 0x4d, 0x69), high(0xf4, 0xf1, 0xde);
  return qRgb(static_cast<int>(low.red() + (high.red() - low.red()) * band),
              static_cast<int>(low.green() + (high.green() - low.green()) * band),
              static_cast<int>(low.blue() + (high.blue() - low.blue()) * band));
}

}  // namespace

LossSurface::LossSurface(QWidget* parent) : QWidget(parent) { setMinimumSize(320, 260); }

void LossSurface::setData(const AveragingData* results) {
  m_data = results;
  m_round = 0;
  if (!results || results->central.empty()) {
    m_surface = QImage();
    update();
    return;
  }
  // The window holds every path, the start and the best fit, with a margin.
  m_bestFit = bestFit(*results);
  double a0 = m_bestFit.x(), a1 = m_bestFit.x(), b0 = m_bestFit.y(), b1 = m_bestFit.y();
  auto include = [&](const QPointF& p) {
    a0 = std::min(a0, p.x());
    a1 = std::max(a1, p.x());
    b0 = std::min(b0, p.y());
    b1 = std::max(b1, p.y());
  };
  for (const auto& p : results->central) include(p);
  for (const auto& p : results->modelAveraging) include(p);
  for (const auto& path : results->clientPaths) {
    for (const auto& p : path) include(p);
  }
  const double ma = std::max(1e-6, (a1 - a0) * 0.08), mb = std::max(1e-6, (b1 - b0) * 0.08);
  m_window = QRectF(QPointF(a0 - ma, b0 - mb), QPointF(a1 + ma, b1 + mb));
  renderSurface();
  update();
}

void LossSurface::setRound(int round) {
  m_round = round;
  update();
}

void LossSurface::renderSurface() {
  // log f on a 200 x 160 grid, banded; scaled to the widget when painted.
  const int w = 200, h = 160;
  std::vector<double> values(static_cast<std::size_t>(w * h));
  double lo = 1e300, hi = -1e300;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const double a = m_window.left() + m_window.width() * (x + 0.5) / w;
      const double b = m_window.bottom() - m_window.height() * (y + 0.5) / h;
      const double v = std::log10(loss(*m_data, a, b) + 1e-12);
      values[static_cast<std::size_t>(y * w + x)] = v;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  m_surface = QImage(w, h, QImage::Format_RGB32);
  for (int y = 0; y < h; ++y) {
    auto* line = reinterpret_cast<QRgb*>(m_surface.scanLine(y));
    for (int x = 0; x < w; ++x) {
      line[x] = bandColor((values[static_cast<std::size_t>(y * w + x)] - lo) / (hi - lo + 1e-12));
    }
  }
}

QPointF LossSurface::toPixel(const QPointF& ab) const {
  const QRectF area = rect().adjusted(48, 10, -10, -36);
  return {area.left() + (ab.x() - m_window.left()) / m_window.width() * area.width(),
          area.bottom() - (ab.y() - m_window.top()) / m_window.height() * area.height()};
}

void LossSurface::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().base());
  if (!m_data || m_surface.isNull()) return;
  painter.setRenderHint(QPainter::Antialiasing);
  const QRectF area = rect().adjusted(48, 10, -10, -36);
  painter.drawImage(area, m_surface);
  painter.setPen(palette().text().color());
  // Axes: a across, b up, with the window's ends.
  painter.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), 16), Qt::AlignCenter,
                   tr("a (intercept, kg)"));
  painter.drawText(QRectF(area.left(), area.bottom() + 2, 80, 16), Qt::AlignLeft,
                   QString::number(m_window.left(), 'f', 1));
  painter.drawText(QRectF(area.right() - 80, area.bottom() + 2, 80, 16), Qt::AlignRight,
                   QString::number(m_window.right(), 'f', 1));
  painter.save();
  painter.translate(14, area.center().y());
  painter.rotate(-90);
  painter.drawText(QRectF(-100, -8, 200, 16), Qt::AlignCenter, tr("b (kg per metre)"));
  painter.restore();
  painter.drawText(QRectF(0, area.top(), 44, 16), Qt::AlignRight,
                   QString::number(m_window.bottom(), 'f', 1));
  painter.drawText(QRectF(0, area.bottom() - 16, 44, 16), Qt::AlignRight,
                   QString::number(m_window.top(), 'f', 1));
  painter.setClipRect(area);
  auto polyline = [&](const std::vector<QPointF>& path, std::size_t count, const QPen& pen) {
    QPainterPath line;
    for (std::size_t i = 0; i < std::min(count, path.size()); ++i) {
      i == 0 ? line.moveTo(toPixel(path[i])) : line.lineTo(toPixel(path[i]));
    }
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(line);
  };
  const auto round = static_cast<std::size_t>(m_round);
  const auto steps = round * static_cast<std::size_t>(m_data->localSteps) + 1;
  for (std::size_t k = 0; k < m_data->clientPaths.size(); ++k) {
    polyline(m_data->clientPaths[k], steps, QPen(clientColor(static_cast<int>(k)), 1.2));
  }
  polyline(m_data->gradientAveraging, round + 1, QPen(kGradientColor, 2.2));
  polyline(m_data->modelAveraging, round + 1, QPen(kModelColor, 2.2, Qt::DashLine));
  auto dot = [&](const QPointF& ab, const QColor& color, double radius) {
    painter.setPen(QPen(Qt::white, 1));
    painter.setBrush(color);
    painter.drawEllipse(toPixel(ab), radius, radius);
  };
  if (round < m_data->gradientAveraging.size()) dot(m_data->gradientAveraging[round], kGradientColor, 5);
  if (round < m_data->modelAveraging.size()) dot(m_data->modelAveraging[round], kModelColor, 5);
  dot(m_data->start, Qt::black, 4);
  // The best fit: a star-like cross.
  const QPointF best = toPixel(m_bestFit);
  painter.setPen(QPen(QColor(0xd6, 0x27, 0x28), 2.5));
  painter.drawLine(best + QPointF(-7, -7), best + QPointF(7, 7));
  painter.drawLine(best + QPointF(-7, 7), best + QPointF(7, -7));
  painter.setPen(palette().text().color());
  painter.drawText(best + QPointF(9, -6), tr("least squares"));
  painter.drawText(toPixel(m_data->start) + QPointF(8, 14), tr("start"));
}

AveragingView::AveragingView(QWidget* parent)
    : QWidget(parent),
      m_intro(new QLabel),
      m_table(new QTableWidget(4, 3)),
      m_formula(new QLabel),
      m_verdict(new QLabel),
      m_roundSlider(new QSlider(Qt::Horizontal)),
      m_roundLabel(new QLabel),
      m_key(new QLabel),
      m_peopleChart(new QChart),
      m_heightAxis(new QValueAxis),
      m_weightAxis(new QValueAxis),
      m_gaLine(new QLineSeries),
      m_maLine(new QLineSeries),
      m_surface(new LossSurface),
      m_lossChart(new QChart),
      m_roundAxis(new QValueAxis),
      m_lossAxis(new QValueAxis),
      m_gaLoss(new QLineSeries),
      m_averagedLoss(new QLineSeries),
      m_meanClientLoss(new QLineSeries) {
  m_intro->setWordWrap(true);
  m_formula->setWordWrap(true);
  m_formula->setTextFormat(Qt::RichText);
  m_table->verticalHeader()->setVisible(false);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setMaximumHeight(150);
  m_table->setMinimumWidth(420);

  m_peopleChart->addAxis(m_heightAxis, Qt::AlignBottom);
  m_peopleChart->addAxis(m_weightAxis, Qt::AlignLeft);
  m_peopleChart->legend()->hide();  // one key for the three panes, under them
  m_gaLine->setPen(QPen(kGradientColor, 2.5));
  m_maLine->setPen(QPen(kModelColor, 2.5, Qt::DashLine));
  for (auto* s : {m_gaLine, m_maLine}) {
    m_peopleChart->addSeries(s);
    s->attachAxis(m_heightAxis);
    s->attachAxis(m_weightAxis);
  }
  m_lossChart->addAxis(m_roundAxis, Qt::AlignBottom);
  m_lossChart->addAxis(m_lossAxis, Qt::AlignLeft);
  m_lossChart->legend()->hide();
  m_roundAxis->setLabelFormat("%d");
  m_gaLoss->setPen(QPen(kGradientColor, 2));
  m_averagedLoss->setPen(QPen(kModelColor, 2));
  m_meanClientLoss->setPen(QPen(kModelColor.lighter(130), 1.5, Qt::DotLine));
  for (auto* s : {m_gaLoss, m_averagedLoss, m_meanClientLoss}) {
    m_lossChart->addSeries(s);
    s->attachAxis(m_roundAxis);
    s->attachAxis(m_lossAxis);
  }
  auto chartView = [](QChart* chart) {
    auto* view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
  };
  connect(m_roundSlider, &QSlider::valueChanged, this, &AveragingView::setRound);

  auto* top = new QHBoxLayout;
  top->addWidget(m_table, 3);
  auto* formulaBox = new QVBoxLayout;
  formulaBox->addWidget(m_formula);
  formulaBox->addWidget(m_verdict);
  top->addLayout(formulaBox, 2);
  auto* slider = new QHBoxLayout;
  slider->addWidget(m_roundLabel);
  slider->addWidget(m_roundSlider, 1);
  // Three equal panes: the people, the loss surface, the loss per round.
  auto* middle = new QHBoxLayout;
  middle->addWidget(chartView(m_peopleChart), 1);
  middle->addWidget(m_surface, 1);
  middle->addWidget(chartView(m_lossChart), 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(m_intro);
  layout->addLayout(top);
  layout->addLayout(slider);
  layout->addLayout(middle, 1);
  m_key->setWordWrap(true);
  m_key->setTextFormat(Qt::RichText);
  layout->addWidget(m_key);
  retranslate();
  clear();
}

void AveragingView::clear() {
  setData(AveragingData{});
}

void AveragingView::setData(AveragingData results) {
  m_data = std::move(results);
  for (auto* s : m_peopleSeries) {
    m_peopleChart->removeSeries(s);
    delete s;
  }
  m_peopleSeries.clear();
  double h0 = 1e300, h1 = -1e300, w0 = 1e300, w1 = -1e300;
  for (const auto& p : m_data.people) {
    while (static_cast<int>(m_peopleSeries.size()) <= p.client) {
      auto* s = new QScatterSeries;
      s->setMarkerSize(7);
      s->setColor(clientColor(static_cast<int>(m_peopleSeries.size())));
      s->setBorderColor(Qt::transparent);
      m_peopleChart->addSeries(s);
      s->attachAxis(m_heightAxis);
      s->attachAxis(m_weightAxis);
      m_peopleSeries.push_back(s);
    }
    m_peopleSeries[static_cast<std::size_t>(p.client)]->append(p.height, p.weight);
    h0 = std::min(h0, p.height);
    h1 = std::max(h1, p.height);
    w0 = std::min(w0, p.weight);
    w1 = std::max(w1, p.weight);
  }
  if (m_data.people.empty()) {
    h0 = 1.4, h1 = 2.0, w0 = 30, w1 = 110;
  }
  m_heightAxis->setRange(h0 - 0.02, h1 + 0.02);
  m_weightAxis->setRange(std::min(0.0, w0 - 5), w1 + 10);
  m_weightAxis->applyNiceNumbers();
  QList<QPointF> ga, averaged, meanClient;
  for (std::size_t r = 0; r < m_data.gradientAveraging.size(); ++r) {
    const QPointF& p = m_data.gradientAveraging[r];
    ga.append({static_cast<double>(r), loss(m_data, p.x(), p.y())});
  }
  if (!m_data.modelAveraging.empty()) {
    const QPointF& s = m_data.modelAveraging.front();
    averaged.append({0.0, loss(m_data, s.x(), s.y())});
  }
  for (std::size_t r = 0; r < m_data.averagedModelLoss.size(); ++r) {
    averaged.append({static_cast<double>(r + 1), m_data.averagedModelLoss[r]});
    meanClient.append({static_cast<double>(r + 1), m_data.meanClientLoss[r]});
  }
  m_gaLoss->replace(ga);
  m_averagedLoss->replace(averaged);
  m_meanClientLoss->replace(meanClient);
  const int rounds = std::max(0, static_cast<int>(m_data.gradientAveraging.size()) - 1);
  m_roundAxis->setRange(0, std::max(1, rounds));
  // The loss falls by orders of magnitude in the first round; the axis spans the later rounds,
  // where the methods part and the convexity gap shows.
  double lo = 1e300, hi = -1e300;
  for (const auto* points : {&ga, &averaged, &meanClient}) {
    for (const QPointF& p : *points) {
      if (p.x() < 1) continue;
      lo = std::min(lo, p.y());
      hi = std::max(hi, p.y());
    }
  }
  if (lo > hi) lo = 0, hi = 1;
  const double pad = std::max((hi - lo) * 0.15, 1e-9 * std::abs(hi));
  m_lossAxis->setRange(lo - pad, hi + pad);
  m_surface->setData(&m_data);
  m_roundSlider->blockSignals(true);
  m_roundSlider->setRange(0, rounds);
  m_roundSlider->setValue(rounds);
  m_roundSlider->blockSignals(false);
  fillTable();
  retranslate();
  setRound(rounds);
}

void AveragingView::setRound(int round) {
  m_round = std::clamp(round, 0, std::max(0, static_cast<int>(m_data.central.size()) - 1));
  if (m_roundSlider->value() != m_round) m_roundSlider->setValue(m_round);
  m_surface->setRound(m_round);
  drawLines();
  m_roundLabel->setText(tr("After round %1 of %2").arg(m_round).arg(m_roundSlider->maximum()));
}

void AveragingView::drawLines() {
  auto line = [&](QLineSeries* series, const std::vector<QPointF>& models) {
    if (models.empty()) {
      series->clear();
      return;
    }
    const QPointF& ab = models[static_cast<std::size_t>(std::min<int>(m_round, static_cast<int>(models.size()) - 1))];
    const double h0 = m_heightAxis->min(), h1 = m_heightAxis->max();
    series->replace({{h0, ab.y() * h0 + ab.x()}, {h1, ab.y() * h1 + ab.x()}});
  };
  line(m_gaLine, m_data.gradientAveraging);
  line(m_maLine, m_data.modelAveraging);
}

void AveragingView::fillTable() {
  const std::vector<QPointF> rows = {m_data.oneStepCentral, m_data.oneStepGradientAveraging,
                                     m_data.oneStepModelAveraging, m_data.oneStepPlainMean};
  for (int r = 0; r < 4; ++r) {
    const bool have = hasData();
    m_table->setItem(r, 1, new QTableWidgetItem(have ? number(rows[static_cast<std::size_t>(r)].x()) : "-"));
    m_table->setItem(r, 2, new QTableWidgetItem(have ? number(rows[static_cast<std::size_t>(r)].y()) : "-"));
  }
}

QString AveragingView::verdict() const { return m_verdict->text(); }

void AveragingView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void AveragingView::retranslate() {
  m_intro->setText(
      tr("Weight = b x height + a, fitted by gradient descent on f = (1/n) sum (weight - b x "
         "height - a)^2 with the people split over clients. After one step, averaging the "
         "clients' gradients and averaging their models both equal central gradient descent; "
         "with several local steps per round they part."));
  m_table->setHorizontalHeaderLabels({tr("After one step"), tr("a"), tr("b")});
  const QStringList methods = {tr("Central gradient descent (all people)"),
                               tr("Gradient averaging (server averages gradients)"),
                               tr("Model averaging (server averages models)"),
                               tr("For comparison: plain mean 1/K over the clients")};
  for (int r = 0; r < 4; ++r) m_table->setItem(r, 0, new QTableWidgetItem(methods[r]));
  m_formula->setText(
      tr("<b>The lecture's argument</b><br>&nabla;f = &Sigma;<sub>k</sub> w<sub>k</sub> "
         "&nabla;f<sub>k</sub>, so<br>&Sigma;<sub>k</sub> w<sub>k</sub> (&theta; &minus; "
         "&lambda;&nabla;f<sub>k</sub>) = &theta; &minus; &lambda;&nabla;f<br>w<sub>k</sub> = "
         "n<sub>k</sub>/n (weighted mean) or 1/K (plain mean)"));
  if (!hasData()) {
    m_verdict->setText(tr("Press Run to compute the lesson."));
  } else {
    const double gaDiff = std::hypot(m_data.oneStepGradientAveraging.x() - m_data.oneStepCentral.x(),
                                     m_data.oneStepGradientAveraging.y() - m_data.oneStepCentral.y());
    const double maDiff = std::hypot(m_data.oneStepModelAveraging.x() - m_data.oneStepCentral.x(),
                                     m_data.oneStepModelAveraging.y() - m_data.oneStepCentral.y());
    const double scale = std::hypot(m_data.oneStepCentral.x(), m_data.oneStepCentral.y());
    const double worst = std::max(gaDiff, maDiff) / std::max(scale, 1e-300);
    m_verdict->setText(
        worst < 1e-9
            ? tr("Equal: the three differ by at most %1 (relative), rounding only.")
                  .arg(worst, 0, 'g', 2)
            : tr("Not equal: they differ by %1 (relative). With a plain mean over clients of "
                 "different sizes, the averaged gradient is not the central one.")
                  .arg(worst, 0, 'g', 2));
    const double plain = std::hypot(m_data.oneStepPlainMean.x() - m_data.oneStepCentral.x(),
                                    m_data.oneStepPlainMean.y() - m_data.oneStepCentral.y()) /
                         std::max(scale, 1e-300);
    if (worst < 1e-9 && plain > 1e-9) {
      m_verdict->setText(m_verdict->text() + " " +
                         tr("A plain mean 1/K would be off by %1 (relative): the clients differ "
                            "in size, so the weights n_k/n matter.")
                             .arg(plain, 0, 'g', 2));
    }
  }
  m_peopleChart->setTitle(tr("The people and the fitted lines"));
  m_heightAxis->setTitleText(tr("Height (m)"));
  m_weightAxis->setTitleText(tr("Weight (kg)"));
  for (std::size_t k = 0; k < m_peopleSeries.size(); ++k) {
    m_peopleSeries[k]->setName(tr("Client %1").arg(k + 1));
  }
  m_gaLine->setName(tr("Gradient averaging"));
  m_maLine->setName(tr("Model averaging"));
  m_lossChart->setTitle(tr("Loss on all people after each round"));
  m_roundAxis->setTitleText(tr("Round"));
  m_lossAxis->setTitleText(tr("f(a, b)"));
  m_gaLoss->setName(tr("Gradient averaging"));
  m_averagedLoss->setName(tr("Model averaging: f(averaged model)"));
  m_meanClientLoss->setName(tr("Mean of f(client models) before averaging"));
  auto swatch = [](const QColor& c, const QString& text, const QString& glyph = "&#9632;") {
    return QString("<span style=\"color:%1\">%2</span>&nbsp;%3").arg(c.name(), glyph, text);
  };
  QStringList key;
  for (std::size_t k = 0; k < m_peopleSeries.size(); ++k) {
    key << swatch(clientColor(static_cast<int>(k)), tr("Client %1 (its people, its local steps)").arg(k + 1));
  }
  key << swatch(kGradientColor, tr("gradient averaging"), "&#9473;&#9473;")
      << swatch(kModelColor, tr("model averaging: f(averaged model)"), "&#9476;&#9476;")
      << swatch(kModelColor.lighter(130), tr("mean of f(client models) before averaging"),
                "&middot;&middot;&middot;")
      << swatch(QColor(0xd6, 0x27, 0x28), tr("least squares"), "&#10005;");
  m_key->setText(key.join(" &nbsp; "));
  m_surface->setToolTip(
      tr("The loss f(a, b) (darker is lower). Grey: gradient averaging; dashed purple: model "
         "averaging; thin coloured: each client's local steps."));
  if (hasData()) setRound(m_round);
}

}  // namespace distlab::widgets
