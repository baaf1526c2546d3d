// The images of the open data set for the browser: filtered and optionally sorted by score,
// rows handed to the view in batches (fetchMore) and thumbnails decoded only when a row is shown,
// so data sets with thousands of images stay smooth.
#pragma once
#include <QAbstractListModel>
#include <QHash>
#include <vector>

#include "engine/dataset/Dataset.h"
#include "ui/SampleFilter.h"
#include "ui/VerdictRule.h"

namespace pb::ui {

class ThumbnailCache;

class SampleListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        ProductRole,
        SplitRole,
        DefectRole,
        LabelRole,
        ScoreRole,  // QVariant() when not scored
        PredictedRole,  // 1 anomalous, 0 normal or review at the image threshold, QVariant() when not scored
        VerdictRole,    // pb::Verdict as an int; QVariant() when not scored
    };

    explicit SampleListModel(ThumbnailCache* thumbnails, QObject* parent = nullptr);

    void setSamples(std::vector<Sample> samples);
    void setFilter(const SampleFilter& filter);
    const SampleFilter& filter() const { return filter_; }
    void setSortByScore(bool descending);
    bool sortByScore() const { return sortByScore_; }
    // Image scores by path; replaces the scores of the same paths, keeps the others.
    void setScores(const QHash<QString, double>& scores);
    void clearScores();
    void setImageThreshold(double threshold, const ReviewBand& band = {});

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Rows of the filtered set (all of it, fetched or not).
    int matchingCount() const { return static_cast<int>(visible_.size()); }
    int totalCount() const { return static_cast<int>(samples_.size()); }
    const Sample* sampleAt(int row) const;
    // Row of a path in the filtered set, fetching rows up to it; -1 when filtered out.
    int rowOfPath(const QString& path);
    bool hasScore(const QString& path) const { return scores_.contains(path); }

private:
    void rebuild();
    void onThumbnailReady(const QString& path);

    ThumbnailCache* thumbnails_;
    std::vector<Sample> samples_;
    QVector<QString> paths_;           // QString copies of samples_[i].path
    QHash<QString, int> sampleOfPath_;
    std::vector<int> visible_;         // indexes into samples_, filtered and sorted
    QHash<int, int> rowOfSample_;      // sample index -> row in visible_
    int fetched_ = 0;
    SampleFilter filter_;
    bool sortByScore_ = false;
    QHash<QString, double> scores_;
    VerdictRule verdict_;
};

}  // namespace pb::ui
