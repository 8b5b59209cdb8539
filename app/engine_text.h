#pragma once
#include <QCoreApplication>
#include <QString>

#include <optional>
#include <string>

#include "core/spec.h"

namespace distlab::app {

/// What the engine says in English (spec problems, lifecycle details, its stderr lines), said in
/// the window's language. Texts it does not know come back as written.
class EngineText {
  Q_DECLARE_TR_FUNCTIONS(EngineText)

 public:
  /// A spec problem the Experiment panel can cause (by its code); others: the engine's sentence.
  static QString specError(const engine::SpecError& error);
  /// The detail of a lifecycle event (see engine/cluster/coordinator.cpp).
  static QString lifecycleDetail(const std::string& english);
  /// A line of the engine's stderr for the log panel; empty when the log already shows it from
  /// the telemetry (progress and lifecycle lines).
  static QString stderrLine(const QString& line);
  /// A result line of a lesson's engine command (averaging, aggregation, convexity, the
  /// attack and its privacy-utility table), or nothing when the line is not one of them.
  static std::optional<QString> lessonLine(const QString& line);
};

}  // namespace distlab::app
