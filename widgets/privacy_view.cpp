#include "widgets/privacy_view.h"

#include "widgets/class_names.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPixmap>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace distlab::widgets {
namespace {

QChartView* viewOf(QChart* chart) {
  auto* view = new QChartView(chart);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(240);
  return view;
}

}  // namespace

QString PrivacyView::attackName(const QString& id) {
  if (id == "dlg") return tr("DLG (deep leakage from gradients)");
  if (id == "idlg") return tr("iDLG (the label read off first)");
  if (id == "analytic") return tr("Analytic (from the first dense layer)");
  return id;
}

QString PrivacyView::defenseName(const QString& id) {
  if (id == "none") return tr("no defense");
  if (id == "noise") return tr("Gaussian noise");
  if (id == "topk") return tr("top-k sparsification");
  if (id == "fp16") return tr("16-bit floats");
  if (id == "int8") return tr("8-bit quantization");
  if (id == "dp") return tr("DP-SGD (each example clipped, noise added)");
  if (id == "local-steps") return tr("several local steps");
  return id;
}

PrivacyView::PrivacyView(QWidget* parent)
    : QWidget(parent),
      m_intro(new QLabel),
      m_targetLabel(new QLabel),
      m_imagesLabel(new QLabel),
      m_modelLabel(new QLabel),
      m_attackLabel(new QLabel),
      m_optimizerLabel(new QLabel),
      m_distanceKindLabel(new QLabel),
      m_defenseLabel(new QLabel),
      m_strengthLabel(new QLabel),
      m_images(new QLineEdit),
      m_target(new QComboBox),
      m_model(new QComboBox),
      m_attack(new QComboBox),
      m_optimizer(new QComboBox),
      m_distanceKind(new QComboBox),
      m_defense(new QComboBox),
      m_strength(new QDoubleSpinBox),
      m_attackButton(new QPushButton),
      m_grid(new QLabel),
      m_table(new QTableWidget(0, 5)),
      m_curveChart(new QChart),
      m_iterationAxis(new QValueAxis),
      m_psnrAxis(new QValueAxis),
      m_distanceAxis(new QLogValueAxis),
      m_distance(new QLineSeries),
      m_psnr(new QLineSeries),
      m_utilityChart(new QChart),
      m_strengthAxis(new QLogValueAxis),
      m_utilityPsnrAxis(new QValueAxis),
      m_accuracyAxis(new QValueAxis),
      m_utilityPsnr(new QLineSeries),
      m_utilityAccuracy(new QLineSeries) {
  m_intro->setWordWrap(true);
  m_grid->setAlignment(Qt::AlignCenter);
  m_grid->setMinimumHeight(200);
  m_grid->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  m_table->verticalHeader()->setVisible(false);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setMaximumHeight(200);

  m_curveChart->addAxis(m_iterationAxis, Qt::AlignBottom);
  m_curveChart->addAxis(m_distanceAxis, Qt::AlignLeft);
  m_curveChart->addAxis(m_psnrAxis, Qt::AlignRight);
  m_curveChart->legend()->setAlignment(Qt::AlignBottom);
  m_iterationAxis->setLabelFormat("%d");
  m_distanceAxis->setLabelFormat("%.0e");
  m_psnrAxis->setLabelFormat("%.0f");
  m_distance->setPen(QPen(QColor(0x44, 0x44, 0x44), 2));
  m_psnr->setPen(QPen(QColor(0xd6, 0x27, 0x28), 2.5));
  m_curveChart->addSeries(m_distance);
  m_distance->attachAxis(m_iterationAxis);
  m_distance->attachAxis(m_distanceAxis);
  m_curveChart->addSeries(m_psnr);
  m_psnr->attachAxis(m_iterationAxis);
  m_psnr->attachAxis(m_psnrAxis);

  m_utilityChart->addAxis(m_strengthAxis, Qt::AlignBottom);
  m_utilityChart->addAxis(m_utilityPsnrAxis, Qt::AlignLeft);
  m_utilityChart->addAxis(m_accuracyAxis, Qt::AlignRight);
  m_utilityChart->legend()->setAlignment(Qt::AlignBottom);
  m_strengthAxis->setLabelFormat("%g");
  m_utilityPsnrAxis->setLabelFormat("%.0f");
  m_accuracyAxis->setLabelFormat("%.2f");
  m_accuracyAxis->setRange(0, 1);
  m_utilityPsnr->setPen(QPen(QColor(0xd6, 0x27, 0x28), 2.5));
  m_utilityAccuracy->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2.5));
  for (auto* s : {m_utilityPsnr, m_utilityAccuracy}) {
    s->setPointsVisible(true);
    m_utilityChart->addSeries(s);
    s->attachAxis(m_strengthAxis);
  }
  m_utilityPsnr->attachAxis(m_utilityPsnrAxis);
  m_utilityAccuracy->attachAxis(m_accuracyAxis);

  auto* grid = new QGridLayout;
  grid->addWidget(m_grid, 0, 0);
  grid->addWidget(m_table, 1, 0);
  grid->addWidget(viewOf(m_curveChart), 0, 1);
  grid->addWidget(viewOf(m_utilityChart), 1, 1);
  grid->setColumnStretch(0, 1);
  grid->setColumnStretch(1, 1);
  // The choices a class makes: which target (test images or a captured push), which images,
  // which model, which attack, which defense.
  m_target->addItem(QString(), -1);
  // A fixed width: a long list of kept captures must not squeeze the window.
  m_target->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_target->setMinimumContentsLength(26);
  connect(m_target, &QComboBox::currentIndexChanged, this, [this] { updateTargetControls(); });
  m_model->addItem(QString(), "mlp");
  m_model->addItem(QString(), "lenet5");
  for (const char* a : {"dlg", "idlg", "analytic"}) m_attack->addItem(QString(), a);
  // How DLG fits the dummy data: the optimizer (L-BFGS, or Adam to see why not) and the
  // gradient distance.
  m_optimizer->addItem("L-BFGS", "lbfgs");
  m_optimizer->addItem("Adam", "adam");
  m_distanceKind->addItem("L2", "l2");
  m_distanceKind->addItem(QString(), "cosine");
  for (const char* d : {"none", "noise", "topk", "fp16", "int8", "dp", "local-steps"}) {
    m_defense->addItem(QString(), d);
  }
  m_strength->setRange(0.0, 100.0);
  m_strength->setDecimals(4);
  m_strength->setSingleStep(0.01);
  m_images->setMinimumWidth(70);
  m_images->setMaximumWidth(110);
  m_model->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  // Named choices are long ("DP-SGD (each example clipped, noise added)"): the closed lists
  // elide them and the open ones show them whole, so the row does not widen the window.
  for (QComboBox* box : {m_attack, m_defense}) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(16);
  }
  connect(m_attackButton, &QPushButton::clicked, this, &PrivacyView::attackRequested);
  // What is attacked on one row, how on the next: one row would squeeze the window.
  auto* what = new QHBoxLayout;
  for (QWidget* w : std::initializer_list<QWidget*>{m_targetLabel, m_target, m_imagesLabel,
                                                    m_images, m_modelLabel, m_model}) {
    what->addWidget(w);
  }
  what->addStretch(1);
  auto* how = new QHBoxLayout;
  for (QWidget* w : std::initializer_list<QWidget*>{
           m_attackLabel, m_attack, m_optimizerLabel, m_optimizer, m_distanceKindLabel,
           m_distanceKind, m_defenseLabel, m_defense, m_strengthLabel, m_strength}) {
    how->addWidget(w);
  }
  how->addStretch(1);
  how->addWidget(m_attackButton);
  auto* controls = new QVBoxLayout;
  controls->addLayout(what);
  controls->addLayout(how);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->addWidget(m_intro);
  layout->addLayout(controls);
  layout->addLayout(grid, 1);
  setData({});
}

