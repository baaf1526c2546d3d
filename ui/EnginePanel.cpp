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
#include "engine/image/ImageHeader.h"
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
    layers_ = new QLineEdit(this);
    layers_->setObjectName(QStringLiteral("layersEdit"));
    layers_->setPlaceholderText(tr("default"));
    layers_->setToolTip(tr("Feature layers, comma-separated (e.g. layer2,layer3); for a Vision Transformer the "
                           "block whose tokens are used, counted from the end as in Python (-6)"));
    finalNorm_ = new QCheckBox(tr("Final LayerNorm"), this);
    finalNorm_->setObjectName(QStringLiteral("finalNormCheck"));
    finalNorm_->setToolTip(tr("Apply the model's final LayerNorm to the tapped tokens"));
    l2Normalize_ = new QCheckBox(tr("L2-normalise"), this);
    l2Normalize_->setObjectName(QStringLiteral("l2NormalizeCheck"));
    l2Normalize_->setToolTip(tr("Scale every patch feature to unit length"));
    precision_ = new QComboBox(this);
    precision_->setObjectName(QStringLiteral("precisionCombo"));
    precision_->addItem(tr("fp32"), QStringLiteral("fp32"));
    precision_->addItem(tr("bf16"), QStringLiteral("bf16"));
    precision_->addItem(tr("fp16 (GPU)"), QStringLiteral("fp16"));
    precision_->setToolTip(tr("Arithmetic of the transformer blocks; norms and softmax stay in fp32"));
    vitOptions_ = new QWidget(this);
    auto* vitRow = new QHBoxLayout(vitOptions_);
    vitRow->setContentsMargins(0, 0, 0, 0);
    vitRow->addWidget(finalNorm_);
    vitRow->addWidget(l2Normalize_);
    vitRow->addWidget(precision_);
    vitRow->addStretch(1);
    resolution_ = new QSpinBox(this);
    resolution_->setObjectName(QStringLiteral("resolutionSpin"));
    resolution_->setRange(32, 1024);
    resolution_->setSingleStep(16);
    resolution_->setValue(224);
    resolution_->setSuffix(tr(" px"));
    crop_ = new QSpinBox(this);
    crop_->setObjectName(QStringLiteral("cropSpin"));
    crop_->setRange(0, 1024);
    crop_->setSingleStep(16);
    crop_->setSpecialValueText(tr("none"));
    crop_->setSuffix(tr(" px"));
    crop_->setToolTip(tr("Square centre crop after the resize (e.g. 448 then 392); none keeps the whole image"));
    k_ = new QSpinBox(this);
    k_->setObjectName(QStringLiteral("kSpin"));
    k_->setRange(1, 64);
    k_->setValue(5);
    k_->setToolTip(tr("Nearest bank vectors averaged into a patch score (5 in the papers)"));
    scaleK_ = new QCheckBox(tr("Scale k with the compression"), this);
    scaleK_->setObjectName(QStringLiteral("scaleKCheck"));
    scaleK_->setToolTip(tr("Count k in the full bank: a compressed bank keeping 1/r of the patches averages "
                           "max(1, round(k/r)) vectors. Off: every bank averages k (the papers' setting)."));
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
    // The decompression-bomb guard of the image reader (pb::setMaxImagePixels), in megapixels; 0 keeps the
    // start value ($PATCHBANK_MAX_IMAGE_PIXELS, else PIL's limit).
    maxImage_ = new QSpinBox(this);
    maxImage_->setObjectName(QStringLiteral("maxImageSpin"));
    maxImage_->setRange(0, 100000);
    maxImage_->setSuffix(tr(" MP"));
    maxImage_->setSpecialValueText(
        tr("default (%1 MP)").arg(static_cast<double>(maxImagePixels()) / 1e6, 0, 'f', 0));
    maxImage_->setToolTip(tr("Images declaring more pixels than this are refused before they are decoded"));
    connect(maxImage_, &QSpinBox::valueChanged, this,
            [](int megapixels) { setMaxImagePixels(static_cast<std::uint64_t>(megapixels) * 1000000u); });
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
    form->addRow(tr("Layers"), layers_);
    form->addRow(QString(), vitOptions_);
    form->addRow(tr("Resolution"), resolution_);
    form->addRow(tr("Centre crop"), crop_);
    form->addRow(tr("k neighbours"), k_);
    form->addRow(QString(), scaleK_);
    form->addRow(tr("Image score"), scoreRule_);
    form->addRow(tr("Device"), device_);
    form->addRow(tr("Training images"), maxTrain_);
    form->addRow(tr("Largest image"), maxImage_);
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
        // A transformer block ("-6") means nothing to a CNN and a stage name nothing to a transformer.
        const bool vit = isVisionTransformer(backbone_->currentText());
        if (vit != layersForVit_) layers_->clear();
        layersForVit_ = vit;
        updateWeightsRow();
        updateBackboneRows();
        if (!needsWeights(backbone_->currentText()) || !weights_->text().isEmpty())
            emit validateRequested(options().backbone);
        emit optionsChanged();
    });
    connect(scaleK_, &QCheckBox::toggled, this, &EnginePanel::optionsChanged);
    connect(useCache_, &QCheckBox::toggled, this, [this] {
        refreshCacheStatus();
        emit optionsChanged();
    });
    for (QSpinBox* spin : {resolution_, crop_, k_, maxTrain_})
        connect(spin, &QSpinBox::valueChanged, this, &EnginePanel::optionsChanged);
    // Layers and the transformer options change the features: check the backbone again.
    auto revalidate = [this] {
        if (!needsWeights(backbone_->currentText()) || !weights_->text().isEmpty())
            emit validateRequested(options().backbone);
        emit optionsChanged();
    };
    connect(layers_, &QLineEdit::editingFinished, this, revalidate);
    connect(finalNorm_, &QCheckBox::toggled, this, revalidate);
    connect(l2Normalize_, &QCheckBox::toggled, this, revalidate);
    connect(precision_, &QComboBox::currentIndexChanged, this, revalidate);
    connect(scoreRule_, &QComboBox::currentIndexChanged, this, &EnginePanel::optionsChanged);
    connect(device_, &QComboBox::currentIndexChanged, this, [this] {
        emit validateRequested(options().backbone);
        emit optionsChanged();
    });

    cacheDir_ = QString::fromStdString(FeatureCache::defaultDirectory().string());
    setProduct(QString());
    updateWeightsRow();
    updateBackboneRows();
}

