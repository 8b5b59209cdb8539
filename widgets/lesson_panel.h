#pragma once
#include <QWidget>

class QLabel;

namespace distlab::widgets {

/// The current lesson's title and a short explanation, shown above the charts.
class LessonPanel : public QWidget {
  Q_OBJECT

 public:
  explicit LessonPanel(QWidget* parent = nullptr);
  void setLesson(const QString& title, const QString& description);
  QString title() const;
  QString description() const;

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void updateTitleFont();
  QLabel* m_title;
  QLabel* m_description;
};

}  // namespace distlab::widgets
