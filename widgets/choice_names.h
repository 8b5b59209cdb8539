#pragma once
#include <QCoreApplication>
#include <QString>

namespace distlab::widgets {

/// What the window calls each value a spec field allows (and each value of the lessons' own
/// settings of a part, engine::StageSetting's "protection" and "start"): the experiment form's
/// lists, a lesson's progress line. Keyed by the field's path and the value's id, as the same id means
/// different things in different fields ("fedavg" as a client rule and as a server optimizer).
/// Acronyms and proper names (SGD, FedAvg, Krum) are the same in every language.
class ChoiceNames {
  Q_DECLARE_TR_FUNCTIONS(ChoiceNames)

 public:
  /// The name in the window's language, or the id itself for a value without one.
  static QString name(const QString& field, const QString& id);
  /// The same, starting with a capital where the language has them: for a list's items.
  static QString itemName(const QString& field, const QString& id);
};

}  // namespace distlab::widgets
