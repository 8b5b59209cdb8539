#pragma once
#include <QObject>
#include <QString>
#include <QTranslator>

namespace distlab::app {

/// Installs DistLab's and Qt's own translations for "zh_CN" or "en" at run time; every widget
/// then receives QEvent::LanguageChange and retranslates itself.
class Language : public QObject {
  Q_OBJECT

 public:
  explicit Language(QObject* parent = nullptr) : QObject(parent) {}
  /// "zh_CN" when the system locale is Chinese, else "en".
  static QString systemDefault();
  /// Returns false if the translation files are missing (English stays in place).
  bool set(const QString& code);
  QString current() const { return m_current; }

 private:
  QTranslator m_app, m_qt;
  QString m_current = "en";
};

}  // namespace distlab::app
