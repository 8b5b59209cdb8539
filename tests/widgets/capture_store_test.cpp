#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "app/capture_store.h"

namespace distlab::app {
namespace {

void writeFile(const QString& path, const QByteArray& text) {
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(text);
}

// A run folder with a capture as the coordinator writes it (the floats are not read here).
void fakeCapture(const QString& runFolder, const QString& relative, int worker, int step) {
  const QString dir = runFolder + "/" + relative;
  ASSERT_TRUE(QDir().mkpath(dir));
  writeFile(dir + "/capture.json",
            QString(R"({"worker": %1, "step": %2, "values": 2})").arg(worker).arg(step).toUtf8());
  writeFile(dir + "/gradient.f32", QByteArray(8, '\0'));
  writeFile(dir + "/params.f32", QByteArray(8, '\0'));
  writeFile(dir + "/spec.json", R"({"name": "the run"})");
}

TEST(CaptureStoreTest, KeepsCapturesOutsideTheRunOffersThemAgainAndPrunesTheOldest) {
  QTemporaryDir run, store;
  for (int step = 1; step <= 4; ++step) {
    fakeCapture(run.path(), QString("captures/worker-1-step-%1").arg(step), 1, step);
    widgets::CapturedPush kept;
    QString error;
    ASSERT_TRUE(keepCapture(run.path(), QString("captures/worker-1-step-%1").arg(step),
                            store.path(), &kept, &error))
        << error.toStdString();
    EXPECT_EQ(kept.step, step);
    EXPECT_EQ(kept.spec.value("name").toString(), "the run");
    EXPECT_TRUE(kept.folder.startsWith(store.path()));
    EXPECT_TRUE(QFile::exists(kept.folder + "/params.f32"));
  }
  QDir(run.path()).removeRecursively();  // the next run replaces the run folder
  auto all = keptCaptures(store.path(), 10);
  ASSERT_EQ(all.size(), 4u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(all[static_cast<std::size_t>(i)].step, i + 1);  // oldest first
  EXPECT_EQ(keptCaptures(store.path(), 2).front().step, 3);  // the newest two
  pruneCaptures(store.path(), 3);
  all = keptCaptures(store.path(), 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all.front().step, 2);
  // A folder without a capture is refused with its name and nothing is kept.
  QTemporaryDir empty;
  widgets::CapturedPush none;
  QString error;
  EXPECT_FALSE(keepCapture(empty.path(), "captures/worker-0-step-9", store.path(), &none, &error));
  EXPECT_TRUE(error.contains("worker-0-step-9")) << error.toStdString();
  EXPECT_EQ(keptCaptures(store.path(), 10).size(), 3u);
}

}  // namespace
}  // namespace distlab::app
