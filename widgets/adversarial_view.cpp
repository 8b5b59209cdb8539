#include "widgets/adversarial_view.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

#include "widgets/class_names.h"

namespace distlab::widgets {
namespace {

const QColor kChanged(198, 40, 40);

/// The examples' picture with each one's caption under its column.
class ExampleStrip : public QWidget {
 public:
  explicit ExampleStrip(const AdversarialView& view) : m_view(view) { setMinimumHeight(240); }

 protected:
  void paintEvent(QPaintEvent*) override {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const auto& d = m_view.data();
    if (d.grid.isNull() || d.examples.empty()) return;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    p.setFont(small);
    const QFontMetrics metrics(small);
    const int line = metrics.height();
    // Row names on the left, for the picture's three rows and the three caption lines.
    const QStringList rows = AdversarialView::rowNames();
    int gutter = 0;
    for (const auto& r : rows) gutter = std::max(gutter, metrics.horizontalAdvance(r) + 10);
    const QRect room = rect().adjusted(gutter, 4, -4, -4 - 3 * line);
    const QSize size = d.grid.size().scaled(room.size(), Qt::KeepAspectRatio);
    const QRect target(room.left(), room.top(), size.width(), size.height());
    p.drawImage(target, d.grid);
    p.setPen(palette().text().color());
    const double third = target.height() / 3.0;
    for (int r = 0; r < 3; ++r) {
      p.drawText(QRectF(0, target.top() + r * third, gutter - 6, third),
                 Qt::AlignRight | Qt::AlignVCenter, rows[r]);
    }
    for (int l = 0; l < 3; ++l) {
      p.drawText(QRectF(0, target.bottom() + 2 + l * line, gutter - 6, line),
                 Qt::AlignRight | Qt::AlignVCenter, rows[3 + l]);
    }
    const double column = static_cast<double>(target.width()) / d.examples.size();
    for (int i = 0; i < static_cast<int>(d.examples.size()); ++i) {
      const QStringList lines = m_view.caption(i);
      const auto& e = d.examples[static_cast<std::size_t>(i)];
      for (int l = 0; l < lines.size(); ++l) {
        p.setPen(l == 2 && e.attackedClass != e.cleanClass ? kChanged : palette().text().color());
        const QRectF box(target.left() + i * column, target.bottom() + 2 + l * line, column, line);
        p.drawText(box, Qt::AlignHCenter | Qt::AlignVCenter,
                   metrics.elidedText(lines[l], Qt::ElideRight, static_cast<int>(column) - 2));
      }
    }
  }

 private:
  const AdversarialView& m_view;
};

QString percent(double share) { return QString::number(100.0 * share, 'f', 1) + "%"; }

}  // namespace

AdversarialView::AdversarialView(QWidget* parent)
    : QWidget(parent),
      m_summary(new QLabel),
      m_chart(new QChart),
      m_epsilonAxis(new QValueAxis),
      m_accuracyAxis(new QValueAxis),
      m_examples(nullptr) {
  m_chart->addAxis(m_epsilonAxis, Qt::AlignBottom);
  m_chart->addAxis(m_accuracyAxis, Qt::AlignLeft);
  m_accuracyAxis->setRange(0, 1);
  m_chart->legend()->setAlignment(Qt::AlignBottom);
  auto* chartView = new QChartView(m_chart);
  chartView->setRenderHint(QPainter::Antialiasing);
  chartView->setMinimumHeight(260);
  m_summary->setWordWrap(true);
  m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  m_examples = new ExampleStrip(*this);
  auto* top = new QHBoxLayout;
  top->addWidget(chartView, 3);
  top->addWidget(m_summary, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addLayout(top, 2);
  layout->addWidget(m_examples, 3);
  retranslate();
}

QString AdversarialView::trainingName(const QString& name) {
  if (name == "none") return tr("plain training");
  if (name == "pgd") return tr("adversarial training (PGD)");
  if (name == "input-gradient") return tr("input-gradient regularisation");
  return name;
}

void AdversarialView::setData(AdversarialData data) {
  m_data = std::move(data);
  rebuildChart();
  retranslate();
  m_examples->update();
}

void AdversarialView::clear() { setData({}); }

void AdversarialView::rebuildChart() {
  m_chart->removeAllSeries();
  double largest = 0.0;
  const QColor colours[] = {QColor(21, 101, 192), QColor(198, 40, 40), QColor(46, 125, 50)};
  int next = 0;
  for (const auto& t : m_data.trainings) {
    auto* series = new QLineSeries;
    series->setColor(colours[next++ % 3]);
    for (const auto& [epsilon, accuracy] : t.curve) {
      series->append(epsilon, accuracy);
      largest = std::max(largest, epsilon);
    }
    series->setPointsVisible(true);
    m_chart->addSeries(series);
    series->attachAxis(m_epsilonAxis);
    series->attachAxis(m_accuracyAxis);
  }
  m_epsilonAxis->setRange(0, largest > 0 ? largest : 1);
}

QStringList AdversarialView::caption(int i) const {
  if (i < 0 || i >= static_cast<int>(m_data.examples.size())) return {};
  const auto& e = m_data.examples[static_cast<std::size_t>(i)];
  // The class name without its number: the columns are narrow.
  const auto name = [&](int label) {
    return className(m_data.dataset, label).section(' ', 1).trimmed().isEmpty()
               ? className(m_data.dataset, label)
               : className(m_data.dataset, label).section(' ', 1);
  };
  return {name(e.label), name(e.cleanClass) + " " + percent(e.cleanConfidence),
          name(e.attackedClass) + " " + percent(e.attackedConfidence)};
}

QStringList AdversarialView::rowNames() {
  return {tr("original"), tr("attacked"), tr("change"),
          tr("class"),    tr("answer"),   tr("under attack")};
}

QString AdversarialView::summary() const {
  if (m_data.trainings.empty()) return tr("No result yet.");
  QString text =
      tr("Test accuracy without attack and under the attack of budget %1:").arg(m_data.epsilon) +
      "<ul>";
  for (const auto& t : m_data.trainings) {
    text += "<li>" +
            tr("%1: %2 clean, %3 attacked (trained in %4 s)")
                .arg(trainingName(t.name), percent(t.clean), percent(t.robust))
                .arg(t.seconds, 0, 'f', 1) +
            "</li>";
  }
  int changed = 0;
  for (const auto& e : m_data.examples) changed += e.attackedClass != e.cleanClass;
  text += "</ul>" + tr("Below: the first test images (top), the same after the attack (middle) "
                       "and the change magnified, mid grey for none (bottom); the attack "
                       "changed %1 of %2 answers.")
                        .arg(changed)
                        .arg(m_data.examples.size());
  return text;
}

void AdversarialView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void AdversarialView::retranslate() {
  m_chart->setTitle(tr("Test accuracy under attack"));
  m_epsilonAxis->setTitleText(tr("Budget epsilon"));
  m_accuracyAxis->setTitleText(tr("Test accuracy"));
  const auto series = m_chart->series();
  for (int i = 0; i < series.size() && i < static_cast<int>(m_data.trainings.size()); ++i) {
    series[i]->setName(trainingName(m_data.trainings[static_cast<std::size_t>(i)].name));
  }
  m_summary->setText(summary());
  m_examples->update();
}

}  // namespace distlab::widgets
