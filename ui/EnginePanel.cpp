#include "ui/EnginePanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

#include "engine/backbone/Backbone.h"
#include "engine/features/FeatureCache.h"
#include "engine/knn/ExactKnn.h"
#include "engine/scoring/ImageScoreRule.h"
#include "ui/EngineController.h"

namespace pb::ui {

namespace {
// Backbones whose features come from a weights file; the others need none.
bool needsWeights(const QString& backbone) { return backbone != QLatin1String("descriptors"); }

QString cacheSummary(const QString& directory) {
    if (directory.isEmpty()) return EnginePanel::tr("Feature cache: off");
    qint64 files = 0, bytes = 0;
    QDirIterator it(directory, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++files;
        bytes += it.fileInfo().size();
    }
    return EnginePanel::tr("Feature cache: %1 entries, %2\n%3")
        .arg(files)
        .arg(QLocale().formattedDataSize(bytes))
        .arg(directory);
}
}  // namespace

EnginePanel::EnginePanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("enginePanel"));
    backbone_ = new QComboBox(this);
    backbone_->setObjectName(QStringLiteral("backboneCombo"));
    for (const auto& name : knownBackbones()) backbone_->addItem(QString::fromStdString(name));
    weights_ = new QLineEdit(this);
    weights_->setObjectName(QStringLiteral("weightsEdit"));
    weights_->setPlaceholderText(tr("model.safetensors or TorchScript file"));
    browse_ = new QToolButton(this);
    browse_->setText(tr("…"));
    browse_->setToolTip(tr("Choose the weights file; it is checked by loading the backbone"));
    weightsStatus_ = new QLabel(this);
    weightsStatus_->setObjectName(QStringLiteral("weightsStatus"));
    weightsStatus_->setWordWrap(true);
    resolution_ = new QSpinBox(this);
    resolution_->setObjectName(QStringLiteral("resolutionSpin"));
    resolution_->setRange(32, 1024);
    resolution_->setSingleStep(16);
    resolution_->setValue(224);
    resolution_->setSuffix(tr(" px"));
    k_ = new QSpinBox(this);
    k_->setObjectName(QStringLiteral("kSpin"));
    k_->setRange(1, 64);
    k_->setValue(5);
    scoreRule_ = new QComboBox(this);
    scoreRule_->setObjectName(QStringLiteral("scoreRuleCombo"));
    scoreRule_->addItem(tr("95th percentile of patches"), QStringLiteral("p95"));
    scoreRule_->addItem(tr("Maximum patch"), QStringLiteral("max"));
    scoreRule_->addItem(tr("Mean of the top 10 patches"), QStringLiteral("topk"));
    scoreRule_->addItem(tr("Mean of the top 1%"), QStringLiteral("top1pct"));
    device_ = new QComboBox(this);
    device_->setObjectName(QStringLiteral("deviceCombo"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    const auto methods = exactKnnMethods();
    gpu_ = std::find(methods.begin(), methods.end(), "torch-cuda") != methods.end();
    if (gpu_) device_->addItem(tr("GPU (CUDA)"), QStringLiteral("cuda"));
    device_->setToolTip(gpu_ ? tr("Where the backbone and the kNN search run")
                             : tr("No GPU is visible to LibTorch on this machine"));
    maxTrain_ = new QSpinBox(this);
    maxTrain_->setObjectName(QStringLiteral("maxTrainSpin"));
    maxTrain_->setRange(0, 1000000);
    maxTrain_->setSpecialValueText(tr("all"));
    maxTrain_->setToolTip(tr("Use only the first N training images (sorted by name); 0 = all"));
    useCache_ = new QCheckBox(tr("Cache features on disk"), this);
    useCache_->setObjectName(QStringLiteral("cacheCheck"));
    useCache_->setChecked(true);
    cacheStatus_ = new QLabel(this);
    cacheStatus_->setObjectName(QStringLiteral("cacheStatus"));
    cacheStatus_->setWordWrap(true);
    cacheStatus_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    productLabel_ = new QLabel(this);
    productLabel_->setObjectName(QStringLiteral("productLabel"));
    productLabel_->setWordWrap(true);

    build_ = new QPushButton(QIcon(QStringLiteral(":/icons/build-bank.svg")), tr("Build bank"), this);
    build_->setObjectName(QStringLiteral("buildButton"));
    build_->setToolTip(tr("Extract the features of the product's training images into a memory bank (Ctrl+B)"));
    score_ = new QPushButton(QIcon(QStringLiteral(":/icons/score.svg")), tr("Score test set"), this);
    score_->setObjectName(QStringLiteral("scoreButton"));
    score_->setToolTip(tr("Score every test image of the product against its bank (Ctrl+R)"));
    cancel_ = new QPushButton(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("cancelButton"));
    cancel_->setEnabled(false);
    stage_ = new QLabel(tr("Idle"), this);
    stage_->setObjectName(QStringLiteral("stageLabel"));
    stage_->setWordWrap(true);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("engineProgress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    time_ = new QLabel(this);
    time_->setObjectName(QStringLiteral("timeLabel"));
    time_->setWordWrap(true);
    bank_ = new QLabel(tr("No bank yet."), this);
    bank_->setObjectName(QStringLiteral("bankLabel"));
    bank_->setWordWrap(true);

    auto* weightsRow = new QHBoxLayout;
    weightsRow->addWidget(weights_, 1);
    weightsRow->addWidget(browse_);
    auto* modelBox = new QGroupBox(tr("Model"), this);
    auto* form = new QFormLayout(modelBox);
    form->addRow(tr("Backbone"), backbone_);
    form->addRow(tr("Weights"), weightsRow);
    form->addRow(QString(), weightsStatus_);
    form->addRow(tr("Resolution"), resolution_);
    form->addRow(tr("k neighbours"), k_);
    form->addRow(tr("Image score"), scoreRule_);
    form->addRow(tr("Device"), device_);
    form->addRow(tr("Training images"), maxTrain_);
    form->addRow(useCache_);
    form->addRow(cacheStatus_);

    auto* runBox = new QGroupBox(tr("Run"), this);
    auto* run = new QVBoxLayout(runBox);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(build_);
    buttons->addWidget(score_);
    buttons->addWidget(cancel_);
    run->addWidget(productLabel_);
    run->addLayout(buttons);
    run->addWidget(stage_);
    run->addWidget(progress_);
    run->addWidget(time_);
    run->addWidget(bank_);

    // Paths, identities and digests are long unbreakable words: they wrap or clip, never widen the dock.
    for (QLabel* label : {weightsStatus_, cacheStatus_, productLabel_, stage_, time_, bank_})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    // The run controls first: they are used most and must stay visible when the dock is short.
    layout->addWidget(runBox);
    layout->addWidget(modelBox);
    layout->addStretch(1);

    ticker_ = new QTimer(this);
    ticker_->setInterval(250);
    connect(ticker_, &QTimer::timeout, this, &EnginePanel::updateTimes);
    cacheWatcher_ = new QFutureWatcher<QString>(this);
    connect(cacheWatcher_, &QFutureWatcher<QString>::finished, this, [this] {
        cacheStatus_->setText(useCache_->isChecked() ? cacheWatcher_->result() : tr("Feature cache: off"));
    });

    connect(build_, &QPushButton::clicked, this, &EnginePanel::buildRequested);
    connect(score_, &QPushButton::clicked, this, &EnginePanel::scoreRequested);
    connect(cancel_, &QPushButton::clicked, this, &EnginePanel::cancelRequested);
    connect(browse_, &QToolButton::clicked, this, &EnginePanel::chooseWeights);
    connect(weights_, &QLineEdit::editingFinished, this, [this] {
        updateWeightsRow();
        if (!weights_->text().isEmpty()) emit validateRequested(options().backbone);
    });
    connect(backbone_, &QComboBox::currentIndexChanged, this, [this] {
        updateWeightsRow();
        if (!needsWeights(backbone_->currentText()) || !weights_->text().isEmpty())
            emit validateRequested(options().backbone);
        emit optionsChanged();
    });
    connect(useCache_, &QCheckBox::toggled, this, [this] {
        refreshCacheStatus();
        emit optionsChanged();
    });
    for (QSpinBox* spin : {resolution_, k_, maxTrain_})
        connect(spin, &QSpinBox::valueChanged, this, &EnginePanel::optionsChanged);
    connect(scoreRule_, &QComboBox::currentIndexChanged, this, &EnginePanel::optionsChanged);
    connect(device_, &QComboBox::currentIndexChanged, this, [this] {
        emit validateRequested(options().backbone);
        emit optionsChanged();
    });

    cacheDir_ = QString::fromStdString(FeatureCache::defaultDirectory().string());
    setProduct(QString());
    updateWeightsRow();
}

EvaluationOptions EnginePanel::options() const {
    EvaluationOptions o;
    o.backbone.name = backbone_->currentText().toStdString();
    o.backbone.weightsPath = needsWeights(backbone_->currentText()) ? weights_->text().toStdString() : std::string();
    o.backbone.device = device_->currentData().toString().toStdString();
    o.resolution = resolution_->value();
    o.k = k_->value();
    o.imageScore = imageScoreRuleFromString(scoreRule_->currentData().toString().toStdString());
    o.knnMethod = o.backbone.device == "cuda" ? "torch-cuda" : "auto";
    o.cacheDir = useCache_->isChecked() ? cacheDir_.toStdString() : std::string();
    o.maxTrainImages = maxTrain_->value();
    return o;
}

void EnginePanel::setProduct(const QString& product) {
    product_ = product;
    productLabel_->setText(product.isEmpty() ? tr("Select a product in the data set tree or the image browser.")
                                              : tr("Product: <b>%1</b>").arg(product.toHtmlEscaped()));
    build_->setEnabled(!product.isEmpty());
    score_->setEnabled(!product.isEmpty());
}

void EnginePanel::setCacheDirectory(const QString& directory) {
    cacheDir_ = directory;
    refreshCacheStatus();
}

void EnginePanel::loadSettings(QSettings& s) {
    s.beginGroup(QStringLiteral("engine"));
    const int b = backbone_->findText(s.value(QStringLiteral("backbone"), QStringLiteral("descriptors")).toString());
    {
        QSignalBlocker block(backbone_);
        if (b >= 0) backbone_->setCurrentIndex(b);
    }
    weights_->setText(s.value(QStringLiteral("weights")).toString());
    resolution_->setValue(s.value(QStringLiteral("resolution"), 224).toInt());
    k_->setValue(s.value(QStringLiteral("k"), 5).toInt());
    const int r = scoreRule_->findData(s.value(QStringLiteral("imageScore"), QStringLiteral("p95")).toString());
    if (r >= 0) scoreRule_->setCurrentIndex(r);
    const int d = device_->findData(s.value(QStringLiteral("device"), QStringLiteral("cpu")).toString());
    {
        QSignalBlocker block(device_);
        device_->setCurrentIndex(d >= 0 ? d : 0);
    }
    maxTrain_->setValue(s.value(QStringLiteral("maxTrainImages"), 0).toInt());
    useCache_->setChecked(s.value(QStringLiteral("useCache"), true).toBool());
    cacheDir_ = s.value(QStringLiteral("cacheDir"), cacheDir_).toString();
    s.endGroup();
    updateWeightsRow();
    refreshCacheStatus();
}

void EnginePanel::saveSettings(QSettings& s) const {
    s.beginGroup(QStringLiteral("engine"));
    s.setValue(QStringLiteral("backbone"), backbone_->currentText());
    s.setValue(QStringLiteral("weights"), weights_->text());
    s.setValue(QStringLiteral("resolution"), resolution_->value());
    s.setValue(QStringLiteral("k"), k_->value());
    s.setValue(QStringLiteral("imageScore"), scoreRule_->currentData().toString());
    s.setValue(QStringLiteral("device"), device_->currentData().toString());
    s.setValue(QStringLiteral("maxTrainImages"), maxTrain_->value());
    s.setValue(QStringLiteral("useCache"), useCache_->isChecked());
    s.setValue(QStringLiteral("cacheDir"), cacheDir_);
    s.endGroup();
}

void EnginePanel::chooseWeights() {
    const QString start = weights_->text().isEmpty() ? QString() : QFileInfo(weights_->text()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose backbone weights"), start,
                                                      tr("Weights (*.safetensors *.pt *.pth *.ts);;All files (*)"));
    if (file.isEmpty()) return;
    weights_->setText(file);
    updateWeightsRow();
    emit validateRequested(options().backbone);
    emit optionsChanged();
}

void EnginePanel::updateWeightsRow() {
    const bool needs = needsWeights(backbone_->currentText());
    weights_->setEnabled(needs);
    browse_->setEnabled(needs);
    if (!needs)
        weightsStatus_->setText(tr("This backbone needs no weights file."));
    else if (weights_->text().isEmpty())
        weightsStatus_->setText(tr("Choose the weights file of this backbone."));
    else
        weightsStatus_->setText(tr("Not checked yet: it is loaded when the bank is built."));
    weightsStatus_->setStyleSheet(QString());
}

namespace {
// "mobilenetv2_100 weights=sha256:… layers=…" -> "mobilenetv2_100"; the whole identity goes in a tooltip.
QString shortIdentity(const QString& identity) { return identity.section(QLatin1Char(' '), 0, 0); }
}  // namespace

void EnginePanel::onBackboneValidated(const QString& identity, int patchStride) {
    weightsStatus_->setStyleSheet(QStringLiteral("color: #2e7d32;"));
    weightsStatus_->setText(tr("✓ Loaded %1 (one patch per %2 px)").arg(shortIdentity(identity)).arg(patchStride));
    weightsStatus_->setToolTip(identity);
}

void EnginePanel::onBackboneInvalid(const QString& reason) {
    weightsStatus_->setStyleSheet(QStringLiteral("color: #c62828;"));
    weightsStatus_->setText(tr("✗ %1").arg(reason));
}

void EnginePanel::onStarted(RequestKind kind) {
    if (kind == RequestKind::ValidateBackbone) {
        weightsStatus_->setStyleSheet(QString());
        weightsStatus_->setText(tr("Checking the backbone…"));
        return;
    }
    runClock_.start();
    stageClock_.start();
    stageName_.clear();
    done_ = total_ = 0;
    stage_->setText(EngineController::kindName(kind));
    progress_->setRange(0, 0);  // busy until the first step arrives
    ticker_->start();
    updateTimes();
}

void EnginePanel::onProgress(RequestKind kind, const QString& stage, qint64 done, qint64 total) {
    if (kind == RequestKind::ValidateBackbone) return;
    if (stage != stageName_) {
        stageName_ = stage;
        stageClock_.start();
        stageStartFraction_ = total > 0 ? static_cast<double>(done) / total : 0.0;
    }
    done_ = done;
    total_ = total;
    stage_->setText(total > 0 ? tr("%1: %2 of %3").arg(stage).arg(done).arg(total) : stage);
    if (total > 0) {
        progress_->setRange(0, static_cast<int>(std::min<qint64>(total, 1 << 30)));
        progress_->setValue(static_cast<int>(std::min(done, total)));
    }
    updateTimes();
}

void EnginePanel::onFinished(RequestKind kind, const QString& outcome) {
    if (kind == RequestKind::ValidateBackbone) return;
    ticker_->stop();
    progress_->setRange(0, 1);
    progress_->setValue(outcome.isEmpty() ? 1 : 0);
    const double seconds = runClock_.isValid() ? runClock_.elapsed() / 1000.0 : 0.0;
    stage_->setText(outcome.isEmpty() ? tr("Done in %1").arg(duration(seconds)) : outcome);
    time_->clear();
    refreshCacheStatus();
}

void EnginePanel::onBusyChanged(bool busy) {
    cancel_->setEnabled(busy);
    if (!busy) ticker_->stop();
}

void EnginePanel::onBankBuilt(const TrainedBankPtr& bank) {
    const auto& m = *bank->model;
    onBackboneValidated(QString::fromStdString(bank->backboneIdentity), bank->patchStride);
    bank_->setText(tr("Bank of <b>%1</b>: %2 training images, %3 patches × %4 dimensions (%5), %6, built in %7")
                       .arg(QString::fromStdString(bank->product).toHtmlEscaped())
                       .arg(m.trainImages())
                       .arg(QLocale().toString(static_cast<qulonglong>(m.bankPatches())))
                       .arg(m.featureDim())
                       .arg(QLocale().formattedDataSize(static_cast<qint64>(m.bankBytes())))
                       .arg(shortIdentity(QString::fromStdString(bank->backboneIdentity)).toHtmlEscaped())
                       .arg(duration(bank->seconds)));
    bank_->setToolTip(QString::fromStdString(bank->backboneIdentity));
}

void EnginePanel::refreshCacheStatus() {
    if (!useCache_->isChecked()) {
        cacheStatus_->setText(tr("Feature cache: off"));
        return;
    }
    if (cacheWatcher_->isRunning()) return;
    // Counting thousands of entries is file-system work: never on the GUI thread.
    cacheWatcher_->setFuture(QtConcurrent::run(cacheSummary, cacheDir_));
}

void EnginePanel::updateTimes() {
    if (!runClock_.isValid()) return;
    const double elapsed = runClock_.elapsed() / 1000.0;
    QString text = tr("Elapsed %1").arg(duration(elapsed));
    if (total_ > 0 && done_ > 0 && done_ < total_) {
        // Remaining time of the current stage, from its own rate so far.
        const double fraction = static_cast<double>(done_) / total_;
        const double stageSeconds = stageClock_.elapsed() / 1000.0;
        const double progressed = fraction - stageStartFraction_;
        if (progressed > 0 && stageSeconds > 0.2)
            text += tr(" · about %1 left in this stage").arg(duration(stageSeconds * (1.0 - fraction) / progressed));
    }
    time_->setText(text);
}

QString EnginePanel::duration(double seconds) {
    const int s = static_cast<int>(seconds + 0.5);
    if (seconds < 10) return tr("%1 s").arg(seconds, 0, 'f', 1);
    if (s < 3600) return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace pb::ui
