// Lesson 7's view: originals over reconstructions, the attack's curve and scores, the
// privacy-utility chart, the attack's controls, and the pushes the server captured during
// cluster runs as targets (widgets/privacy_view.h).
#include "app/capture_store.h"
#include "app/lesson_views/lesson_view.h"
#include "app/lesson_views/result_columns.h"
#include "widgets/privacy_view.h"

namespace distlab::app {
namespace {

widgets::PrivacyData privacyData(const engine::LessonResult& r, const QString& dataset) {
  widgets::PrivacyData d;
  d.dataset = dataset;
  for (const auto& image : r.images) {
    if (image.name == "reconstruction") d.grid = qtImage(image.image);
  }
  const auto index = numbersOf(r, "results", "image");
  const auto label = numbersOf(r, "results", "label");
  const auto recovered = numbersOf(r, "results", "recovered_label");
  const auto psnr = numbersOf(r, "results", "psnr");
  const auto ssim = numbersOf(r, "results", "ssim");
  for (std::size_t i = 0; i < std::min({index.size(), label.size(), recovered.size(), psnr.size(),
                                         ssim.size()});
       ++i) {
    d.images.push_back({static_cast<int>(index[i]), static_cast<int>(label[i]),
                        static_cast<int>(recovered[i]), psnr[i], ssim[i]});
  }
  const auto iteration = numbersOf(r, "attack", "iteration");
  const auto seconds = numbersOf(r, "attack", "elapsed_s");
  const auto distance = numbersOf(r, "attack", "gradient_distance");
  const auto meanPsnr = numbersOf(r, "attack", "mean_psnr");
  for (std::size_t i = 0; i < std::min({iteration.size(), seconds.size(), distance.size(),
                                         meanPsnr.size()});
       ++i) {
    d.curve.push_back({static_cast<int>(iteration[i]), seconds[i], distance[i], meanPsnr[i]});
  }
  const QStringList defense = textsOf(r, "privacy_utility", "defense");
  const QStringList training = textsOf(r, "privacy_utility", "training");
  const auto strength = numbersOf(r, "privacy_utility", "strength");
  const auto attackPsnr = numbersOf(r, "privacy_utility", "attack_psnr");
  const auto attackSsim = numbersOf(r, "privacy_utility", "attack_ssim");
  const auto accuracy = numbersOf(r, "privacy_utility", "test_accuracy");
  for (int i = 0; i < defense.size() && static_cast<std::size_t>(i) < accuracy.size(); ++i) {
    const auto j = static_cast<std::size_t>(i);
    // "cluster": the accuracy of a real cluster run (the engine's name for where it trained).
    d.utility.push_back({defense[i], strength[j], attackPsnr[j], attackSsim[j], accuracy[j],
                         training.value(i) == "cluster"});
  }
  return d;
}

class PrivacyLessonView final : public WidgetLessonView<widgets::PrivacyView> {
  Q_DECLARE_TR_FUNCTIONS(PrivacyLessonView)

 public:
  explicit PrivacyLessonView(const LessonViewContext& context) : m_context(context) {
    // Pushes captured in earlier sessions stay attackable.
    m_view->setCaptures(keptCaptures(captureStoreRoot(), kKeptCaptures));
    connect(m_view, &widgets::PrivacyView::attackRequested, this, [this] {
      if (m_context.running()) return;
      QString error;
      QJsonObject spec = m_view->applySettings(m_context.currentSpec(), &error);
      if (spec.isEmpty()) {
        emit logLine(error);
        return;
      }
      spec["experiment"] = "inversion";
      emit runRequested(spec);
    });
  }
  QString lesson() const override { return "inversion"; }
  QString viewName() const override { return "privacy"; }
  QString title() const override { return tr("Privacy"); }
  QString toolTip() const override {
    return tr("Lesson 7: rebuilding private images from a shared gradient");
  }
  void prepare(const QJsonObject& spec) override {
    m_dataset = spec.value("dataset").toObject().value("name").toString();
    if (spec.value("experiment").toString() == lesson()) m_view->setSettings(spec);
  }
  QString show(const engine::LessonResult& result) override {
    rememberFiles(result);
    auto data = privacyData(result, m_dataset);
    for (const auto& u : data.utility) {
      emit logLine(tr("%1 %2: attack PSNR %3 dB, SSIM %4, test accuracy %5% (%6)")
                       .arg(widgets::PrivacyView::defenseName(u.defense))
                       .arg(u.strength)
                       .arg(u.psnr, 0, 'f', 2)
                       .arg(u.ssim, 0, 'f', 3)
                       .arg(u.accuracy * 100.0, 0, 'f', 2)
                       .arg(u.onCluster ? tr("on the cluster") : tr("in this process")));
    }
    m_view->setData(std::move(data));
    return tr("Attack done: see the Privacy tab");
  }
  void onEvents(const std::vector<engine::Event>& batch) override {
    for (const auto& event : batch) {
      if (const auto* p = std::get_if<engine::AttackProgress>(&event); p && p->image.width > 0) {
        // Drawn at half the final grid's scale: shown at the final size, pixels kept sharp.
        const QImage grid = qtImage(p->image);
        m_view->showProgress(grid.scaled(grid.size() * 2, Qt::IgnoreAspectRatio, Qt::FastTransformation),
                             p->iteration);
      } else if (const auto* c = std::get_if<engine::PushCaptured>(&event)) {
        keep(*c);
      }
    }
  }

 private:
  // The server kept a worker's push: kept beyond the run, and offered as the attack's target.
  void keep(const engine::PushCaptured& captured) {
    widgets::CapturedPush capture;
    QString error;
    if (!keepCapture(m_context.runFolder(), QString::fromStdString(captured.folder),
                     captureStoreRoot(), &capture, &error)) {
      emit logLine(tr("The captured push could not be kept: %1").arg(error));
      return;
    }
    // The view offers exactly what is kept: the newest, with the one just taken selected.
    pruneCaptures(captureStoreRoot(), kKeptCaptures);
    auto kept = keptCaptures(captureStoreRoot(), kKeptCaptures);
    int select = -1;
    for (int i = 0; i < static_cast<int>(kept.size()); ++i) {
      if (kept[static_cast<std::size_t>(i)].folder == capture.folder) select = i;
    }
    m_view->setCaptures(std::move(kept), select);
    emit logLine(tr("The server kept worker %1's push of step %2: attack it in the Privacy tab")
                     .arg(captured.worker)
                     .arg(captured.step));
  }

 private:
  LessonViewContext m_context;
  QString m_dataset;
};

}  // namespace

std::unique_ptr<LessonView> makePrivacyLessonView(const LessonViewContext& context) {
  return std::make_unique<PrivacyLessonView>(context);
}

}  // namespace distlab::app