bool EnginePanel::isVisionTransformer(const QString& backbone) {
    return backbone == QLatin1String("dinov3") || backbone == QLatin1String("dinov2") ||
           backbone == QLatin1String("clip_vit");
}

void EnginePanel::updateBackboneRows() {
    vitOptions_->setVisible(isVisionTransformer(backbone_->currentText()));
    layers_->setEnabled(backbone_->currentText() != QLatin1String("descriptors"));
}

void EnginePanel::setBackbone(const QString& name, const QString& weightsPath) {
    const int index = backbone_->findText(name);
    if (index < 0) {
        onBackboneInvalid(tr("unknown backbone \"%1\"").arg(name));
        return;
    }
    {
        QSignalBlocker block(backbone_);
        backbone_->setCurrentIndex(index);
    }
    if (isVisionTransformer(name) != layersForVit_) layers_->clear();
    layersForVit_ = isVisionTransformer(name);
    weights_->setText(weightsPath);
    updateWeightsRow();
    updateBackboneRows();
    emit validateRequested(options().backbone);
    emit optionsChanged();
}

EvaluationOptions EnginePanel::options() const {
    EvaluationOptions o;
    o.backbone.name = backbone_->currentText().toStdString();
    o.backbone.weightsPath = needsWeights(backbone_->currentText()) ? weights_->text().toStdString() : std::string();
    o.backbone.device = device_->currentData().toString().toStdString();
    if (backbone_->currentText() != QLatin1String("descriptors")) {
        for (const QString& layer : layers_->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!layer.trimmed().isEmpty()) o.backbone.layers.push_back(layer.trimmed().toStdString());
    }
    if (isVisionTransformer(backbone_->currentText())) {
        o.backbone.finalNorm = finalNorm_->isChecked();
        o.backbone.l2Normalize = l2Normalize_->isChecked();
        o.backbone.precision = precision_->currentData().toString().toStdString();
    }
    o.resolution = resolution_->value();
    o.crop = crop_->value() > 0 && crop_->value() <= resolution_->value() ? crop_->value() : 0;
    o.k = k_->value();
    o.scaleKWithCompression = scaleK_->isChecked();
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
    layers_->setText(s.value(QStringLiteral("layers")).toString());
    layersForVit_ = isVisionTransformer(backbone_->currentText());
    finalNorm_->setChecked(s.value(QStringLiteral("finalNorm"), false).toBool());
    l2Normalize_->setChecked(s.value(QStringLiteral("l2Normalize"), false).toBool());
    const int p = precision_->findData(s.value(QStringLiteral("precision"), QStringLiteral("fp32")).toString());
    precision_->setCurrentIndex(p >= 0 ? p : 0);
    resolution_->setValue(s.value(QStringLiteral("resolution"), 224).toInt());
    crop_->setValue(s.value(QStringLiteral("crop"), 0).toInt());
    k_->setValue(s.value(QStringLiteral("k"), 5).toInt());
    scaleK_->setChecked(s.value(QStringLiteral("scaleKWithCompression"), false).toBool());
    const int r = scoreRule_->findData(s.value(QStringLiteral("imageScore"), QStringLiteral("p95")).toString());
    if (r >= 0) scoreRule_->setCurrentIndex(r);
    const int d = device_->findData(s.value(QStringLiteral("device"), QStringLiteral("cpu")).toString());
    {
        QSignalBlocker block(device_);
        device_->setCurrentIndex(d >= 0 ? d : 0);
    }
    maxTrain_->setValue(s.value(QStringLiteral("maxTrainImages"), 0).toInt());
    maxImage_->setValue(s.value(QStringLiteral("maxImageMegapixels"), 0).toInt());
    useCache_->setChecked(s.value(QStringLiteral("useCache"), true).toBool());
    cacheDir_ = s.value(QStringLiteral("cacheDir"), cacheDir_).toString();
    s.endGroup();
    updateWeightsRow();
    updateBackboneRows();
    refreshCacheStatus();
}

