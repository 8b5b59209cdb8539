#pragma once
#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace distlab::widgets {

/// One run as the panel lists it: given as values (the window reads the run's folder).
struct RunRow {
  QString name;
  QColor color;
  QString settings;  ///< its key settings, in the window's language
  QString path;      ///< its folder (the tooltip)
  std::optional<double> accuracy, testLoss, seconds, bytesToServer;
  bool failed = false;  ///< did not complete (failed, stopped or cut short)
};

/// The runs of this session and the ones opened, each with its colour, an editable name, its
/// key settings and final figures; sweeps as groups of their runs. Ticking runs asks for their
/// curves on the training chart; Compare asks for a table of the ticked ones.
class RunsPanel : public QWidget {
  Q_OBJECT

 public:
  enum Column { Name, Settings, Accuracy, Loss, Seconds, Bytes, ColumnCount };

  explicit RunsPanel(QWidget* parent = nullptr);

  /// A group (a sweep) to put runs under; its id.
  int addGroup(const QString& name, const QString& path);
  /// A run, at the top or under a group; its id (ids are never reused).
  int addRun(const RunRow& row, int group = -1);
  /// Updates a run's row (its figures once it ended); the name stays as the user set it.
  void updateRun(int id, const RunRow& row);
  void setChecked(int id, bool checked);
  bool isChecked(int id) const;
  QList<int> checkedRuns() const;
  /// The run shown in the views (drawn bold); -1 for none.
  void setCurrent(int id);
  QString name(int id) const;
  QColor color(int id) const;
  /// The runs under a group, in order.
  QList<int> runsOf(int group) const;
  int runCount() const;
  QTreeWidget* tree() const { return m_tree; }
  QPushButton* compareButton() const { return m_compare; }

 signals:
  void checkedChanged(int id, bool checked);
  void renamed(int id, const QString& name);
  /// A run was double-clicked: show it in the views.
  void showRequested(int id);
  /// A group was double-clicked: show its chart.
  void groupRequested(int group);
  void compareRequested(const QList<int>& ids);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void fill(QTreeWidgetItem* item, const RunRow& row);
  QTreeWidgetItem* itemOf(int id) const;
  void updateButtons();

  QTreeWidget* m_tree;
  QLabel* m_hint;
  QPushButton* m_compare;
  QPushButton* m_untick;
  int m_nextId = 1;
  bool m_filling = false;  ///< itemChanged comes from the code, not the user
};

}  // namespace distlab::widgets
