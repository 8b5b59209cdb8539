#pragma once
#include "telemetry/events.h"

namespace distlab::engine {

/// Where an experiment reports what happens, as typed records.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void record(const Event& event) = 0;
};

}  // namespace distlab::engine