void PrivacyView::fillTable() {
  m_table->setRowCount(static_cast<int>(m_data.images.size()));
  for (int r = 0; r < m_table->rowCount(); ++r) {
    const auto& img = m_data.images[static_cast<std::size_t>(r)];
    const QStringList cells = {
        QString::number(img.index), className(m_data.dataset, img.label),
        img.recoveredLabel < 0 ? QString("-") : className(m_data.dataset, img.recoveredLabel),
        QString::number(img.psnr, 'f', 1) + " dB", QString::number(img.ssim, 'f', 3)};
    for (int c = 0; c < cells.size(); ++c) m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
  }
}

void PrivacyView::setData(PrivacyData results) {
  m_data = std::move(results);
  m_progressIteration = 0;
  showGrid(m_data.grid);
  fillTable();
  QList<QPointF> distance, psnr;
  double dLo = 1e300, dHi = 1e-300, pHi = 10, last = 1;
  for (const auto& it : m_data.curve) {
    if (it.distance > 0) {
      distance.append({static_cast<double>(it.iteration), it.distance});
      dLo = std::min(dLo, it.distance);
      dHi = std::max(dHi, it.distance);
    }
    psnr.append({static_cast<double>(it.iteration), std::min(it.psnr, 100.0)});
    pHi = std::max(pHi, std::min(it.psnr, 100.0));
    last = std::max(last, static_cast<double>(it.iteration));
  }
  m_distance->replace(distance);
  m_psnr->replace(psnr);
  m_iterationAxis->setRange(0, last);
  if (dLo > dHi) dLo = 1e-6, dHi = 1;
  // A label every decade crowds a short chart (Qt then elides them all): at most five labels,
  // one every `step` decades (a converged attack spans ~16).
  double lo = std::floor(std::log10(dLo)), hi = std::ceil(std::log10(dHi));
  double step = std::max(1.0, std::ceil((hi - lo) / 4));
  while (std::ceil(hi / step) - std::floor(lo / step) > 4) ++step;  // aligned to its multiples
  lo = step * std::floor(lo / step);
  hi = step * std::ceil(hi / step);
  m_distanceAxis->setBase(std::pow(10, step));
  m_distanceAxis->setRange(std::pow(10, lo), std::pow(10, hi));
  m_psnrAxis->setRange(0, std::ceil(pHi / 10) * 10);
  QList<QPointF> uPsnr, uAccuracy;
  double sLo = 1e300, sHi = 0, uHi = 10;
  for (const auto& u : m_data.utility) {
    if (u.strength <= 0) continue;  // "none" has no place on a log axis; it is in the table
    uPsnr.append({u.strength, std::min(u.psnr, 100.0)});
    uAccuracy.append({u.strength, u.accuracy});
    sLo = std::min(sLo, u.strength);
    sHi = std::max(sHi, u.strength);
    uHi = std::max(uHi, std::min(u.psnr, 100.0));
  }
  m_utilityPsnr->replace(uPsnr);
  m_utilityAccuracy->replace(uAccuracy);
  if (sLo > sHi) sLo = 1e-3, sHi = 1;
  m_strengthAxis->setRange(sLo / 2, sHi * 2);
  m_utilityPsnrAxis->setRange(0, std::ceil(uHi / 10) * 10);
  retranslate();
}

