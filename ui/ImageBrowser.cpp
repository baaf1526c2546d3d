#include "ui/ImageBrowser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QSet>
#include <QVBoxLayout>
#include <limits>

#include "ui/SampleListModel.h"
#include "ui/ThumbnailCache.h"

namespace pb::ui {

ImageBrowser::ImageBrowser(QWidget* parent) : QWidget(parent) {
    thumbnails_ = new ThumbnailCache(96, this);
    model_ = new SampleListModel(thumbnails_, this);

    product_ = new QComboBox(this);
    product_->setObjectName(QStringLiteral("productFilter"));
    split_ = new QComboBox(this);
    split_->setObjectName(QStringLiteral("splitFilter"));
    split_->addItem(tr("All splits"), -1);
    split_->addItem(tr("Train"), static_cast<int>(Split::Train));
    split_->addItem(tr("Validation"), static_cast<int>(Split::Validation));
    split_->addItem(tr("Test"), static_cast<int>(Split::Test));
    defect_ = new QComboBox(this);
    defect_->setObjectName(QStringLiteral("defectFilter"));
    label_ = new QComboBox(this);
    label_->setObjectName(QStringLiteral("labelFilter"));
    label_->addItem(tr("Any label"), -2);
    label_->addItem(tr("Normal"), 0);
    label_->addItem(tr("Anomalous"), 1);
    label_->addItem(tr("Unlabelled"), -1);
    minScore_ = new QDoubleSpinBox(this);
    minScore_->setObjectName(QStringLiteral("minScoreFilter"));
    minScore_->setDecimals(3);
    minScore_->setRange(-1.0, 1e6);
    minScore_->setSingleStep(0.1);
    minScore_->setSpecialValueText(tr("any"));
    minScore_->setValue(-1.0);
    minScore_->setToolTip(tr("Show only images whose score is at least this value"));
    scoredOnly_ = new QCheckBox(tr("Scored only"), this);
    scoredOnly_->setObjectName(QStringLiteral("scoredOnly"));
    sortByScore_ = new QCheckBox(tr("Sort by score"), this);
    sortByScore_->setObjectName(QStringLiteral("sortByScore"));
    count_ = new QLabel(this);

    view_ = new QListView(this);
    view_->setObjectName(QStringLiteral("imageList"));
    view_->setModel(model_);
    view_->setViewMode(QListView::IconMode);
    view_->setFlow(QListView::LeftToRight);
    view_->setWrapping(true);
    view_->setResizeMode(QListView::Adjust);
    view_->setMovement(QListView::Static);
    view_->setUniformItemSizes(true);  // no per-row size queries: smooth with thousands of rows
    view_->setLayoutMode(QListView::Batched);
    view_->setBatchSize(200);
    view_->setIconSize(QSize(96, 96));
    view_->setGridSize(QSize(140, 158));  // icon + defect/name + score
    view_->setWordWrap(true);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);

    auto* filters = new QHBoxLayout;
    filters->addWidget(product_);
    filters->addWidget(split_);
    filters->addWidget(defect_);
    filters->addWidget(label_);
    filters->addWidget(new QLabel(tr("Score ≥"), this));
    filters->addWidget(minScore_);
    filters->addWidget(scoredOnly_);
    filters->addWidget(sortByScore_);
    filters->addStretch(1);
    filters->addWidget(count_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(view_, 1);

    auto changed = [this] {
        if (updating_) return;
        applyFilter();
    };
    connect(product_, &QComboBox::currentIndexChanged, this, [this, changed] {
        if (updating_) return;
        refillDefects();
        changed();
        emit productFilterChanged(product_->currentData().toString());
    });
    connect(split_, &QComboBox::currentIndexChanged, this, changed);
    connect(defect_, &QComboBox::currentIndexChanged, this, changed);
    connect(label_, &QComboBox::currentIndexChanged, this, changed);
    connect(minScore_, &QDoubleSpinBox::valueChanged, this, changed);
    connect(scoredOnly_, &QCheckBox::toggled, this, changed);
    connect(sortByScore_, &QCheckBox::toggled, this, [this](bool on) {
        model_->setSortByScore(on);
    });

    // A reset (new filter, new scores) loses the view's selection: put it back on the same image.
    connect(model_, &QAbstractItemModel::modelAboutToBeReset, this, [this] { restorePath_ = currentPath(); });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        if (!restorePath_.isEmpty()) {
            const int row = model_->rowOfPath(restorePath_);
            if (row >= 0) {
                QSignalBlocker block(view_->selectionModel());
                view_->setCurrentIndex(model_->index(row));
                view_->scrollTo(model_->index(row));
            }
        }
    });
    connect(model_, &QAbstractItemModel::rowsInserted, this, &ImageBrowser::updateCount);
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& index) {
        if (index.isValid()) emit currentPathChanged(index.data(SampleListModel::PathRole).toString());
    });
    setDataset(nullptr);
}

