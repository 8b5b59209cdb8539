#pragma once
#include <QColor>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>
#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QLabel;

namespace distlab::widgets {

/// A sweep's final figure against the varied parameter: a curve per value of a second varied
/// parameter (or one), each point the mean over its repeats with an error bar of one standard
/// deviation. Numeric values are placed on a value axis, others side by side as categories.
class SweepChart : public QWidget {
  Q_OBJECT

 public:
  struct Point {
    double mean = 0.0, stddev = 0.0;
    int runs = 0;
  };
  struct Curve {
    QString name;                          ///< "cluster.sync = asp"; empty with one curve
    std::vector<std::optional<Point>> at;  ///< indexed like the x values
  };

  explicit SweepChart(QWidget* parent = nullptr);

  /// The figures a user can pick (key, label in the window's language); the first is shown.
  void setFigures(const QList<QPair<QString, QString>>& figures);
  QString figure() const;
  void setFigure(const QString& key);
  /// Draws the sweep: the x field's name and its values (as given to the sweep), the figure's
  /// name for the y axis and the curves.
  void setData(const QString& xTitle, const QStringList& xValues, const QString& yTitle,
               const std::vector<Curve>& curves);

  QChart* chart() const { return m_chart; }
  /// Error bars drawn (one per point measured over more than one run).
  int errorBars() const { return m_errorBars; }
  /// The x values were all numbers (a value axis), not categories.
  bool numericAxis() const { return m_numeric; }

 signals:
  void figureChanged(const QString& key);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  QChart* m_chart;
  QChartView* m_view;
  QLabel* m_figureLabel;
  QComboBox* m_figures;
  int m_errorBars = 0;
  bool m_numeric = false;
};

}  // namespace distlab::widgets
