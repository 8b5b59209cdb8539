#include "widgets/lesson_panel.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace distlab::widgets {

LessonPanel::LessonPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_description(new QLabel(this)) {
  updateTitleFont();
  m_description->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_title);
  layout->addWidget(m_description);
}

void LessonPanel::setLesson(const QString& title, const QString& description) {
  m_title->setText(title);
  m_description->setText(description);
}

void LessonPanel::updateTitleFont() {
  QFont titleFont = font();
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
  titleFont.setBold(true);
  m_title->setFont(titleFont);
}

void LessonPanel::changeEvent(QEvent* event) {
  // The title follows the window's text size (presentation mode).
  if (event->type() == QEvent::FontChange) updateTitleFont();
  QWidget::changeEvent(event);
}

QString LessonPanel::title() const { return m_title->text(); }
QString LessonPanel::description() const { return m_description->text(); }

}  // namespace distlab::widgets
