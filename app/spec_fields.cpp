#include "app/spec_fields.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <nlohmann/json.hpp>

#include "core/spec_schema.h"
#include "lessons/experiment.h"

namespace distlab::app {
namespace {

QString text(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// nlohmann's JSON value as Qt's, through its text.
QJsonValue qtValue(const nlohmann::json& value) {
  // Appended, not "[" + dump(): that form trips GCC 12's -Wrestrict false positive at -O3.
  std::string wrapped = "[";
  wrapped.append(value.dump()).append("]");
  const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(wrapped));
  return doc.array().at(0);
}

widgets::FormField::Kind kindOf(engine::FieldType type) {
  using K = widgets::FormField::Kind;
  using T = engine::FieldType;
  switch (type) {
    case T::Integer:
      return K::Integer;
    case T::Number:
      return K::Number;
    case T::Choice:
      return K::Choice;
    case T::Boolean:
      return K::Boolean;
    case T::IntegerList:
    case T::NumberList:
    case T::NumberPair:
      return K::List;
    case T::Unsigned:
    case T::Text:
      break;
  }
  return K::Text;
}

}  // namespace

QList<widgets::FormField> specFormFields() {
  QList<widgets::FormField> fields;
  // The schema's order within a group, the groups in their own order.
  for (int group = 0; group < engine::kFieldGroupCount; ++group) {
    for (const engine::SpecField& f : engine::specSchema()) {
      if (static_cast<int>(f.group) != group) continue;
      widgets::FormField field;
      field.path = text(f.path);
      field.kind = kindOf(f.type);
      field.defaultValue = qtValue(engine::fieldDefault(f));
      if (f.choices) {
        for (const auto& c : f.choices()) field.choices << QString::fromStdString(c);
      }
      field.min = f.min;
      field.max = f.max;
      field.minMeans = text(f.minMeans);
      field.integers = f.type == engine::FieldType::IntegerList;
      field.label = text(f.label);
      field.help = text(f.help);
      field.group = engine::fieldGroupName(f.group);
      field.advanced = f.advanced;
      field.usedBy.clear();  // the default says "all"
      for (const auto& reader : engine::fieldReaders(f.usedBy)) {
        field.usedBy << QString::fromStdString(reader);
      }
      for (const QString& clause : text(f.shownWhen).split(' ', Qt::SkipEmptyParts)) {
        field.shownWhen.insert(clause.section('=', 0, 0), clause.section('=', 1).split('|'));
      }
      fields.append(field);
    }
  }
  return fields;
}

}  // namespace distlab::app