void PrivacyView::setSettings(const QJsonObject& spec) {
  const QJsonObject privacy = spec.value("privacy").toObject();
  QStringList images;
  for (const QJsonValue& v : privacy.value("images").toArray(QJsonArray{0})) {
    images << QString::number(v.toInt());
  }
  m_images->setText(images.join(", "));
  const auto select = [](QComboBox* box, const QString& value) {
    const int i = box->findData(value);
    if (i >= 0) box->setCurrentIndex(i);
  };
  select(m_model, spec.value("model").toObject().value("arch").toString("mlp"));
  select(m_attack, privacy.value("attack").toString("dlg"));
  select(m_optimizer, privacy.value("optimizer").toString("lbfgs"));
  select(m_distanceKind, privacy.value("distance").toString("l2"));
  select(m_defense, privacy.value("defense").toString("none"));
  m_strength->setValue(privacy.value("defense_strength").toDouble(0.0));
  // The target: the captured push the spec attacks when it is one of those offered.
  const QString from = privacy.value("capture_from").toString();
  int target = 0;
  for (int i = 1; i < m_target->count(); ++i) {
    const auto c = static_cast<std::size_t>(m_target->itemData(i).toInt());
    if (!from.isEmpty() && m_captures[c].folder == from) target = i;
  }
  m_target->setCurrentIndex(target);
}

