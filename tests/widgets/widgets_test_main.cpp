// GoogleTest main for widget tests: one QApplication for the whole run (offscreen platform).
#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QStandardPaths::setTestModeEnabled(true);  // QSettings of the window go to a test location
  QApplication app(argc, argv);
  QApplication::setOrganizationName("DistLabTests");
  QApplication::setApplicationName("distlab_widgets_tests");
  app.setProperty("distlab.headless", true);  // no modal message boxes
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
