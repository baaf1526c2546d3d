#include "engine/util/TensorMemory.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>
#include <c10/util/Exception.h>
#include <sys/mman.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <unordered_map>

namespace pb {

namespace {

// Smaller blocks stay with malloc, whose arenas already reuse them.
constexpr std::size_t kLargeBlock = std::size_t(1) << 20;
// Large blocks are whole, aligned huge pages: one fault per 2 MiB, and equal requests share a size.
constexpr std::size_t kHugePage = std::size_t(2) << 20;
// Free blocks kept beyond this are unmapped at once (a run whose sizes keep changing).
constexpr std::size_t kCacheLimit = std::size_t(1) << 30;

std::size_t roundUp(std::size_t n, std::size_t step) { return (n + step - 1) / step * step; }

class Pool {
public:
    void* take(std::size_t n) {
        const std::size_t size = roundUp(n, kHugePage);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            const auto cached = free_.find(size);
            if (cached != free_.end()) {
                void* p = cached->second;
                free_.erase(cached);
                cachedBytes_ -= size;
                ++reuses_;
                return p;
            }
        }
        void* p = map(size);
        std::lock_guard<std::mutex> lock(mutex_);
        sizes_.emplace(p, size);
        mappedBytes_ += size;
        ++mappings_;
        return p;
    }

    // False when `p` is not one of the pool's blocks.
    bool give(void* p) {
        std::size_t size = 0;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            const auto it = sizes_.find(p);
            if (it == sizes_.end()) return false;
            size = it->second;
            if (reuseScopes_ > 0 && cachedBytes_ + size <= kCacheLimit) {
                free_.emplace(size, p);
                cachedBytes_ += size;
                return true;
            }
            sizes_.erase(it);
            mappedBytes_ -= size;
        }
        munmap(p, size);
        return true;
    }

    void enterReuse() {
        std::lock_guard<std::mutex> lock(mutex_);
        ++reuseScopes_;
    }

    void leaveReuse() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (--reuseScopes_ > 0) return;
        }
        releaseCached();
    }

    void releaseCached() {
        std::multimap<std::size_t, void*> blocks;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            blocks.swap(free_);
            for (const auto& [size, p] : blocks) {
                sizes_.erase(p);
                mappedBytes_ -= size;
            }
            cachedBytes_ = 0;
        }
        for (const auto& [size, p] : blocks) munmap(p, size);
    }

    TensorMemoryStats stats() const {
        std::lock_guard<std::mutex> lock(mutex_);
        TensorMemoryStats s;
        s.mappedBytes = mappedBytes_;
        s.cachedBytes = cachedBytes_;
        s.mappings = mappings_;
        s.reuses = reuses_;
        return s;
    }

private:
    // An aligned mapping: map one huge page more, then unmap the unaligned head and the tail.
    static void* map(std::size_t size) {
        void* raw = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        TORCH_CHECK(raw != MAP_FAILED, "tensor memory: cannot map ", size, " bytes: ", std::strerror(errno));
        const auto start = reinterpret_cast<std::uintptr_t>(raw);
        const std::uintptr_t aligned = roundUp(start, kHugePage);
        if (aligned > start) munmap(raw, aligned - start);
        const std::uintptr_t end = start + size + kHugePage;
        if (end > aligned + size) munmap(reinterpret_cast<void*>(aligned + size), end - (aligned + size));
        void* p = reinterpret_cast<void*>(aligned);
#ifdef MADV_HUGEPAGE
        madvise(p, size, MADV_HUGEPAGE);  // advice only: without it (THP off) the pool still reuses
#endif
        return p;
    }

    mutable std::mutex mutex_;
    std::unordered_map<void*, std::size_t> sizes_;  // every large block mapped, in use or free
    std::multimap<std::size_t, void*> free_;
    std::size_t mappedBytes_ = 0, cachedBytes_ = 0, mappings_ = 0, reuses_ = 0;
    int reuseScopes_ = 0;
};

Pool& pool() {
    static Pool* p = new Pool;  // never destroyed: tensors may be freed during static destruction
    return *p;
}

void release(void* p) {
    if (!p || pool().give(p)) return;
    c10::free_cpu(p);  // a small block, or one the default allocator gave before the pool came
}

class PoolAllocator final : public c10::Allocator {
public:
    c10::DataPtr allocate(std::size_t n) const override {
        void* p = n >= kLargeBlock ? pool().take(n) : c10::alloc_cpu(n);
        return {p, p, &release, c10::Device(c10::DeviceType::CPU)};
    }
    // raw_allocate / raw_deallocate (oneDNN's scratch memory) use this for every block.
    c10::DeleterFnPtr raw_deleter() const override { return &release; }
};

std::once_flag gInstalled;
std::atomic<bool> gIsInstalled{false};

}  // namespace

void installTensorMemoryPool() {
    std::call_once(gInstalled, [] {
        // Never destroyed: LibTorch keeps the pointer until the process ends.
        c10::SetCPUAllocator(new PoolAllocator, /*priority=*/1);
        gIsInstalled = true;
    });
}

TensorMemoryStats tensorMemoryStats() {
    TensorMemoryStats s = pool().stats();
    s.installed = gIsInstalled;
    return s;
}

TensorMemoryReuse::TensorMemoryReuse() { pool().enterReuse(); }

TensorMemoryReuse::~TensorMemoryReuse() { pool().leaveReuse(); }

}  // namespace pb
