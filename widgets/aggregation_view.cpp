#include "widgets/aggregation_view.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace distlab::widgets {
namespace {

QColor methodColor(const QString& name) {
  if (name == "S-DNN") return QColor(0x7f, 0x7f, 0x7f);
  if (name == "MA-DNN") return QColor(0x1f, 0x77, 0xb4);
  if (name == "E-DNN") return QColor(0x2c, 0xa0, 0x2c);
  return QColor(0xd6, 0x27, 0x28);  // EC-DNN
}

const AggregationData::Method* findMethod(const AggregationData& d, const QString& name) {
  for (const auto& m : d.methods) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

}  // namespace

AggregationView::AggregationView(QWidget* parent)
    : QWidget(parent),
      m_intro(new QLabel),
      m_axisBox(new QComboBox),
      m_chart(new QChart),
      m_xAxis(new QValueAxis),
      m_accuracyAxis(new QValueAxis),
      m_table(new QTableWidget(0, 7)),
      m_verdict(new QLabel) {
  m_intro->setWordWrap(true);
  m_verdict->setWordWrap(true);
  m_chart->addAxis(m_xAxis, Qt::AlignBottom);
  m_chart->addAxis(m_accuracyAxis, Qt::AlignLeft);
  m_chart->legend()->setAlignment(Qt::AlignBottom);
  m_accuracyAxis->setLabelFormat("%.2f");
  m_axisBox->addItems({QString(), QString(), QString(), QString()});
  connect(m_axisBox, &QComboBox::activated, this,
          [this](int i) { setXAxis(static_cast<XAxis>(i)); });
  auto* view = new QChartView(m_chart);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(280);
  m_table->verticalHeader()->setVisible(false);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setMaximumHeight(170);
  auto* top = new QHBoxLayout;
  top->addWidget(m_intro, 1);
  top->addWidget(m_axisBox);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addLayout(top);
  layout->addWidget(view, 1);
  layout->addWidget(m_table);
  layout->addWidget(m_verdict);
  setData({});
}

void AggregationView::setData(AggregationData results) {
  m_data = std::move(results);
  for (auto* s : m_series) {
    m_chart->removeSeries(s);
    delete s;
  }
  m_series.clear();
  for (const auto& method : m_data.methods) {
    auto* s = new QLineSeries;
    s->setName(method.name);
    s->setPen(QPen(methodColor(method.name), method.name == "S-DNN" ? 2.0 : 2.5,
                   method.name == "S-DNN" ? Qt::DashLine : Qt::SolidLine));
    m_chart->addSeries(s);
    s->attachAxis(m_xAxis);
    s->attachAxis(m_accuracyAxis);
    m_series.push_back(s);
  }
  m_table->setRowCount(static_cast<int>(m_data.methods.size()));
  double smallest = 0;
  for (const auto& m : m_data.methods) {
    if (smallest == 0 || (m.modelParameters > 0 && m.modelParameters < smallest)) {
      smallest = static_cast<double>(m.modelParameters);
    }
  }
  for (int r = 0; r < m_table->rowCount(); ++r) {
    const auto& m = m_data.methods[static_cast<std::size_t>(r)];
    const double factor = smallest > 0 ? static_cast<double>(m.modelParameters) / smallest : 1.0;
    const QStringList cells = {
        m.name,
        QString::number(m.workers),
        QString::number(m.finalAccuracy * 100.0, 'f', 2) + " %",
        QString::number(m.modelParameters) +
            (factor > 1.01 ? QString(" (%1x)").arg(factor, 0, 'f', 0) : QString()),
        QString("%1x").arg(factor, 0, 'f', 0),  // forward passes per prediction
        QString::number(m.bytes / 1e6, 'f', 1),
        QString::number(m.wallSeconds, 'f', 1)};
    for (int c = 0; c < cells.size(); ++c) m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
  }
  draw();
  retranslate();
}

void AggregationView::setXAxis(XAxis axis) {
  m_axis = axis;
  m_axisBox->setCurrentIndex(static_cast<int>(axis));
  draw();
  retranslate();
}

QLineSeries* AggregationView::series(const QString& method) const {
  for (auto* s : m_series) {
    if (s->name() == method) return s;
  }
  return nullptr;
}

void AggregationView::draw() {
  double xMax = 1, yMin = 1, yMax = 0;
  for (std::size_t i = 0; i < m_data.methods.size(); ++i) {
    QList<QPointF> points;
    for (const auto& p : m_data.methods[i].curve) {
      const double x = m_axis == XAxis::Epoch      ? p.epoch
                       : m_axis == XAxis::Round    ? static_cast<double>(p.round)
                       : m_axis == XAxis::WallTime ? p.seconds
                                                   : p.bytes / 1e6;
      points.append({x, p.testAccuracy});
      xMax = std::max(xMax, x);
      yMin = std::min(yMin, p.testAccuracy);
      yMax = std::max(yMax, p.testAccuracy);
    }
    m_series[i]->replace(points);
  }
  m_xAxis->setRange(0, xMax);
  m_xAxis->applyNiceNumbers();
  if (yMax < yMin) yMin = 0, yMax = 1;
  m_accuracyAxis->setRange(std::max(0.0, yMin - 0.02), std::min(1.0, yMax + 0.02));
}

QString AggregationView::verdict() const { return m_verdict->text(); }

void AggregationView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void AggregationView::retranslate() {
  m_intro->setText(
      tr("The same data, seed and number of examples for each method: S-DNN trains one model "
         "alone; MA-DNN averages the workers' models every round; E-DNN keeps all of them and "
         "averages their predictions; EC-DNN distils that ensemble back into one model on the "
         "server and sends it out."));
  m_axisBox->setItemText(0, tr("Against epochs"));
  m_axisBox->setItemText(1, tr("Against rounds"));
  m_axisBox->setItemText(2, tr("Against wall time"));
  m_axisBox->setItemText(3, tr("Against MB sent"));
  m_chart->setTitle(tr("Test accuracy"));
  m_xAxis->setTitleText(m_axis == XAxis::Epoch      ? tr("Epoch (examples seen / training set)")
                        : m_axis == XAxis::Round    ? tr("Round (S-DNN: one worker's rounds)")
                        : m_axis == XAxis::WallTime ? tr("Seconds")
                                                    : tr("MB sent (both ways)"));
  m_accuracyAxis->setTitleText(tr("Accuracy"));
  m_table->setHorizontalHeaderLabels({tr("Method"), tr("Workers"), tr("Final accuracy"),
                                      tr("Model parameters"), tr("Inference cost"), tr("MB sent"),
                                      tr("Wall time (s)")});
  const auto* ma = findMethod(m_data, "MA-DNN");
  const auto* ec = findMethod(m_data, "EC-DNN");
  const auto* e = findMethod(m_data, "E-DNN");
  if (!ma || !ec || !e) {
    m_verdict->setText(tr("Press Run: the four methods train one after the other on real "
                          "clusters."));
    return;
  }
  const QString claim =
      tr("The paper's claim: EC-DNN beats MA-DNN at equal communication; E-DNN is best but K "
         "times larger.");
  const QString measured =
      tr("Measured: EC-DNN %1 % vs MA-DNN %2 % with %3 vs %4 MB sent; E-DNN %5 % with a model "
         "%6 times larger.")
          .arg(ec->finalAccuracy * 100, 0, 'f', 2)
          .arg(ma->finalAccuracy * 100, 0, 'f', 2)
          .arg(ec->bytes / 1e6, 0, 'f', 1)
          .arg(ma->bytes / 1e6, 0, 'f', 1)
          .arg(e->finalAccuracy * 100, 0, 'f', 2)
          .arg(ma->modelParameters > 0
                   ? static_cast<double>(e->modelParameters) / static_cast<double>(ma->modelParameters)
                   : 0.0,
               0, 'f', 0);
  m_verdict->setText(claim + " " + measured);
}

}  // namespace distlab::widgets
