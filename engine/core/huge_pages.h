#pragma once
#include <cstddef>

namespace distlab::engine {

/// Asks the kernel to back the whole 2 MiB pages inside [p, p + bytes) with huge pages (Linux
/// transparent huge pages in "madvise" mode, as Debian ships it). Call before the memory is
/// first written: on these VMs a data set's ~55,000 4 KiB page faults cost more than reading it.
/// A hint only: nothing changes where the kernel says no.
void preferHugePages(void* p, std::size_t bytes);

}  // namespace distlab::engine
