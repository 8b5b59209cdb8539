#include "app/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace distlab::app {

QString Language::systemDefault() {
  return QLocale::system().language() == QLocale::Chinese ? "zh_CN" : "en";
}

bool Language::set(const QString& code) {
  QCoreApplication::removeTranslator(&m_app);
  QCoreApplication::removeTranslator(&m_qt);
  m_current = "en";
  // English is loaded too: it holds the plural forms ("1 epoch", "2 epochs").
  if (!m_app.load(":/i18n/distlab_" + code + ".qm")) {
    if (code != "en") set("en");
    return code == "en";
  }
  // Qt's own dialogs (file dialogs, message box buttons).
  if (code != "en" &&
      m_qt.load("qtbase_" + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(&m_qt);
  }
  QCoreApplication::installTranslator(&m_app);
  m_current = code;
  return true;
}

}  // namespace distlab::app
