#pragma once
#include <QList>

#include "widgets/spec_form.h"

namespace distlab::app {

/// The Experiment panel's fields, from the engine's spec schema (core/spec_schema.h): every
/// field with its type, default, range or allowed values, English label and help, and group.
QList<widgets::FormField> specFormFields();

}  // namespace distlab::app
