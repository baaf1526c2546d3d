// Images scored on request (dropped or pasted files) that the user keeps for a closer look:
// one row per image with its score, clicking a row shows it again in the inspection view.
#pragma once
#include <QWidget>

#include "ui/EngineResults.h"
#include "ui/VerdictRule.h"

class QListWidget;
class QPushButton;

namespace pb::ui {

class InspectionListPanel : public QWidget {
    Q_OBJECT
public:
    explicit InspectionListPanel(QWidget* parent = nullptr);

    // Adds (or refreshes) the image `index` of `result`; returns false when it was already listed.
    bool add(const ScoreResultPtr& result, int index);
    // Every image of every result at once (a shared-bank run): one refresh, not one per image.
    // Returns how many were new.
    int addAll(const std::vector<ScoreResultPtr>& results);
    void setImageThreshold(double threshold, const ReviewBand& band = {});
    int count() const;
    QListWidget* list() const { return list_; }

signals:
    void entryActivated(const pb::ui::ScoreResultPtr& result, int index);

private:
    struct Entry {
        ScoreResultPtr result;
        int index = -1;
    };
    void refreshTexts();

    QListWidget* list_;
    QPushButton* remove_;
    QPushButton* clear_;
    QVector<Entry> entries_;
    VerdictRule verdict_;
};

}  // namespace pb::ui
