#include <gtest/gtest.h>

#include <QTabWidget>

#include "app/cluster_views.h"
#include "widgets/staleness_view.h"
#include "widgets/training_chart.h"

namespace distlab::app {
namespace {

std::vector<engine::Event> appliedUpdates(int count) {
  std::vector<engine::Event> batch;
  for (int i = 0; i < count; ++i) {
    engine::Staleness s;
    s.worker = i % 2;
    s.version = static_cast<std::uint64_t>(i + 1);
    s.staleness = 1;
    batch.emplace_back(s);
  }
  return batch;
}

TEST(ClusterViewsTest, AViewBehindAnotherTabIsRedrawnWhenShownNotAtEveryBatch) {
  ClusterViews views;
  QTabWidget tabs;
  tabs.addTab(views.chart(), "training");
  tabs.addTab(views.staleness(), "staleness");
  tabs.show();
  ASSERT_TRUE(views.chart()->isVisible());
  ASSERT_FALSE(views.staleness()->isVisible());

  views.onEvents(appliedUpdates(3));
  EXPECT_EQ(views.staleness()->count(), 3u);  // counted at once...
  EXPECT_FALSE(views.staleness()->summary().contains("3 updates applied"))
      << views.staleness()->summary().toStdString();  // ...but not drawn while hidden

  tabs.setCurrentWidget(views.staleness());
  EXPECT_TRUE(views.staleness()->summary().contains("3 updates applied"))
      << views.staleness()->summary().toStdString();

  // Shown, it is redrawn with each batch.
  views.onEvents(appliedUpdates(2));
  EXPECT_TRUE(views.staleness()->summary().contains("5 updates applied"))
      << views.staleness()->summary().toStdString();
}

TEST(ClusterViewsTest, ViewsOfAWindowNotOnScreenAreRedrawnAtOnce) {
  ClusterViews views;
  QTabWidget tabs;  // never shown: no show events would come
  tabs.addTab(views.chart(), "training");
  tabs.addTab(views.staleness(), "staleness");
  views.onEvents(appliedUpdates(4));
  EXPECT_TRUE(views.staleness()->summary().contains("4 updates applied"))
      << views.staleness()->summary().toStdString();
}

}  // namespace
}  // namespace distlab::app
