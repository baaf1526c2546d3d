#include "ui/NearestPatchView.h"

#include <QFileInfo>
#include <QLabel>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "engine/image/ImageDecoder.h"
#include "ui/ImageConvert.h"

namespace pb::ui {

namespace {
constexpr int kShown = 160;  // pixels of each enlarged patch on screen

QPixmap enlarged(const QImage& patch) {
    if (patch.isNull()) return {};
    return QPixmap::fromImage(patch.scaled(kShown, kShown, Qt::KeepAspectRatio, Qt::FastTransformation));
}

QLabel* makePicture(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setFixedSize(kShown + 4, kShown + 4);
    label->setAlignment(Qt::AlignCenter);
    label->setFrameShape(QFrame::StyledPanel);
    return label;
}
}  // namespace

NearestPatchView::NearestPatchView(QWidget* parent) : QWidget(parent), decoded_(6) {
    setObjectName(QStringLiteral("nearestPatchView"));
    query_ = makePicture(this);
    query_->setObjectName(QStringLiteral("queryPatch"));
    nearest_ = makePicture(this);
    nearest_->setObjectName(QStringLiteral("nearestPatch"));
    queryCaption_ = new QLabel(this);
    queryCaption_->setWordWrap(true);
    nearestCaption_ = new QLabel(this);
    nearestCaption_->setWordWrap(true);
    auto* title1 = new QLabel(tr("<b>Under the cursor</b>"), this);
    auto* title2 = new QLabel(tr("<b>Nearest normal patch</b>"), this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title1);
    layout->addWidget(query_);
    layout->addWidget(queryCaption_);
    layout->addSpacing(8);
    layout->addWidget(title2);
    layout->addWidget(nearest_);
    layout->addWidget(nearestCaption_);
    layout->addStretch(1);
    setFixedWidth(kShown + 28);

    watcher_ = new QFutureWatcher<Decoded>(this);
    connect(watcher_, &QFutureWatcher<Decoded>::finished, this, [this] {
        const Decoded d = watcher_->result();
        loading_.clear();
        if (!d.image.isNull()) decoded_.insert(d.path, new QImage(d.image));
        if (d.path == originPath_) {
            if (d.image.isNull())
                nearestCaption_->setText(tr("%1 could not be read").arg(QFileInfo(d.path).fileName()));
            else
                showNearest();
        } else if (!originPath_.isEmpty() && !decoded_.contains(originPath_)) {
            showPatch(QImage(), QString(), origin_);  // the cursor moved on while decoding: load that one
        }
    });
    clear(tr("Move the cursor over a scored image to compare it with the bank."));
}

void NearestPatchView::clear(const QString& message) {
    query_->clear();
    nearest_->clear();
    queryCaption_->setText(message);
    nearestCaption_->clear();
    originPath_.clear();
}

QImage NearestPatchView::crop(const QImage& image, const BankPatchOrigin& origin) {
    if (image.isNull() || origin.gridWidth <= 0 || origin.gridHeight <= 0) return {};
    // The bank image was resized to the grid without a crop: cells are proportional in the original.
    const double cw = static_cast<double>(image.width()) / origin.gridWidth;
    const double ch = static_cast<double>(image.height()) / origin.gridHeight;
    const QRect rect(static_cast<int>(origin.column * cw), static_cast<int>(origin.row * ch),
                     std::max(1, static_cast<int>(cw + 0.5)), std::max(1, static_cast<int>(ch + 0.5)));
    return image.copy(rect);
}

void NearestPatchView::showPatch(const QImage& query, const QString& queryCaption, const BankPatchOrigin& origin) {
    if (!query.isNull()) {
        query_->setPixmap(enlarged(query));
        queryCaption_->setText(queryCaption);
    }
    origin_ = origin;
    originPath_ = QString::fromStdString(origin.imagePath);
    if (originPath_.isEmpty()) {
        // A k-means prototype, or a bank loaded from a file: there is no training patch to show.
        nearest_->clear();
        nearestCaption_->setText(tr("nearest bank vector is a prototype\n(no single training patch)"));
        nearestCaption_->setToolTip(QString());
        return;
    }
    nearestCaption_->setText(tr("%1\nrow %2, column %3")
                                 .arg(QFileInfo(originPath_).fileName())
                                 .arg(origin.row)
                                 .arg(origin.column));
    nearestCaption_->setToolTip(originPath_);
    if (decoded_.contains(originPath_)) {
        showNearest();
        return;
    }
    if (!loading_.isEmpty()) return;  // one decode at a time; the newest request follows when it ends
    loading_ = originPath_;
    watcher_->setFuture(QtConcurrent::run([path = originPath_] {
        Decoded d{path, {}};
        try {
            d.image = toQImage(decodeImageRgb(path.toStdString()));
        } catch (...) {
        }
        return d;
    }));
}

void NearestPatchView::showNearest() {
    const QImage* image = decoded_.object(originPath_);
    if (!image) return;
    nearest_->setPixmap(enlarged(crop(*image, origin_)));
    emit nearestShown(originPath_);
}

}  // namespace pb::ui