void ImageBrowser::setDataset(const DatasetPtr& dataset) {
    dataset_ = dataset;
    thumbnails_->clear();
    updating_ = true;
    product_->clear();
    product_->addItem(tr("All products"), QString());
    if (dataset_)
        for (const auto& p : dataset_->products) product_->addItem(QString::fromStdString(p), QString::fromStdString(p));
    updating_ = false;
    refillDefects();
    model_->setSamples(dataset_ ? dataset_->samples : std::vector<Sample>{});
    applyFilter();
    updateCount();
}

void ImageBrowser::refillDefects() {
    const QString keep = defect_->currentData().toString();
    const bool was = updating_;
    updating_ = true;
    defect_->clear();
    defect_->addItem(tr("All defects"), QString());
    if (dataset_) {
        const std::string product = product_->currentData().toString().toStdString();
        QStringList defects;
        QSet<QString> seen;
        for (const auto& s : dataset_->samples) {
            if (!product.empty() && s.product != product) continue;
            const QString d = QString::fromStdString(s.defect);
            if (!d.isEmpty() && !seen.contains(d)) {
                seen.insert(d);
                defects.append(d);
            }
        }
        defects.sort();
        for (const QString& d : defects) defect_->addItem(d, d);
    }
    const int at = defect_->findData(keep);
    defect_->setCurrentIndex(at >= 0 ? at : 0);
    updating_ = was;
}

void ImageBrowser::applyFilter() {
    SampleFilter f;
    f.product = product_->currentData().toString();
    f.split = split_->currentData().toInt();
    f.defect = defect_->currentData().toString();
    f.label = label_->currentData().toInt();
    f.scoredOnly = scoredOnly_->isChecked();
    if (minScore_->value() > minScore_->minimum()) f.minScore = minScore_->value();
    model_->setFilter(f);
    updateCount();
}

void ImageBrowser::showSubset(const QString& product, int split, const QString& defect) {
    updating_ = true;
    const int p = product_->findData(product);
    product_->setCurrentIndex(p >= 0 ? p : 0);
    updating_ = false;
    refillDefects();
    updating_ = true;
    const int s = split_->findData(split);
    split_->setCurrentIndex(s >= 0 ? s : 0);
    const int d = defect_->findData(defect);
    defect_->setCurrentIndex(d >= 0 ? d : 0);
    updating_ = false;
    applyFilter();
    emit productFilterChanged(product_->currentData().toString());
}

void ImageBrowser::setScores(const QHash<QString, double>& scores) { model_->setScores(scores); }

void ImageBrowser::setImageThreshold(double threshold, const ReviewBand& band) {
    model_->setImageThreshold(threshold, band);
}

QString ImageBrowser::currentProduct() const { return product_->currentData().toString(); }

QString ImageBrowser::currentPath() const {
    const QModelIndex index = view_->currentIndex();
    return index.isValid() ? index.data(SampleListModel::PathRole).toString() : QString();
}

bool ImageBrowser::selectPath(const QString& path) {
    const int row = model_->rowOfPath(path);
    if (row < 0) return false;
    selectRow(row);
    return true;
}

void ImageBrowser::selectRow(int row) {
    if (row < 0 || row >= model_->matchingCount()) return;
    while (row >= model_->rowCount() && model_->canFetchMore({})) model_->fetchMore({});
    const QModelIndex index = model_->index(row);
    view_->setCurrentIndex(index);
    view_->scrollTo(index);
}

void ImageBrowser::selectNext() {
    const QModelIndex index = view_->currentIndex();
    selectRow(index.isValid() ? std::min(index.row() + 1, model_->matchingCount() - 1) : 0);
}

void ImageBrowser::selectPrevious() {
    const QModelIndex index = view_->currentIndex();
    selectRow(index.isValid() ? std::max(index.row() - 1, 0) : 0);
}

void ImageBrowser::updateCount() {
    count_->setText(tr("%1 of %2 images").arg(model_->matchingCount()).arg(model_->totalCount()));
}

}  // namespace pb::ui
