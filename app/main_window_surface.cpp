// The window's surface for tests and scripts: views by name, exports, the views themselves.
#include "app/main_window.h"

#include <QLabel>

#include "app/cluster_views.h"
#include "app/file_actions.h"
#include "app/view_tabs.h"
#include "widgets/aggregation_view.h"
#include "widgets/averaging_view.h"
#include "widgets/convexity_view.h"
#include "widgets/federated_view.h"
#include "widgets/security_view.h"
#include "widgets/privacy_view.h"
#include "widgets/property_view.h"

namespace distlab::app {

bool MainWindow::showView(const QString& name) { return m_tabs->show(name); }
QStringList MainWindow::viewNames() const { return m_tabs->names(); }
QString MainWindow::statusText() const { return m_status->text(); }
bool MainWindow::saveSpec(const QString& path) { return m_files->saveSpec(path); }
bool MainWindow::exportCurrentView(const QString& path, int scale) {
  return m_files->exportCurrentView(path, scale);
}
bool MainWindow::exportViewData(const QString& table, const QString& path) {
  return m_files->exportViewData(table, path);
}
bool MainWindow::exportReport(const QString& dir) { return m_files->exportReport(dir); }

widgets::TrainingChart* MainWindow::chart() const { return m_cluster->chart(); }
widgets::TimelineView* MainWindow::timeline() const { return m_cluster->timeline(); }
widgets::DataView* MainWindow::dataView() const { return m_cluster->data(); }
widgets::StalenessView* MainWindow::stalenessView() const { return m_cluster->staleness(); }
widgets::TrafficView* MainWindow::trafficView() const { return m_cluster->traffic(); }
widgets::TopologyView* MainWindow::topologyView() const { return m_cluster->topology(); }
widgets::AveragingView* MainWindow::averagingView() const {
  return qobject_cast<widgets::AveragingView*>(m_tabs->view("averaging"));
}
widgets::AggregationView* MainWindow::aggregationView() const {
  return qobject_cast<widgets::AggregationView*>(m_tabs->view("aggregation"));
}
widgets::ConvexityView* MainWindow::convexityView() const {
  return qobject_cast<widgets::ConvexityView*>(m_tabs->view("convexity"));
}
widgets::PrivacyView* MainWindow::privacyView() const {
  return qobject_cast<widgets::PrivacyView*>(m_tabs->view("privacy"));
}
widgets::FederatedView* MainWindow::federatedView() const {
  return qobject_cast<widgets::FederatedView*>(m_tabs->view("federated"));
}
widgets::SecurityView* MainWindow::securityView() const {
  return qobject_cast<widgets::SecurityView*>(m_tabs->view("security"));
}
widgets::PropertyView* MainWindow::propertyView() const {
  return qobject_cast<widgets::PropertyView*>(m_tabs->view("property"));
}

}  // namespace distlab::app
