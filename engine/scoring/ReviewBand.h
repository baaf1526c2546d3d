// Good / Review / Bad: two image-score thresholds T1 <= T2. Below T1 an image passes, from T2 on it
// is rejected, in between a person looks at it. Without a band, the single image threshold decides.
#pragma once
#include <limits>
#include <string>
#include <vector>

namespace pb {

enum class Verdict { Good, Review, Bad };
const char* toString(Verdict verdict);  // "good", "review", "bad"

struct ReviewBand {
    double low = std::numeric_limits<double>::quiet_NaN();   // T1
    double high = std::numeric_limits<double>::quiet_NaN();  // T2
    bool defined() const { return low == low && high == high; }  // both set (not NaN)
};

// The band when it is defined, else Good/Bad at imageThreshold (Bad when score >= it).
Verdict verdictOf(double score, const ReviewBand& band, double imageThreshold);

// From normal data only: T1 = p99 of the leave-one-out scores of the training images (numpy's linear
// quantile), T2 = their largest score times `margin` (>= 1). Throws pb::Error on fewer than two scores.
ReviewBand reviewBandFromNormal(const std::vector<double>& leaveOneOutScores, double margin);

// From labelled scores: T2 = the F1-optimal threshold; T1 = the highest threshold that lets at most
// `maxEscapeRate` of the anomalous images pass as good (score < T1), never above T2. Throws pb::Error
// without anomalous images or normal ones.
ReviewBand reviewBandFromLabels(const std::vector<double>& scores, const std::vector<int>& labels,
                                double maxEscapeRate);

// How a band is chosen, as the CLI and the settings spell it: "none", "normal[:MARGIN]" (default 1.1),
// "labels[:ESCAPE]" (default 0.01) or "T1,T2".
struct ReviewBandRule {
    enum class Kind { None, Normal, Labels, Fixed };
    Kind kind = Kind::None;
    double margin = 1.1;
    double maxEscapeRate = 0.01;
    ReviewBand fixed;

    static ReviewBandRule parse(const std::string& text);  // pb::Error naming the text when malformed
    std::string toString() const;
    bool needsLeaveOneOut() const { return kind == Kind::Normal; }
};

}  // namespace pb
