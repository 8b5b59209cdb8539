#include "widgets/lesson_panel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace distlab::widgets {

LessonPanel::LessonPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_description(new QLabel(this)) {
  QFont font = m_title->font();
  font.setPointSizeF(font.pointSizeF() * 1.4);
  font.setBold(true);
  m_title->setFont(font);
  m_description->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_title);
  layout->addWidget(m_description);
}

void LessonPanel::setLesson(const QString& title, const QString& description) {
  m_title->setText(title);
  m_description->setText(description);
}

QString LessonPanel::title() const { return m_title->text(); }
QString LessonPanel::description() const { return m_description->text(); }

}  // namespace distlab::widgets
