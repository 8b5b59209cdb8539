#pragma once
#include <QCoreApplication>
#include <QString>

#include "telemetry/events.h"

namespace distlab::app {

/// A part of a multi-run lesson says what it runs with as spec fields and ids
/// (engine::StageSetting); this names them in the window's language: the field by its
/// translated form label, the value as the form's list names it.
class StageSettingText {
  Q_DECLARE_TR_FUNCTIONS(StageSettingText)

 public:
  /// "Attack: sign flip", "Micro-batches: 8", or the lecture's name of a method ("MA-DNN").
  static QString setting(const engine::StageSetting& setting);
  /// Every setting of a part, joined for one log line.
  static QString settings(const std::vector<engine::StageSetting>& settings);
};

}  // namespace distlab::app