void PrivacyView::setCaptures(std::vector<CapturedPush> captures, int select) {
  const int current = selectedCapture();
  const QString keep =
      current >= 0 ? m_captures[static_cast<std::size_t>(current)].folder : QString();
  m_captures = std::move(captures);
  while (m_target->count() > 1) m_target->removeItem(m_target->count() - 1);
  int index = 0;
  for (int i = 0; i < static_cast<int>(m_captures.size()); ++i) {
    m_target->addItem(QString(), i);
    if (i == select || (select < 0 && m_captures[static_cast<std::size_t>(i)].folder == keep)) {
      index = i + 1;
    }
  }
  m_target->setCurrentIndex(index);
  retranslate();
}

int PrivacyView::selectedCapture() const { return m_target->currentData().toInt(); }

void PrivacyView::updateTargetControls() {
  // A captured push brings its own images (the worker's batch) and model (the run's).
  const bool testImages = selectedCapture() < 0;
  m_images->setEnabled(testImages);
  m_model->setEnabled(testImages);
}

void PrivacyView::writeAttackChoices(QJsonObject& privacy) const {
  privacy["attack"] = m_attack->currentData().toString();
  privacy["optimizer"] = m_optimizer->currentData().toString();
  privacy["distance"] = m_distanceKind->currentData().toString();
  privacy["defense"] = m_defense->currentData().toString();
  privacy["defense_strength"] = m_strength->value();
}

QJsonObject PrivacyView::applySettings(const QJsonObject& spec, QString* error) const {
  if (const int c = selectedCapture(); c >= 0) {
    const CapturedPush& capture = m_captures[static_cast<std::size_t>(c)];
    QJsonObject out = capture.spec;
    QJsonObject privacy = out.value("privacy").toObject();
    privacy["capture_from"] = capture.folder;
    privacy["capture_worker"] = -1;
    writeAttackChoices(privacy);
    out["privacy"] = privacy;
    return out;
  }
  QJsonArray images;
  for (const QString& part : m_images->text().split(',', Qt::SkipEmptyParts)) {
    bool ok = false;
    const int index = part.trimmed().toInt(&ok);
    if (!ok || index < 0) {
      *error = tr("Images: \"%1\" is not an image number; allowed: 1 to 8 test-set indices "
                  "such as 0, 1, 4")
                   .arg(part.trimmed());
      return {};
    }
    images.append(index);
  }
  if (images.isEmpty() || images.size() > 8) {
    *error =
        tr("Images: %1 given; allowed: 1 to 8 test-set indices such as 0, 1, 4").arg(images.size());
    return {};
  }
  QJsonObject out = spec;
  QJsonObject privacy = out.value("privacy").toObject();
  privacy.remove("capture_from");  // left by an attack on a captured push
  privacy["images"] = images;
  writeAttackChoices(privacy);
  out["privacy"] = privacy;
  QJsonObject model = out.value("model").toObject();
  const QString arch = m_model->currentData().toString();
  if (model.value("arch").toString() != arch) {
    model["arch"] = arch;
    model["activation"] = "sigmoid";
    model["init"] = "uniform";
    // The reference LeNet's U(-0.5, 0.5); a 784-input MLP needs U(-0.05, 0.05) (see RESULTS).
    model["init_range"] = arch == "lenet5" ? QJsonArray{-0.5, 0.5} : QJsonArray{-0.05, 0.05};
    out["model"] = model;
  }
  return out;
}

void PrivacyView::showGrid(const QImage& image) {
  // The grid as the engine drew it (4x), narrowed for large batches so the charts keep room.
  QImage grid = image;
  if (!grid.isNull() && grid.width() > 560)
    grid = grid.scaledToWidth(560, Qt::SmoothTransformation);
  m_grid->setPixmap(grid.isNull() ? QPixmap() : QPixmap::fromImage(grid));
}

