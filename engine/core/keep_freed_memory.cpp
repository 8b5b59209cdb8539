#include "core/keep_freed_memory.h"

#include <malloc.h>

namespace distlab::engine {

void keepFreedMemory() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);   // blocks under 32 MB come from the heap...
  mallopt(M_TRIM_THRESHOLD, 128 << 20);  // ...which keeps up to 128 MB free at its top
}

}  // namespace distlab::engine
