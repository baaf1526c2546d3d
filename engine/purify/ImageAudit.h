// The image-level audit of a reference set (the purification paper's deployable method, METHODS.md
// section 5): score each reference image by its patches' leave-one-out distances, flag the images far
// above the others with a robust (median + k * 1.4826 * MAD) rule, and optionally replace them by unused
// normal images (recapture). Needs no labels.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace pb::purify {

// How an image's patch scores become its audit score.
enum class AuditScore {
    Max,       // "imgmax": its worst patch (the paper's default)
    Q99,       // "q99": the 99th percentile, linear interpolation (numpy's default)
    Top5Mean,  // "top5": the mean of its top 5% patches (ceil(0.05 P), at least one) [ours: the count's rounding]
    Mean,      // "mean": the mean of all its patches
};
std::string toString(AuditScore score);
// "imgmax" (or "max"), "q99", "top5", "mean"; throws pb::Error otherwise.
AuditScore auditScoreFromString(const std::string& name);

struct AuditRule {
    AuditScore score = AuditScore::Max;
    double k = 1.5;            // MADs above the median (1.0 and 2.0 are the paper's sweep)
    double maxFraction = 0.4;  // at most int(maxFraction * N) images are flagged
};

// The robust rule both screens use: rank the scores, flag those above median + madScale * MAD (none when
// MAD < 1e-12), highest first, at most `cap` of them.
struct RobustFlags {
    std::vector<std::size_t> ranking;  // every index, highest score first
    std::vector<std::size_t> flagged;
    double median = 0;
    double mad = 0;
    double threshold = 0;  // +inf when MAD < 1e-12
};
RobustFlags flagAboveMedian(const std::vector<double>& scores, double madScale, std::size_t cap);

// The flags (threshold = median + k * 1.4826 * MAD) and per image its score and worst patch.
struct ImageAuditResult : RobustFlags {
    std::vector<double> scores;           // per image
    std::vector<std::size_t> worstPatch;  // per image: the patch with the largest leave-one-out score

    bool isFlagged(std::size_t image) const;
    // The images not flagged, ascending.
    std::vector<std::size_t> kept() const;
};

// patchScores: [images][patchesPerImage] leave-one-out scores (meanDistances of leaveOneImageOutKnn).
// Throws pb::Error on an empty set or a size that is not a whole number of images.
ImageAuditResult auditImages(const std::vector<float>& patchScores, std::size_t patchesPerImage,
                             const AuditRule& rule);

// The audit score of one image's patch scores.
double auditScore(const float* patchScores, std::size_t count, AuditScore score);


// numpy's median (the mean of the two middle values for an even count) and the raw MAD around it.
double median(std::vector<double> values);
double medianAbsoluteDeviation(const std::vector<double>& values, double centre);

}  // namespace pb::purify
