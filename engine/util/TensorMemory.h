// LibTorch's CPU tensors, and oneDNN's scratch memory (which LibTorch routes through the same
// allocator), come from malloc. malloc serves blocks above its mmap threshold (32 MiB at most)
// from fresh mappings and unmaps them on free, so every batch through a CNN faults its large
// activations in again, 4 KiB at a time, and the kernel zero-fills each page. The pool keeps
// large blocks in transparent huge pages (where the kernel allows them) and, within a
// TensorMemoryReuse, hands a freed block to the next request of the same size, as the batches of
// one extraction make.
#pragma once
#include <cstddef>

namespace pb {

// Makes the pool LibTorch's CPU allocator. Once per process; later calls do nothing. Blocks the
// default allocator handed out before keep their own deleter.
void installTensorMemoryPool();

// While one of these lives (on any thread), freed large blocks are kept for the next request of
// their size; otherwise they are unmapped at once, as malloc would. The last one to end unmaps the
// cached blocks, so that an idle process holds none. Wrap runs of equal batches in one.
class TensorMemoryReuse {
public:
    TensorMemoryReuse();
    ~TensorMemoryReuse();
    TensorMemoryReuse(const TensorMemoryReuse&) = delete;
    TensorMemoryReuse& operator=(const TensorMemoryReuse&) = delete;
};

struct TensorMemoryStats {
    bool installed = false;
    std::size_t mappedBytes = 0;  // large blocks mapped now: in use and cached
    std::size_t cachedBytes = 0;  // of which free, kept for reuse
    std::size_t mappings = 0;     // large requests that mapped new memory, since the start
    std::size_t reuses = 0;       // large requests served from the cache, since the start
};
TensorMemoryStats tensorMemoryStats();

}  // namespace pb
