// How the views turn an image score into Normal / Review / Anomalous: the review band when the user
// has one, else the single image threshold (engine/scoring/ReviewBand.h decides; this only names and
// colours the verdict the same way in the browser, the inspection list and the inspection headline).
#pragma once
#include <QColor>
#include <QString>
#include <cmath>
#include <limits>

#include "engine/scoring/ReviewBand.h"

namespace pb::ui {

struct VerdictRule {
    double threshold = std::numeric_limits<double>::quiet_NaN();
    ReviewBand band;

    bool known() const { return band.defined() || std::isfinite(threshold); }
    Verdict of(double score) const { return verdictOf(score, band, threshold); }
};

QString verdictText(Verdict verdict);  // "normal", "review", "anomalous" (translated)
QColor verdictColour(Verdict verdict);

}  // namespace pb::ui
