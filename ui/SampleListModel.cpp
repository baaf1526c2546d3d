#include "ui/SampleListModel.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QPixmap>
#include <algorithm>
#include <cmath>

#include "ui/ThumbnailCache.h"

namespace pb::ui {

namespace {
constexpr int kBatch = 200;  // rows handed to the view per fetchMore
}

SampleListModel::SampleListModel(ThumbnailCache* thumbnails, QObject* parent)
    : QAbstractListModel(parent), thumbnails_(thumbnails) {
    connect(thumbnails_, &ThumbnailCache::thumbnailReady, this, &SampleListModel::onThumbnailReady);
}

void SampleListModel::setSamples(std::vector<Sample> samples) {
    beginResetModel();
    samples_ = std::move(samples);
    paths_.clear();
    paths_.reserve(static_cast<int>(samples_.size()));
    sampleOfPath_.clear();
    for (std::size_t i = 0; i < samples_.size(); ++i) {
        paths_.append(QString::fromStdString(samples_[i].path));
        sampleOfPath_.insert(paths_.back(), static_cast<int>(i));
    }
    scores_.clear();
    rebuild();
    endResetModel();
}

void SampleListModel::setFilter(const SampleFilter& filter) {
    if (filter == filter_) return;
    beginResetModel();
    filter_ = filter;
    rebuild();
    endResetModel();
}

void SampleListModel::setSortByScore(bool descending) {
    if (descending == sortByScore_) return;
    beginResetModel();
    sortByScore_ = descending;
    rebuild();
    endResetModel();
}

void SampleListModel::setScores(const QHash<QString, double>& scores) {
    for (auto it = scores.begin(); it != scores.end(); ++it) scores_.insert(it.key(), it.value());
    beginResetModel();
    rebuild();
    endResetModel();
}

void SampleListModel::clearScores() {
    beginResetModel();
    scores_.clear();
    rebuild();
    endResetModel();
}

void SampleListModel::setImageThreshold(double threshold, const ReviewBand& band) {
    verdict_ = VerdictRule{threshold, band};
    if (fetched_ > 0) emit dataChanged(index(0), index(fetched_ - 1), {Qt::ForegroundRole, PredictedRole, Qt::ToolTipRole});
}

void SampleListModel::rebuild() {
    visible_.clear();
    const bool scoreBounded = std::isfinite(filter_.minScore) || std::isfinite(filter_.maxScore);
    for (std::size_t i = 0; i < samples_.size(); ++i) {
        const Sample& s = samples_[i];
        if (!filter_.product.isEmpty() && filter_.product.toStdString() != s.product) continue;
        if (filter_.split >= 0 && static_cast<int>(s.split) != filter_.split) continue;
        if (!filter_.defect.isEmpty() && filter_.defect.toStdString() != s.defect) continue;
        if (filter_.label != -2 && s.label != filter_.label) continue;
        auto score = scores_.constFind(paths_[static_cast<int>(i)]);
        if ((filter_.scoredOnly || scoreBounded) && score == scores_.constEnd()) continue;
        if (score != scores_.constEnd() && (*score < filter_.minScore || *score > filter_.maxScore)) continue;
        visible_.push_back(static_cast<int>(i));
    }
    if (sortByScore_) {
        // Highest score first; unscored images after every scored one, in path order.
        std::stable_sort(visible_.begin(), visible_.end(), [this](int a, int b) {
            auto sa = scores_.constFind(paths_[a]), sb = scores_.constFind(paths_[b]);
            const bool ha = sa != scores_.constEnd(), hb = sb != scores_.constEnd();
            if (ha != hb) return ha;
            return ha && *sa > *sb;
        });
    }
    rowOfSample_.clear();
    for (std::size_t r = 0; r < visible_.size(); ++r) rowOfSample_.insert(visible_[r], static_cast<int>(r));
    fetched_ = std::min<int>(kBatch, static_cast<int>(visible_.size()));
}

int SampleListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : fetched_; }

