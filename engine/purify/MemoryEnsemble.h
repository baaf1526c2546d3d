// MeDS stage 1 (METHODS.md section 6): a sparse bootstrap ensemble of memories screens a whole training
// folder for defective images. Each of B members holds all patches of ceil(0.1 n) images drawn with
// replacement; every training patch gets its 1-NN cosine distance to each member, averaged over the
// members; an image scores the mean of its top 1% patches. A defect appears in few members, so its
// patches stay far on average while normal patches find a twin in almost every member.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "engine/purify/ImageAudit.h"
#include "engine/purify/ReferencePatches.h"
#include "engine/util/Progress.h"

namespace pb::purify {

struct MemoryEnsembleOptions {
    int members = 100;         // B
    double fraction = 0.1;     // images per member: ceil(fraction * n)
    int seed = 0;              // member draws: numpy RandomState(seed).randint(0, n, size) per member [ours]
    double topFraction = 0.01; // image score: mean of this fraction of its patches (at least one)
    // Flag images above median + madMultiplier * MAD (raw MAD, as MeDS's selection at the end of training).
    double madMultiplier = 3.0;
    std::string device = "cpu";  // where the shared distances are computed: "cpu" (BLAS) or a LibTorch device ("cuda")
};

// The flags (threshold = median + madMultiplier * MAD) and the scores.
struct MemoryEnsembleResult : RobustFlags {
    std::vector<float> patchScores;      // [images][patches]: mean over members of the 1-NN cosine distance
    std::vector<double> imageScores;
    std::vector<std::vector<std::size_t>> members;  // the images of each member
};

// Work is shared between members: the distance of every patch to every IMAGE is computed once (a
// patch's distance to a member is the minimum over the member's images), in blocks of images so that
// memory stays bounded whatever n. Throws pb::Error on fewer than two images or bad options.
MemoryEnsembleResult screenWithMemoryEnsemble(const ReferencePatches& patches, const MemoryEnsembleOptions& options,
                                              const Progress& progress);

}  // namespace pb::purify
