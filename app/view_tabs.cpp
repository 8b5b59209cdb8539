#include "app/view_tabs.h"

#include <QTabWidget>

#include "app/cluster_views.h"
#include "app/lesson_views/lesson_view.h"
#include "app/report_export.h"
#include "widgets/data_view.h"
#include "widgets/result_pane.h"
#include "widgets/staleness_view.h"
#include "widgets/timeline_view.h"
#include "widgets/topology_view.h"
#include "widgets/traffic_view.h"
#include "widgets/training_chart.h"

namespace distlab::app {
namespace {
const QStringList kClusterViews = {"training", "timeline", "data", "staleness", "traffic", "cluster"};
}  // namespace

ViewTabs::ViewTabs(ClusterViews* cluster, widgets::ResultPane* results,
                   std::vector<LessonView*> lessons, QObject* parent)
    : QObject(parent), m_tabs(new QTabWidget), m_results(results), m_lessons(std::move(lessons)) {
  for (QWidget* w : std::initializer_list<QWidget*>{cluster->chart(), cluster->timeline(),
                                                    cluster->data(), cluster->staleness(),
                                                    cluster->traffic(), cluster->topology()}) {
    m_tabs->addTab(w, QString());
  }
  m_names = kClusterViews;
  for (LessonView* lesson : m_lessons) {
    m_tabs->addTab(lesson->widget(), QString());
    m_names << lesson->viewName();
    m_tabs->setTabVisible(indexOf(lesson->viewName()), false);
  }
  m_tabs->addTab(m_results, QString());
  m_names << "results";
  m_tabs->setTabVisible(indexOf("results"), false);
  retranslate();
}

QString ViewTabs::currentName() const { return m_names.value(m_tabs->currentIndex()); }

bool ViewTabs::show(const QString& name) {
  const int index = indexOf(name);
  if (index < 0) return false;
  m_tabs->setTabVisible(index, true);
  m_tabs->setCurrentIndex(index);
  return true;
}

QWidget* ViewTabs::view(const QString& name) const {
  const int index = indexOf(name);
  return index < 0 ? nullptr : m_tabs->widget(index);
}

QString ViewTabs::title(const QString& name) const { return m_tabs->tabText(indexOf(name)); }

LessonView* ViewTabs::lessonView(const QString& name) const {
  for (LessonView* l : m_lessons) {
    if (l->viewName() == name) return l;
  }
  return nullptr;
}

void ViewTabs::showLesson(const QString& experiment) {
  for (LessonView* l : m_lessons) {
    const bool mine = l->lesson() == experiment;
    m_tabs->setTabVisible(indexOf(l->viewName()), mine || l->hasData());
    if (mine) m_tabs->setCurrentWidget(l->widget());
  }
}

void ViewTabs::showResult(const QString& experiment, const QStringList& files) {
  m_resultLesson = experiment;
  m_resultFiles = files;
  m_tabs->setTabVisible(indexOf("results"), true);
  for (LessonView* l : m_lessons) {
    if (l->lesson() == experiment) return (void)show(l->viewName());
  }
  show("results");  // a lesson without a view of its own
}

QStringList ViewTabs::reportViews(const QString& experiment) const {
  QStringList views;
  for (const QString& name : m_names) {
    if (const LessonView* l = lessonView(name)) {
      if (l->lesson() == experiment && l->hasData()) views << name;
    } else if (name == "results") {
      if (m_resultLesson == experiment && m_results->hasData()) views << name;
    } else if (m_tabs->isTabVisible(indexOf(name))) {
      views << name;
    }
  }
  return views;
}

QStringList ViewTabs::filesOf(const QString& name) const {
  if (const LessonView* l = lessonView(name)) return l->files();
  if (name == "results") return m_resultFiles;
  return tablesOfView(name);
}

void ViewTabs::retranslate() {
  const auto set = [this](const QString& name, const QString& title, const QString& tip) {
    const int i = indexOf(name);
    m_tabs->setTabText(i, title);
    m_tabs->setTabToolTip(i, tip);
  };
  set("training", tr("Training"), tr("Test loss and accuracy of the global model and every "
                                     "worker's training loss, as they come"));
  set("timeline", tr("Timeline"),
      tr("What every worker and the server does when: compute, push, pull, wait at the "
         "barrier. Wheel: zoom; drag: pan; double click: all"));
  set("data", tr("Data"), tr("How the training set is split across the workers"));
  set("staleness", tr("Staleness"), tr("How old the parameters behind each applied update were"));
  set("traffic", tr("Traffic"), tr("What crosses each worker's link, measured on the sockets"));
  set("cluster", tr("Cluster"), tr("The server and its workers; right-click a worker to kill, "
                                   "slow down, restore or restart it"));
  for (LessonView* l : m_lessons) set(l->viewName(), l->title(), l->toolTip());
  set("results", tr("Results"),
      tr("Every table, curve and picture the experiment computed, as the engine sent them"));
}

}  // namespace distlab::app
