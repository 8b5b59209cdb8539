#pragma once

namespace distlab::app {

/// Presentation mode (larger text for a projector) and the light or dark theme, for the whole
/// application; returns the text scale applied.
double applyLook(bool presentation, bool dark);

}  // namespace distlab::app