void PrivacyView::showProgress(const QImage& grid, int iteration) {
  m_progressIteration = iteration;
  showGrid(grid);
  m_grid->setToolTip(tr("After %1 iterations").arg(iteration));
}

void PrivacyView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslate();
    fillTable();  // the label names
  }
  QWidget::changeEvent(event);
}

void PrivacyView::retranslate() {
  m_intro->setText(
      tr("A worker shares only the gradient of its batch. The attacker (an honest-but-curious "
         "server) searches for images whose gradient matches it: top row, the worker's private "
         "images; bottom row, what the attacker rebuilt."));
  if (m_data.grid.isNull()) m_grid->setText(tr("Press Attack (or Run) to attack."));
  m_targetLabel->setText(tr("Target:"));
  m_target->setItemText(0, tr("Test images"));
  for (int i = 1; i < m_target->count(); ++i) {
    const CapturedPush& c = m_captures[static_cast<std::size_t>(m_target->itemData(i).toInt())];
    m_target->setItemText(i, tr("Worker %1's push, step %2 (%3)")
                                 .arg(c.worker)
                                 .arg(c.step)
                                 .arg(c.keptAt.toString("MM-dd HH:mm")));
  }
  m_imagesLabel->setText(tr("Images:"));
  m_images->setToolTip(tr("Test-set indices attacked together as one batch, e.g. 0, 1, 4"));
  m_modelLabel->setText(tr("Model:"));
  m_model->setItemText(0, tr("MLP (sigmoid)"));
  m_model->setItemText(1, tr("LeNet (the DLG paper's)"));
  m_attackLabel->setText(tr("Attack:"));
  for (QComboBox* box : {m_attack, m_defense}) {
    for (int i = 0; i < box->count(); ++i) {
      const QString id = box->itemData(i).toString();
      box->setItemText(i, box == m_attack ? attackName(id) : defenseName(id));
    }
  }
  m_optimizerLabel->setText(tr("Optimizer:"));
  m_distanceKindLabel->setText(tr("Distance:"));
  m_distanceKind->setItemText(1, tr("cosine"));
  m_optimizer->setToolTip(
      tr("L-BFGS (with a line search) is what DLG uses; Adam takes one "
         "gradient a step and needs many more"));
  m_distanceKind->setToolTip(
      tr("How the dummy gradient is compared with the observed one: the "
         "squared L2 distance, or 1 - cosine similarity (ignores its size)"));
  m_defenseLabel->setText(tr("Defense:"));
  m_strengthLabel->setText(tr("Strength:"));
  m_strength->setToolTip(
      tr("noise: std; topk: fraction pruned; dp: noise multiplier; "
         "local-steps: number of steps"));
  m_attackButton->setText(tr("Attack"));
  m_table->setHorizontalHeaderLabels(
      {tr("Image"), tr("Label"), tr("Label found"), tr("PSNR"), tr("SSIM")});
  m_curveChart->setTitle(tr("The attack, iteration by iteration"));
  m_iterationAxis->setTitleText(tr("Iteration"));
  m_distanceAxis->setTitleText(tr("Distance"));
  m_psnrAxis->setTitleText(tr("PSNR (dB)"));
  m_distance->setName(tr("gradient distance"));
  m_psnr->setName(tr("mean PSNR of the rebuilt images"));
  m_utilityChart->setTitle(
      m_data.utility.empty()
          ? tr("Privacy and utility (give the spec sweep strengths)")
          : tr("Privacy and utility: %1 of growing strength")
                .arg(defenseName(m_data.utility.back().defense)));
  m_strengthAxis->setTitleText(tr("Defense strength"));
  m_utilityPsnrAxis->setTitleText(tr("PSNR (dB)"));
  m_accuracyAxis->setTitleText(tr("Accuracy"));
  m_utilityPsnr->setName(tr("attack PSNR"));
  m_utilityAccuracy->setName(!m_data.utility.empty() && m_data.utility.back().onCluster
                                 ? tr("test accuracy (real cluster)")
                                 : tr("test accuracy of the defended model"));
}

}  // namespace distlab::widgets
