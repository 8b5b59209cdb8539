#pragma once
#include <QImage>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTableWidget;

namespace distlab::widgets {

/// What an experiment computed, as values: named tables (columns of numbers or of text), named
/// curves and named pictures.
struct ResultData {
  QString lesson;  ///< the experiment's name
  struct Column {
    QString name;
    std::vector<double> numbers;
    QStringList texts;  ///< used instead of numbers when not empty
  };
  struct Table {
    QString name;
    std::vector<Column> columns;
  };
  struct Curve {
    QString name, xName, yName;
    std::vector<double> x, y;
  };
  struct Picture {
    QString name;
    QImage image;
  };
  std::vector<Table> tables;
  std::vector<Curve> curves;
  std::vector<Picture> pictures;
};

/// Any experiment's result, shown as it is: a table to pick (every column, NaN as empty), every
/// curve on one chart, and the pictures. Tables, columns, curves and the choices in text columns
/// are named in the window's language (ResultNames); a header's tooltip gives the CSV column. Lessons with a view of their own show it beside this.
class ResultPane : public QWidget {
  Q_OBJECT

 public:
  explicit ResultPane(QWidget* parent = nullptr);
  void setData(ResultData results);
  void clear() { setData({}); }
  bool hasData() const { return !m_data.tables.empty() || !m_data.curves.empty(); }
  /// Shows the table of that id (its CSV file's name); false if there is none.
  bool showTable(const QString& name);
  QTableWidget* table() const { return m_table; }
  QChart* chart() const { return m_chart; }
  int pictureCount() const { return static_cast<int>(m_data.pictures.size()); }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void fillTable(int index);
  void drawCurves();

  ResultData m_data;
  QLabel* m_intro;
  QComboBox* m_tables;
  QTableWidget* m_table;
  QChart* m_chart;
  QChartView* m_chartView;
  QLabel* m_pictures;
};

}  // namespace distlab::widgets
