#include "engine/scoring/ReviewBand.h"

#include <algorithm>
#include <cstdio>

#include "engine/metrics/ImageMetrics.h"
#include "engine/util/Error.h"

namespace pb {

const char* toString(Verdict verdict) {
    switch (verdict) {
        case Verdict::Good: return "good";
        case Verdict::Review: return "review";
        case Verdict::Bad: return "bad";
    }
    return "good";
}

Verdict verdictOf(double score, const ReviewBand& band, double imageThreshold) {
    if (!band.defined()) return score >= imageThreshold ? Verdict::Bad : Verdict::Good;
    if (score >= band.high) return Verdict::Bad;
    return score < band.low ? Verdict::Good : Verdict::Review;
}

ReviewBand reviewBandFromNormal(const std::vector<double>& leaveOneOutScores, double margin) {
    if (leaveOneOutScores.size() < 2) throw Error("a review band from normal data needs at least two training images");
    if (!(margin >= 1.0)) throw Error("the review band's margin must be at least 1");
    ReviewBand band;
    band.low = numpyQuantile(leaveOneOutScores, 0.99);
    band.high = *std::max_element(leaveOneOutScores.begin(), leaveOneOutScores.end()) * margin;
    return band;
}

ReviewBand reviewBandFromLabels(const std::vector<double>& scores, const std::vector<int>& labels,
                                double maxEscapeRate) {
    if (!(maxEscapeRate >= 0.0 && maxEscapeRate < 1.0)) throw Error("the maximum escape rate must be in [0, 1)");
    std::vector<double> anomalous;
    for (std::size_t i = 0; i < scores.size() && i < labels.size(); ++i)
        if (labels[i] == 1) anomalous.push_back(scores[i]);
    if (anomalous.empty() || anomalous.size() == scores.size())
        throw Error("a review band from labels needs normal and anomalous images");
    ReviewBand band;
    band.high = f1Max(scores, labels).threshold;
    // At most floor(rate * n) anomalies may score below T1: T1 is the next anomaly's score.
    std::sort(anomalous.begin(), anomalous.end());
    const auto escapes = static_cast<std::size_t>(maxEscapeRate * static_cast<double>(anomalous.size()));
    band.low = std::min(anomalous[std::min(escapes, anomalous.size() - 1)], band.high);
    return band;
}

namespace {

double parseNumber(const std::string& text, const std::string& whole) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size()) return v;
    } catch (const std::exception&) {
    }
    throw Error("review band '" + whole + "': '" + text + "' is not a number (use none, normal[:MARGIN], "
                "labels[:ESCAPE] or T1,T2)");
}

}  // namespace

ReviewBandRule ReviewBandRule::parse(const std::string& text) {
    ReviewBandRule rule;
    const auto colon = text.find(':');
    const std::string head = text.substr(0, colon);
    const std::string tail = colon == std::string::npos ? std::string() : text.substr(colon + 1);
    if (head == "none" && tail.empty()) return rule;
    if (head == "normal") {
        rule.kind = Kind::Normal;
        if (colon != std::string::npos) rule.margin = parseNumber(tail, text);
        if (!(rule.margin >= 1.0)) throw Error("review band '" + text + "': the margin must be at least 1");
        return rule;
    }
    if (head == "labels") {
        rule.kind = Kind::Labels;
        if (colon != std::string::npos) rule.maxEscapeRate = parseNumber(tail, text);
        if (!(rule.maxEscapeRate >= 0.0 && rule.maxEscapeRate < 1.0))
            throw Error("review band '" + text + "': the escape rate must be in [0, 1)");
        return rule;
    }
    const auto comma = text.find(',');
    if (comma == std::string::npos)
        throw Error("unknown review band '" + text + "' (use none, normal[:MARGIN], labels[:ESCAPE] or T1,T2)");
    rule.kind = Kind::Fixed;
    rule.fixed.low = parseNumber(text.substr(0, comma), text);
    rule.fixed.high = parseNumber(text.substr(comma + 1), text);
    if (!(rule.fixed.low <= rule.fixed.high)) throw Error("review band '" + text + "': T1 must not exceed T2");
    return rule;
}

std::string ReviewBandRule::toString() const {
    char buffer[64];
    switch (kind) {
        case Kind::None: return "none";
        case Kind::Normal: std::snprintf(buffer, sizeof buffer, "normal:%g", margin); return buffer;
        case Kind::Labels: std::snprintf(buffer, sizeof buffer, "labels:%g", maxEscapeRate); return buffer;
        case Kind::Fixed: std::snprintf(buffer, sizeof buffer, "%.17g,%.17g", fixed.low, fixed.high); return buffer;
    }
    return "none";
}

}  // namespace pb
