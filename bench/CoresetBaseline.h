// The baseline of `patchbank-cli bench coreset`: a straightforward LibTorch port of PatchCore's greedy
// coreset (amazon-science/patchcore-inspection, sampler.py, ApproximateGreedyCoresetSampler). Every
// step recomputes the batchwise distances of all points to the new centre (bmm norms + mm + clamp +
// sqrt), concatenates them to the running minimum, takes the row minimum and reads the argmax back
// with .item(). LibTorch stays in the .cpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pb {

// Selects min(count, n) rows of data [n][dim]. To be comparable with pb::greedyCoreset it uses the
// same projection matrix (coresetProjection) and the same random start point (coresetStart) instead of
// PatchCore's torch.nn.Linear mapper and its mean over 10 random starting points; the loop is PatchCore's.
std::vector<std::int64_t> patchcoreGreedyCoreset(const float* data, std::size_t n, int dim, std::size_t count,
                                                 int projection, std::uint64_t seed);

}  // namespace pb
