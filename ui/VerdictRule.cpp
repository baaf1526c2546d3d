#include "ui/VerdictRule.h"

#include <QCoreApplication>

namespace pb::ui {

QString verdictText(Verdict verdict) {
    switch (verdict) {
        case Verdict::Good: return QCoreApplication::translate("pb::ui::VerdictRule", "normal");
        case Verdict::Review: return QCoreApplication::translate("pb::ui::VerdictRule", "review");
        case Verdict::Bad: break;
    }
    return QCoreApplication::translate("pb::ui::VerdictRule", "anomalous");
}

QColor verdictColour(Verdict verdict) {
    switch (verdict) {
        case Verdict::Good: return QColor(30, 120, 40);
        case Verdict::Review: return QColor(200, 120, 0);
        case Verdict::Bad: break;
    }
    return QColor(190, 30, 30);
}

}  // namespace pb::ui
