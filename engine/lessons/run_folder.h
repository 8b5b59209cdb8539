#pragma once
#include <string>

#include "core/spec.h"

namespace distlab::engine {

/// runs/<spec name>-<local time>
std::string defaultOutDir(const Spec& spec);
/// Creates the run folder (outDir, or defaultOutDir when empty) with a copy of the spec, every
/// default filled in, as spec.json; returns its path. Throws Error naming what failed.
std::string prepareRunFolder(const Spec& spec, const std::string& outDir);

}  // namespace distlab::engine
