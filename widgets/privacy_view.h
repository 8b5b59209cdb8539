#pragma once
#include <QDateTime>
#include <QImage>
#include <QJsonObject>
#include <QString>
#include <QWidget>

#include <vector>

class QChart;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
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
    bool onCluster = false;  ///< the accuracy comes from a real cluster run (else in-process)
  };
  std::vector<Utility> utility;
  QString dataset;  ///< the spec's dataset.name, to name the labels
};

/// A worker's PUSH that the server kept during a cluster run, kept by the window beyond the run.
struct CapturedPush {
  QString folder;    ///< capture.json, gradient.f32, params.f32, spec.json
  int worker = 0;
  int step = 0;
  QJsonObject spec;  ///< the run's spec (its model is the one attacked)
  QDateTime keptAt;
};

/// Gradient inversion, seen: each original over what the attacker rebuilt from the shared
/// gradient, the attack's gradient distance and PSNR per iteration, each image's scores, and the
/// privacy-utility chart (attack PSNR and model accuracy against the defense's strength).
class PrivacyView : public QWidget {
  Q_OBJECT

 public:
  explicit PrivacyView(QWidget* parent = nullptr);
  /// A gradient-inversion attack's and a defense's spec id (privacy.attack, privacy.defense) as
  /// the window says them; an unknown id as it is.
  static QString attackName(const QString& id);
  static QString defenseName(const QString& id);
  void setData(PrivacyData results);
  void clear() { setData({}); }
  /// Shows the attack settings of a spec (its model and privacy sections) in the view's controls.
  void setSettings(const QJsonObject& spec);
  /// The spec with the controls' choices written into it (privacy.images, attack, defense,
  /// defense_strength; model.arch and init_range for the LeNet). An empty object and a sentence
  /// in *error when the images field is not 1 to 8 indices. With a captured push as the target,
  /// the capture's own spec with privacy.capture_from, the attack and the defense.
  QJsonObject applySettings(const QJsonObject& spec, QString* error) const;
  /// The captured pushes offered as targets, oldest first; `select` picks one (-1: keep the
  /// test images, or the current capture if it is still offered).
  void setCaptures(std::vector<CapturedPush> captures, int select = -1);
  int captureCount() const { return static_cast<int>(m_captures.size()); }
  /// -1: the test images; else the captured push attacked.
  int selectedCapture() const;
  /// During the attack: the grid so far, after `iteration` iterations.
  void showProgress(const QImage& grid, int iteration);
  int progressIteration() const { return m_progressIteration; }
  bool hasData() const { return !m_data.images.empty(); }
  QTableWidget* table() const { return m_table; }
  QLineSeries* psnrSeries() const { return m_psnr; }
  QLineSeries* utilityAccuracySeries() const { return m_utilityAccuracy; }

 signals:
  /// The user pressed Attack: the window applies the controls to its spec and runs it.
  void attackRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void fillTable();
  /// The attack, optimizer, distance, defense and strength chosen, into a spec's privacy section.
  void writeAttackChoices(QJsonObject& privacy) const;
  void retranslate();

  void showGrid(const QImage& grid);

  PrivacyData m_data;
  int m_progressIteration = 0;
  QLabel* m_intro;
  void updateTargetControls();

  std::vector<CapturedPush> m_captures;
  QLabel *m_targetLabel, *m_imagesLabel, *m_modelLabel, *m_attackLabel, *m_optimizerLabel,
      *m_distanceKindLabel, *m_defenseLabel, *m_strengthLabel;
  QLineEdit* m_images;
  QComboBox *m_target, *m_model, *m_attack, *m_optimizer, *m_distanceKind, *m_defense;
  QDoubleSpinBox* m_strength;
  QPushButton* m_attackButton;
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
