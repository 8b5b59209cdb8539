#pragma once
#include <string>
#include <vector>

#include "data/dataset.h"

namespace distlab::engine {

/// CIFAR-10 binary files: records of 1 label byte + 3072 pixel bytes (3 x 32 x 32, channel
/// planes). Pixels scaled to [0,1]. Throws Error naming the file on a missing file, a size that is
/// not a whole number of records, or a label above 9.
Dataset readCifar10(const std::vector<std::string>& files);
/// data_batch_1..5.bin and test_batch.bin from a folder (e.g. cifar-10-batches-bin).
TrainTest loadCifar10(const std::string& folder);

}  // namespace distlab::engine
