#pragma once
#include <QImage>
#include <QString>
#include <QWidget>

#include <vector>

class QChart;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QTableWidget;
class QValueAxis;

namespace distlab::widgets {

/// The privacy lesson's results (the engine's reconstruction.png, results.csv, attack.csv and
/// privacy_utility.csv).
struct PrivacyData {
  QImage grid;  ///< originals over reconstructions
  struct Image {
    int index = 0, label = 0, recoveredLabel = -1;
    double psnr = 0.0, ssim = 0.0;
  };
  std::vector<Image> images;
  struct Iteration {
    int iteration = 0;
    double seconds = 0.0, distance = 0.0, psnr = 0.0;
  };
  std::vector<Iteration> curve;
  struct Utility {
    QString defense;
    double strength = 0.0, psnr = 0.0, ssim = 0.0, accuracy = 0.0;
  };
  std::vector<Utility> utility;
};

/// Gradient inversion, seen: each original over what the attacker rebuilt from the shared
/// gradient, the attack's gradient distance and PSNR per iteration, each image's scores, and the
/// privacy-utility chart (attack PSNR and model accuracy against the defense's strength).
class PrivacyView : public QWidget {
  Q_OBJECT

 public:
  explicit PrivacyView(QWidget* parent = nullptr);
  void setData(PrivacyData results);
  void clear() { setData({}); }
  /// During the attack: the grid so far, after `iteration` iterations.
  void showProgress(const QImage& grid, int iteration);
  int progressIteration() const { return m_progressIteration; }
  bool hasData() const { return !m_data.images.empty(); }
  QTableWidget* table() const { return m_table; }
  QLineSeries* psnrSeries() const { return m_psnr; }
  QLineSeries* utilityAccuracySeries() const { return m_utilityAccuracy; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  void showGrid(const QImage& grid);

  PrivacyData m_data;
  int m_progressIteration = 0;
  QLabel* m_intro;
  QLabel* m_grid;
  QTableWidget* m_table;
  QChart* m_curveChart;
  QValueAxis *m_iterationAxis, *m_psnrAxis;
  QLogValueAxis* m_distanceAxis;
  QLineSeries *m_distance, *m_psnr;
  QChart* m_utilityChart;
  QLogValueAxis* m_strengthAxis;
  QValueAxis *m_utilityPsnrAxis, *m_accuracyAxis;
  QLineSeries *m_utilityPsnr, *m_utilityAccuracy;
};

}  // namespace distlab::widgets
