#include <gtest/gtest.h>

#include "widgets/span_store.h"
#include "widgets/time_mapper.h"
#include "widgets/timeline_view.h"

namespace distlab::widgets {
namespace {

TEST(TimeMapperTest, MapsBothWaysAndZoomsAroundTheCursor) {
  TimeMapper m(1'000'000, 1000.0);  // 1 us per pixel from t = 1 ms
  EXPECT_DOUBLE_EQ(m.x(1'000'000), 0.0);
  EXPECT_DOUBLE_EQ(m.x(1'500'000), 500.0);
  EXPECT_EQ(m.time(250.0), 1'250'000);
  const std::int64_t underCursor = m.time(300.0);
  m.zoom(300.0, 4.0);  // 4x in
  EXPECT_DOUBLE_EQ(m.nsPerPixel(), 250.0);
  EXPECT_NEAR(m.x(underCursor), 300.0, 1e-9);  // the time under the cursor stays put
  m.pan(100.0);
  EXPECT_NEAR(m.x(underCursor), 400.0, 1e-9);
  m.fit(0, 2'000'000'000, 1000);
  EXPECT_DOUBLE_EQ(m.nsPerPixel(), 2e6);
  EXPECT_EQ(m.end(1000), 2'000'000'000);
}

TEST(SpanStoreTest, SpansNarrowerThanAPixelAreMergedByColumn) {
  SpanStore store;
  // 1000 spans of 1 us each, alternating compute (3 parts) and push (1 part) in time.
  std::int64_t t = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::int64_t d = i % 2 ? 250 : 750;
    store.add(0, {t, t + d, static_cast<std::uint32_t>(i), 0, static_cast<std::uint8_t>(i % 2)});
    t += d;
  }
  TimeMapper mapper(0, 50'000.0);  // 50 us per pixel: 500 us of spans in 10 columns
  const auto rects = store.layout(1, mapper, 100);
  ASSERT_EQ(rects.size(), 10u);
  for (const auto& r : rects) {
    EXPECT_DOUBLE_EQ(r.x1 - r.x0, 1.0);
    EXPECT_EQ(r.kind, 0);  // compute covers 3/4 of each column
  }
  // Zoomed in, every span is its own rectangle.
  TimeMapper close(0, 100.0);                     // 0.1 us per pixel
  const auto wide = store.layout(1, close, 100);  // the first 10 us: 20 spans... or parts
  ASSERT_FALSE(wide.empty());
  EXPECT_GE(wide.front().x1 - wide.front().x0, 1.0);
  EXPECT_EQ(store.spanCount(), 1000u);
  EXPECT_LE(store.bytesUsed() / store.spanCount(), 100u);  // the memory bound
}

TEST(SpanStoreTest, FindsTheSpanUnderATimeAndAcceptsLateArrivals) {
  SpanStore store;
  store.add(-1, {100, 200, 1, 0, 4});
  store.add(2, {0, 50, 7, 940584, 1});
  store.add(2, {60, 90, 8, 0, 0});
  store.add(2, {55, 58, 7, 0, 3});  // late, inserted in order
  EXPECT_EQ(store.laneCount(), 4);  // server + workers 0..2
  ASSERT_NE(store.spanAt(3, 25), nullptr);
  EXPECT_EQ(store.spanAt(3, 25)->bytes, 940584u);
  EXPECT_EQ(store.spanAt(3, 56)->kind, 3);
  EXPECT_EQ(store.spanAt(3, 59), nullptr);
  EXPECT_EQ(store.spanAt(0, 150)->kind, 4);
  EXPECT_EQ(store.firstNs(), 0);
  EXPECT_EQ(store.lastNs(), 200);
}

TEST(TimelineViewTest, ShowsLanesMarkersAndDescribesWhatIsHovered) {
  TimelineView view;
  view.resize(800, 300);
  view.addSpan(-1, {0, 1'000'000, 1, 0, 4});
  for (int w = 0; w < 3; ++w) {
    view.addSpan(w, {0, 5'000'000, 1, 0, 0});
    view.addSpan(w, {5'000'000, 9'000'000, 1, 0, w == 2 ? std::uint8_t{0} : std::uint8_t{3}});
  }
  view.addMarker(1, 4'000'000, TimelineView::MarkerKind::Died);
  view.refresh();
  EXPECT_EQ(view.laneCount(), 4);
  EXPECT_EQ(view.markerCount(), 1);
  EXPECT_TRUE(view.following());
  // The fast workers wait (red) where worker 2 still computes: visible in the picture.
  const QImage image = view.grab().toImage();
  int red = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x)
      red += image.pixelColor(x, y) == TimelineView::kindColor(3);
  }
  EXPECT_GT(red, 1000);
  // Hover over worker 0's lane in its second half: a wait span.
  const int laneHeight = (300 - 44 - 8) / 4;
  const QString text = view.describeAt(QPoint(110 + 600, 4 + laneHeight + laneHeight / 2));
  EXPECT_TRUE(text.startsWith("Worker 0 - wait")) << text.toStdString();
  EXPECT_TRUE(text.contains("4.000 ms")) << text.toStdString();
}

// After the last step the server scores the final model for longer than the live window: the
// window still ends with the workers' last steps (what a report of the finished run shows), and
// "show all" reaches the scoring's end.
TEST(TimelineViewTest, TheLiveEdgeEndsWithTheWorkersNotTheFinalScoring) {
  TimelineView view;
  view.resize(800, 300);
  for (int step = 0; step < 40; ++step) {
    const std::int64_t t = step * 1'000'000;
    for (int w = 0; w < 2; ++w) view.addSpan(w, {t, t + 500'000, std::uint32_t(step), 0, 0});
    view.addSpan(-1, {t + 500'000, t + 600'000, std::uint32_t(step), 0, 4});  // aggregate
  }
  view.addSpan(-1, {40'000'000, 160'000'000, 40, 0, 5});  // the final scoring, 120 ms
  view.refresh();
  const int plotWidth = 800 - 110 - 8;  // the view less its lane names and margin
  EXPECT_NEAR(static_cast<double>(view.mapper().end(plotWidth)), 39'500'000.0, 500'000.0);
  EXPECT_LT(view.mapper().start(), 39'000'000);
  view.showAll();
  EXPECT_EQ(view.mapper().start(), 0);
  EXPECT_NEAR(static_cast<double>(view.mapper().end(plotWidth)), 160'000'000.0, 500'000.0);
}

// Lesson 8: pushes the server's rule left out or clipped are marked on their worker's lane, in
// their own colours, with a legend entry.
TEST(TimelineViewTest, FlaggedPushesAreMarkedOnTheirWorkersLane) {
  TimelineView view;
  view.resize(800, 300);
  for (int w = 0; w < 3; ++w) view.addSpan(w, {0, 9'000'000, 1, 0, 0});
  view.addMarker(2, 4'000'000, TimelineView::MarkerKind::Excluded);
  view.addMarker(0, 6'000'000, TimelineView::MarkerKind::Clipped);
  view.refresh();
  EXPECT_EQ(view.markerCount(), 2);
  const QImage image = view.grab().toImage();
  int excluded = 0, clipped = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      excluded +=
          image.pixelColor(x, y) == TimelineView::flagColor(TimelineView::MarkerKind::Excluded);
      clipped +=
          image.pixelColor(x, y) == TimelineView::flagColor(TimelineView::MarkerKind::Clipped);
    }
  }
  EXPECT_GT(excluded, 20);  // the triangle on worker 2's lane and the legend's
  EXPECT_GT(clipped, 20);
}

}  // namespace
}  // namespace distlab::widgets
