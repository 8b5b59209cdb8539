#pragma once
#include <QImage>
#include <QString>
#include <QWidget>

#include <utility>
#include <vector>

class QChart;
class QLabel;
class QValueAxis;

namespace distlab::widgets {

/// What lesson 8b computed, as the view needs it (the engine's adversarial tables and picture).
struct AdversarialData {
  struct Training {
    QString name;  ///< none | pgd | input-gradient
    double clean = 0.0, robust = 0.0, seconds = 0.0;
    std::vector<std::pair<double, double>> curve;  ///< (epsilon, test accuracy)
  };
  struct Example {
    int label = 0, cleanClass = 0, attackedClass = 0;
    double cleanConfidence = 0.0, attackedConfidence = 0.0;
  };
  QString dataset;  ///< for the class names
  double epsilon = 0.0;
  std::vector<Training> trainings;
  std::vector<Example> examples;
  QImage grid;  ///< originals, adversarial, change: a row each, one column an example
};

/// Lesson 8b: the test accuracy against the attack's budget for each way of training, the
/// price in clean accuracy, and the first test images before and after the attack with what
/// the model answered (in red where the attack changed the answer).
class AdversarialView : public QWidget {
  Q_OBJECT

 public:
  explicit AdversarialView(QWidget* parent = nullptr);
  void setData(AdversarialData data);
  void clear();
  bool hasData() const { return !m_data.trainings.empty(); }
  const AdversarialData& data() const { return m_data; }
  QChart* chart() const { return m_chart; }
  QString summary() const;
  /// The caption under example i: its class, then the answers before and after.
  QStringList caption(int example) const;
  /// The names of the picture's three rows and the caption's three lines.
  static QStringList rowNames();
  /// "plain training", "adversarial training (PGD)", ... in the window's language.
  static QString trainingName(const QString& name);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void rebuildChart();

  AdversarialData m_data;
  QLabel* m_summary;
  QChart* m_chart;
  QValueAxis* m_epsilonAxis;
  QValueAxis* m_accuracyAxis;
  QWidget* m_examples;
};

}  // namespace distlab::widgets
