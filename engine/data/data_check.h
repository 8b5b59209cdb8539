#pragma once
#include <string>
#include <vector>

#include "core/spec.h"

namespace distlab::engine {

// What `validate` checks of a file-based data set before anyone trains on it: the folder, each
// file present and readable, each file's header (IDX magic and sizes, CIFAR-10 record size) and
// its length against that header, and that images and labels agree. Cheap: headers and sizes
// (a gzip file's length from its trailer), never a full decode. Every problem at once, each
// naming its file.

/// The problems of the spec's data files (none for a synthetic set), each a sentence starting
/// with the file or folder it is about.
std::vector<std::string> checkDataFiles(const DatasetSpec& dataset);

}  // namespace distlab::engine