bool SampleListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && fetched_ < static_cast<int>(visible_.size());
}

void SampleListModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid()) return;
    const int more = std::min<int>(kBatch, static_cast<int>(visible_.size()) - fetched_);
    if (more <= 0) return;
    beginInsertRows({}, fetched_, fetched_ + more - 1);
    fetched_ += more;
    endInsertRows();
}

const Sample* SampleListModel::sampleAt(int row) const {
    if (row < 0 || row >= static_cast<int>(visible_.size())) return nullptr;
    return &samples_[static_cast<std::size_t>(visible_[static_cast<std::size_t>(row)])];
}

int SampleListModel::rowOfPath(const QString& path) {
    auto sample = sampleOfPath_.constFind(path);
    if (sample == sampleOfPath_.constEnd()) return -1;
    const int row = rowOfSample_.value(*sample, -1);
    if (row < 0) return -1;
    if (row >= fetched_) {
        beginInsertRows({}, fetched_, row);
        fetched_ = row + 1;
        endInsertRows();
    }
    return row;
}

QVariant SampleListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= fetched_) return {};
    const int i = visible_[static_cast<std::size_t>(index.row())];
    const Sample& s = samples_[static_cast<std::size_t>(i)];
    const QString& path = paths_[i];
    auto score = scores_.constFind(path);
    const bool scored = score != scores_.constEnd();
    const bool judged = scored && verdict_.known();
    const Verdict verdict = judged ? verdict_.of(*score) : Verdict::Good;
    switch (role) {
        case Qt::DisplayRole: {
            // Two short lines fit under a thumbnail: the defect type, then the file and its score.
            QString text = QFileInfo(path).fileName();
            if (scored) text += QStringLiteral("  ") + QString::number(*score, 'f', 3);
            return s.defect.empty() ? text : QString::fromStdString(s.defect) + QLatin1Char('\n') + text;
        }
        case Qt::DecorationRole: {
            QImage thumb = thumbnails_->thumbnail(path);
            if (!thumb.isNull()) return QPixmap::fromImage(thumb);
            // A blank of the final size keeps the grid from jumping when the picture arrives.
            QPixmap blank(thumbnails_->size(), thumbnails_->size());
            blank.fill(QColor(210, 210, 210));
            return blank;
        }
        case Qt::ForegroundRole:
            if (judged) return QBrush(verdictColour(verdict));
            return {};
        case Qt::ToolTipRole: {
            QString tip = path + QLatin1Char('\n') + tr("Split: %1").arg(QString::fromStdString(toString(s.split)));
            if (!s.defect.empty()) tip += QLatin1Char('\n') + tr("Defect: %1").arg(QString::fromStdString(s.defect));
            if (scored) {
                tip += QLatin1Char('\n') + tr("Score: %1").arg(*score, 0, 'f', 4);
                if (judged) tip += QStringLiteral(" (%1)").arg(verdictText(verdict));
            }
            return tip;
        }
        case PathRole: return path;
        case ProductRole: return QString::fromStdString(s.product);
        case SplitRole: return static_cast<int>(s.split);
        case DefectRole: return QString::fromStdString(s.defect);
        case LabelRole: return s.label;
        case ScoreRole: return scored ? QVariant(*score) : QVariant();
        case PredictedRole: return judged ? QVariant(verdict == Verdict::Bad ? 1 : 0) : QVariant();
        case VerdictRole: return judged ? QVariant(static_cast<int>(verdict)) : QVariant();
        default: return {};
    }
}

void SampleListModel::onThumbnailReady(const QString& path) {
    auto sample = sampleOfPath_.constFind(path);
    if (sample == sampleOfPath_.constEnd()) return;
    const int row = rowOfSample_.value(*sample, -1);
    if (row < 0 || row >= fetched_) return;
    emit dataChanged(index(row), index(row), {Qt::DecorationRole});
}

}  // namespace pb::ui
