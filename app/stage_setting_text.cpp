#include "app/stage_setting_text.h"

#include <QStringList>

#include "core/spec_schema.h"
#include "widgets/choice_names.h"

namespace distlab::app {
namespace {

// A value by the name the form's list gives it; a number as it is.
QString valueName(const engine::StageSetting& s, const engine::SpecField* field) {
  if (field && field->type == engine::FieldType::Boolean) {
    return s.value == "true" ? StageSettingText::tr("on") : StageSettingText::tr("off");
  }
  return widgets::ChoiceNames::name(QString::fromStdString(s.field), QString::fromStdString(s.value));
}

}  // namespace

QString StageSettingText::setting(const engine::StageSetting& s) {
  if (s.field.empty()) return QString::fromStdString(s.value);  // a method's name
  const engine::SpecField* field = engine::findSpecField(s.field);
  if (!field) return valueName(s, nullptr);  // a lesson's own setting: its value says it all
  const QString label = QCoreApplication::translate("SpecSchema", std::string(field->label).c_str());
  return tr("%1: %2").arg(label, valueName(s, field));
}

QString StageSettingText::settings(const std::vector<engine::StageSetting>& settings) {
  if (settings.empty()) return tr("settings not recorded (a run from an older version)");
  QStringList parts;
  for (const auto& s : settings) parts << setting(s);
  return parts.join(tr(", "));
}

}  // namespace distlab::app