void EnginePanel::saveSettings(QSettings& s) const {
    s.beginGroup(QStringLiteral("engine"));
    s.setValue(QStringLiteral("backbone"), backbone_->currentText());
    s.setValue(QStringLiteral("weights"), weights_->text());
    s.setValue(QStringLiteral("layers"), layers_->text());
    s.setValue(QStringLiteral("finalNorm"), finalNorm_->isChecked());
    s.setValue(QStringLiteral("l2Normalize"), l2Normalize_->isChecked());
    s.setValue(QStringLiteral("precision"), precision_->currentData().toString());
    s.setValue(QStringLiteral("resolution"), resolution_->value());
    s.setValue(QStringLiteral("crop"), crop_->value());
    s.setValue(QStringLiteral("k"), k_->value());
    s.setValue(QStringLiteral("scaleKWithCompression"), scaleK_->isChecked());
    s.setValue(QStringLiteral("imageScore"), scoreRule_->currentData().toString());
    s.setValue(QStringLiteral("device"), device_->currentData().toString());
    s.setValue(QStringLiteral("maxTrainImages"), maxTrain_->value());
    s.setValue(QStringLiteral("maxImageMegapixels"), maxImage_->value());
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
        weightsStatus_->setText(tr("⚠ No weights file: this backbone runs on random weights and its scores mean "
                                   "little. Choose the file, or download one with Tools > Models."));
    else
        weightsStatus_->setText(tr("Not checked yet: it is loaded when the bank is built."));
    weightsStatus_->setStyleSheet(needs && weights_->text().isEmpty() ? QStringLiteral("color: #b26a00;") : QString());
}

namespace {
// "mobilenetv2_100 weights=sha256:… layers=…" -> "mobilenetv2_100"; the whole identity goes in a tooltip.
QString shortIdentity(const QString& identity) { return identity.section(QLatin1Char(' '), 0, 0); }
}  // namespace

void EnginePanel::onBackboneValidated(const QString& identity, int patchStride) {
    weightsStatus_->setToolTip(identity);
    if (identity.contains(QLatin1String("random("))) {
        // Loaded, but without trained weights: say so as loudly as an error, without blocking the run.
        weightsStatus_->setStyleSheet(QStringLiteral("color: #b26a00;"));
        weightsStatus_->setText(tr("⚠ %1 runs on random weights (no weights file): its scores mean little. "
                                   "Choose the file, or download one with Tools > Models.")
                                    .arg(shortIdentity(identity)));
        return;
    }
    weightsStatus_->setStyleSheet(QStringLiteral("color: #2e7d32;"));
    weightsStatus_->setText(tr("✓ Loaded %1 (one patch per %2 px)").arg(shortIdentity(identity)).arg(patchStride));
}

void EnginePanel::onBackboneInvalid(const QString& reason) {
    weightsStatus_->setStyleSheet(QStringLiteral("color: #c62828;"));
    weightsStatus_->setText(tr("✗ %1").arg(reason));
}

namespace {
// Requests the engine panel does not narrate: quick checks that run behind the user's back.
bool silent(RequestKind kind) { return kind == RequestKind::ProbeFeatures || kind == RequestKind::SummariseSuite; }
}  // namespace

void EnginePanel::onStarted(RequestKind kind) {
    if (silent(kind)) return;
    if (kind == RequestKind::ValidateBackbone) {
        weightsStatus_->setStyleSheet(QString());
        weightsStatus_->setText(tr("Checking the backbone…"));
        return;
    }
    runClock_.start();
    stageClock_.start();
    stageName_.clear();
    done_ = total_ = 0;
    stage_->setText(kindName(kind));
    progress_->setRange(0, 0);  // busy until the first step arrives
    ticker_->start();
    updateTimes();
}

void EnginePanel::onProgress(RequestKind kind, const QString& stage, qint64 done, qint64 total) {
    if (kind == RequestKind::ValidateBackbone || silent(kind)) return;
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
    if (kind == RequestKind::ValidateBackbone || silent(kind)) return;
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
    const BankSummary& m = bank->summary;
    onBackboneValidated(QString::fromStdString(bank->features.backbone), bank->patchStride);
    bank_->setText(tr("Bank of <b>%1</b>: %2 training images, %3 vectors × %4 dimensions (%5, %6), %7, built in %8")
                       .arg(QString::fromStdString(bank->product).toHtmlEscaped())
                       .arg(m.trainImages)
                       .arg(QLocale().toString(static_cast<qulonglong>(m.vectors)))
                       .arg(m.featureDim)
                       .arg(QString::fromStdString(m.spec).toHtmlEscaped())
                       .arg(QLocale().formattedDataSize(static_cast<qint64>(m.bytes)))
                       .arg(shortIdentity(QString::fromStdString(bank->features.backbone)).toHtmlEscaped())
                       .arg(duration(bank->seconds)));
    bank_->setToolTip(QString::fromStdString(bank->features.backbone));
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
