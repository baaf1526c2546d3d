#include "ui/BankPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

#include "engine/util/Error.h"

namespace pb::ui {

namespace {

bool budgeted(BankKind kind) { return kind != BankKind::Flat && kind != BankKind::IvfPq; }

bool torchCompressor(BankKind kind) {
    return kind == BankKind::Coreset || kind == BankKind::VwCoreset || kind == BankKind::KMeans ||
           kind == BankKind::KMeansResidual;
}

QString bytesText(std::size_t bytes) {
    return BankPanel::tr("%1 bytes (%2)")
        .arg(QLocale().toString(static_cast<qulonglong>(bytes)))
        .arg(QLocale().formattedDataSize(static_cast<qint64>(bytes)));
}

QString ratioText(double ratio) {
    if (!(ratio > 0) || !std::isfinite(ratio)) return QStringLiteral("–");
    return BankPanel::tr("%1×").arg(ratio, 0, 'f', ratio < 10 ? 2 : 1);
}

BankKind kindNamed(const QString& name) {
    for (BankKind kind : {BankKind::Flat, BankKind::Random, BankKind::Coreset, BankKind::VwCoreset, BankKind::KMeans,
                          BankKind::KMeansResidual, BankKind::IvfPq})
        if (QString::fromStdString(bankKindName(kind)) == name) return kind;
    return BankKind::Flat;
}

}  // namespace

BankPanel::Estimate BankPanel::estimate(const BankSpec& spec, std::size_t sourcePatches, int dim) {
    Estimate e;
    if (sourcePatches == 0 || dim < 1) return e;
    const std::size_t sourceBytes = sourcePatches * static_cast<std::size_t>(dim) * sizeof(float);
    if (spec.kind == BankKind::IvfPq) {
        // What IvfPqBank::bytes() counts: codes + 8-byte ids per vector, coarse centroids, PQ codebooks.
        if (dim % spec.m != 0)
            e.problem = tr("m = %1 does not divide the feature dimension %2").arg(spec.m).arg(dim);
        else if (sourcePatches < static_cast<std::size_t>(spec.nlist) ||
                 sourcePatches < (std::size_t(1) << spec.nbits))
            e.problem = tr("IVF-PQ needs at least nlist and 2^nbits training vectors (%1 here)")
                            .arg(QLocale().toString(static_cast<qulonglong>(sourcePatches)));
        const std::size_t code = (static_cast<std::size_t>(spec.m) * spec.nbits + 7) / 8;
        e.vectors = sourcePatches;
        e.bytes = sourcePatches * (code + 8) + static_cast<std::size_t>(spec.nlist) * dim * sizeof(float) +
                  (std::size_t(1) << spec.nbits) * static_cast<std::size_t>(dim) * sizeof(float);
    } else {
        e.vectors = spec.kind == BankKind::Flat ? sourcePatches : spec.budget.resolve(sourcePatches, dim);
        e.bytes = e.vectors * static_cast<std::size_t>(dim) * sizeof(float);
    }
    e.compressionRatio = e.bytes > 0 ? static_cast<double>(sourceBytes) / static_cast<double>(e.bytes) : 0.0;
    return e;
}

BankPanel::BankPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("bankPanel"));
    method_ = new QComboBox(this);
    method_->setObjectName(QStringLiteral("bankMethodCombo"));
    const QList<QPair<QString, QString>> methods = {
        {QStringLiteral("flat"), tr("Flat: every training patch")},
        {QStringLiteral("random"), tr("Random subsample")},
        {QStringLiteral("coreset"), tr("Greedy coreset (PatchCore)")},
        {QStringLiteral("vwcoreset"), tr("Variance-weighted coreset")},
        {QStringLiteral("kmeans"), tr("k-means prototypes")},
        {QStringLiteral("kmeans_residual"), tr("k-means + residual patches")},
        {QStringLiteral("ivfpq"), tr("IVF-PQ (product quantisation)")},
    };
    for (const auto& [name, text] : methods) method_->addItem(text, name);
    method_->setToolTip(tr("How the product's training patches are compressed into its memory bank"));

    budget_ = new QDoubleSpinBox(this);
    budget_->setObjectName(QStringLiteral("bankBudgetSpin"));
    budget_->setKeyboardTracking(false);
    unit_ = new QComboBox(this);
    unit_->setObjectName(QStringLiteral("bankUnitCombo"));
    unit_->addItem(tr("fraction of the patches"));
    unit_->addItem(tr("vectors"));
    unit_->addItem(tr("MB"));
    unit_->setToolTip(tr("A fraction of the training patches, a number of vectors, or megabytes of float32 "
                         "vectors (MB = MiB)"));
    seed_ = new QSpinBox(this);
    seed_->setObjectName(QStringLiteral("bankSeedSpin"));
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setToolTip(tr("Seed of the random choices (start point, subsample, k-means++)"));

    auto makeSpin = [this](const QString& name, int lo, int hi, int value, const QString& tip) {
        auto* s = new QSpinBox(this);
        s->setObjectName(name);
        s->setRange(lo, hi);
        s->setValue(value);
        s->setToolTip(tip);
        s->setKeyboardTracking(false);
        return s;
    };
    nlist_ = makeSpin(QStringLiteral("ivfNlistSpin"), 1, 1 << 20, 100, tr("Coarse cells (inverted lists)"));
    m_ = makeSpin(QStringLiteral("ivfMSpin"), 1, 4096, 8, tr("Sub-quantisers; must divide the feature dimension"));
    nbits_ = makeSpin(QStringLiteral("ivfNbitsSpin"), 1, 16, 8, tr("Bits per sub-quantiser code"));
    nprobe_ = makeSpin(QStringLiteral("ivfNprobeSpin"), 1, 1 << 20, 4, tr("Cells searched per query"));

    specEdit_ = new QLineEdit(this);
    specEdit_->setObjectName(QStringLiteral("bankSpecEdit"));
    specEdit_->setToolTip(tr("The bank's factory string; type one (e.g. coreset:1/16,seed=3) and press Enter"));
    specStatus_ = new QLabel(this);
    specStatus_->setObjectName(QStringLiteral("bankSpecStatus"));
    specStatus_->setWordWrap(true);
    specStatus_->setStyleSheet(QStringLiteral("color: #c62828;"));
    specStatus_->hide();
    estimateLabel_ = new QLabel(this);
    estimateLabel_->setObjectName(QStringLiteral("bankEstimateLabel"));
    estimateLabel_->setWordWrap(true);
    estimateLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bankLabel_ = new QLabel(this);
    bankLabel_->setObjectName(QStringLiteral("bankActualLabel"));
    bankLabel_->setWordWrap(true);
    bankLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel* label : {specStatus_, estimateLabel_, bankLabel_})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    addImages_ = new QPushButton(tr("Add images to bank…"), this);
    addImages_->setObjectName(QStringLiteral("addImagesButton"));
    addImages_->setToolTip(tr("Add the patches of more normal images to the bank, compressed the same way, "
                              "without rebuilding it (or drop images on the window with Shift held)"));
    save_ = new QPushButton(tr("Save bank…"), this);
    save_->setObjectName(QStringLiteral("saveBankButton"));
    save_->setToolTip(tr("Write the bank and the features it was built from to one file"));
    open_ = new QPushButton(tr("Open bank…"), this);
    open_->setObjectName(QStringLiteral("openBankButton"));
    open_->setToolTip(tr("Use a bank file; it must come from the same backbone, layers and input size"));

    budgetRow_ = new QWidget(this);
    auto* budgetLayout = new QHBoxLayout(budgetRow_);
    budgetLayout->setContentsMargins(0, 0, 0, 0);
    budgetLayout->addWidget(budget_, 1);
    budgetLayout->addWidget(unit_);

    auto* form = new QFormLayout;
    form->addRow(tr("Method"), method_);
    form->addRow(tr("Budget"), budgetRow_);
    form->addRow(tr("Seed"), seed_);
    ivfBox_ = new QGroupBox(tr("IVF-PQ"), this);
    auto* ivf = new QFormLayout(ivfBox_);
    ivf->addRow(tr("nlist"), nlist_);
    ivf->addRow(tr("m"), m_);
    ivf->addRow(tr("nbits"), nbits_);
    ivf->addRow(tr("nprobe"), nprobe_);
    form->addRow(ivfBox_);
    form->addRow(tr("Spec"), specEdit_);
    form->addRow(specStatus_);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(addImages_);
    buttons->addWidget(save_);
    buttons->addWidget(open_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(estimateLabel_);
    layout->addWidget(bankLabel_);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(method_, &QComboBox::currentIndexChanged, this, &BankPanel::onWidgetsChanged);
    connect(unit_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (syncing_) return;
        setUnit(static_cast<BudgetUnit>(index));
        onWidgetsChanged();
    });
    connect(budget_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (syncing_) return;
        unitValues_[unit_->currentIndex()] = v;
        onWidgetsChanged();
    });
    for (QSpinBox* s : {seed_, nlist_, m_, nbits_, nprobe_})
        connect(s, &QSpinBox::valueChanged, this, &BankPanel::onWidgetsChanged);
    connect(specEdit_, &QLineEdit::editingFinished, this, [this] {
        if (specEdit_->text() != spec()) setSpec(specEdit_->text());
    });
    connect(addImages_, &QPushButton::clicked, this, &BankPanel::addImagesRequested);
    connect(save_, &QPushButton::clicked, this, &BankPanel::saveRequested);
    connect(open_, &QPushButton::clicked, this, &BankPanel::openRequested);

    syncing_ = true;
    setUnit(BudgetUnit::Fraction);
    syncing_ = false;
    setSpec(QStringLiteral("flat"));
    setBank(nullptr);
}

BankPanel::BudgetUnit BankPanel::unit() const { return static_cast<BudgetUnit>(unit_->currentIndex()); }

void BankPanel::setUnit(BudgetUnit unit) {
    const bool was = syncing_;
    syncing_ = true;
    unit_->setCurrentIndex(static_cast<int>(unit));
    switch (unit) {
    case BudgetUnit::Fraction:
        // A fraction of 1 would be every patch: that is the flat bank.
        budget_->setDecimals(6);
        budget_->setRange(0.000001, 0.999999);
        budget_->setSingleStep(0.01);
        budget_->setSuffix(QString());
        break;
    case BudgetUnit::Vectors:
        budget_->setDecimals(0);
        budget_->setRange(1, 1e12);
        budget_->setSingleStep(256);
        budget_->setSuffix(QString());
        break;
    case BudgetUnit::Megabytes:
        budget_->setDecimals(3);
        budget_->setRange(0.001, 1e7);
        budget_->setSingleStep(1);
        budget_->setSuffix(tr(" MB"));
        break;
    }
    budget_->setValue(unitValues_[static_cast<int>(unit)]);
    syncing_ = was;
}

BankSpec BankPanel::widgetSpec() const {
    BankSpec s = base_;
    s.kind = kindNamed(method_->currentData().toString());
    switch (unit()) {
    case BudgetUnit::Fraction: s.budget.unit = BankBudget::Unit::Fraction; break;
    case BudgetUnit::Vectors: s.budget.unit = BankBudget::Unit::Count; break;
    case BudgetUnit::Megabytes: s.budget.unit = BankBudget::Unit::Megabytes; break;
    }
    s.budget.value = budget_->value();
    if (!budgeted(s.kind)) s.budget = BankBudget{};
    s.seed = static_cast<std::uint64_t>(seed_->value());
    s.nlist = nlist_->value();
    s.m = m_->value();
    s.nbits = nbits_->value();
    s.nprobe = std::min(nprobe_->value(), nlist_->value());
    return s;
}

QString BankPanel::spec() const { return QString::fromStdString(widgetSpec().toString()); }

std::string BankPanel::engineSpec(const std::string& device) const {
    const BankSpec s = widgetSpec();
    std::string text = s.toString();
    if (device != "cpu" && torchCompressor(s.kind)) text += ",device=" + device;
    return text;
}

bool BankPanel::setSpec(const QString& text) {
    BankSpec parsed;
    try {
        parsed = parseBankSpec(text.trimmed().toStdString());
    } catch (const Error& e) {
        specError_ = QString::fromStdString(e.what());
        specStatus_->setText(specError_);
        specStatus_->show();
        return false;
    }
    specError_.clear();
    specStatus_->hide();
    syncing_ = true;
    base_ = parsed;
    base_.device = "cpu";  // where compressors run follows the engine's device, not the file
    method_->setCurrentIndex(std::max(0, method_->findData(QString::fromStdString(bankKindName(parsed.kind)))));
    if (budgeted(parsed.kind)) {
        BudgetUnit u = BudgetUnit::Fraction;
        if (parsed.budget.unit == BankBudget::Unit::Count) u = BudgetUnit::Vectors;
        if (parsed.budget.unit == BankBudget::Unit::Megabytes) u = BudgetUnit::Megabytes;
        unitValues_[static_cast<int>(u)] = parsed.budget.value;
        setUnit(u);
    }
    seed_->setValue(static_cast<int>(std::min<std::uint64_t>(parsed.seed, std::numeric_limits<int>::max())));
    nlist_->setValue(parsed.nlist);
    m_->setValue(parsed.m);
    nbits_->setValue(parsed.nbits);
    nprobe_->setValue(parsed.nprobe);
    syncing_ = false;
    onWidgetsChanged();
    return true;
}

void BankPanel::onWidgetsChanged() {
    if (syncing_) return;
    updateVisibility();
    const QString s = spec();
    if (specEdit_->text() != s) specEdit_->setText(s);
    specError_.clear();
    specStatus_->hide();
    updateEstimate();
    emit specChanged(s);
}

void BankPanel::updateVisibility() {
    const QString kind = method_->currentData().toString();
    const bool hasBudget = kind != QLatin1String("flat") && kind != QLatin1String("ivfpq");
    budgetRow_->setEnabled(hasBudget);
    seed_->setEnabled(hasBudget);
    ivfBox_->setVisible(kind == QLatin1String("ivfpq"));
}

void BankPanel::setProduct(const QString& product, qint64 trainImages) {
    product_ = product;
    trainImages_ = trainImages;
    updateEstimate();
}

void BankPanel::setFeatureShape(const FeatureShape& shape) {
    shape_ = shape;
    shapePending_ = false;
    updateEstimate();
}

void BankPanel::setFeatureShapePending() {
    shapePending_ = true;
    updateEstimate();
}

void BankPanel::updateEstimate() {
    estimated_ = false;
    estimate_ = Estimate{};
    if (product_.isEmpty() || trainImages_ <= 0) {
        estimateLabel_->setText(tr("Select a product to see the size of its bank."));
        return;
    }
    if (shape_.dim <= 0) {
        estimateLabel_->setText(shapePending_ ? tr("Measuring the feature size of the backbone…")
                                              : tr("The feature size is not known yet: check the backbone."));
        return;
    }
    const std::size_t patches = static_cast<std::size_t>(trainImages_) * shape_.patches();
    estimate_ = estimate(widgetSpec(), patches, shape_.dim);
    estimated_ = estimate_.problem.isEmpty();
    const std::size_t source = patches * static_cast<std::size_t>(shape_.dim) * sizeof(float);
    QString text = tr("<b>Estimate</b> for %1: %2 training images × %3 patches × %4 dimensions = %5 source patches "
                      "(%6).<br>Bank: %7 vectors, %8, compression %9.")
                       .arg(product_.toHtmlEscaped())
                       .arg(trainImages_)
                       .arg(shape_.patches())
                       .arg(shape_.dim)
                       .arg(QLocale().toString(static_cast<qulonglong>(patches)))
                       .arg(QLocale().formattedDataSize(static_cast<qint64>(source)))
                       .arg(QLocale().toString(static_cast<qulonglong>(estimate_.vectors)))
                       .arg(bytesText(estimate_.bytes))
                       .arg(ratioText(estimate_.compressionRatio));
    if (!estimate_.problem.isEmpty())
        text += QStringLiteral("<br><span style=\"color:#c62828\">%1</span>").arg(estimate_.problem.toHtmlEscaped());
    estimateLabel_->setText(text);
}

void BankPanel::setBank(const TrainedBankPtr& bank) {
    bank_ = bank;
    addImages_->setEnabled(bank != nullptr);
    save_->setEnabled(bank != nullptr);
    if (!bank) {
        bankLabel_->setText(tr("No bank in use yet."));
        return;
    }
    const BankSummary& s = bank->summary;
    QString origin = bank->file.empty()
                         ? tr("from %1 patches of %2 training images").arg(QLocale().toString(static_cast<qulonglong>(s.sourcePatches))).arg(s.trainImages)
                         : tr("from %1 source patches, opened from %2")
                               .arg(QLocale().toString(static_cast<qulonglong>(s.sourcePatches)))
                               .arg(QString::fromStdString(bank->file).toHtmlEscaped());
    if (!bank->file.empty() && s.trainImages > 0) origin += tr(", %n image(s) added", nullptr, static_cast<int>(s.trainImages));
    bankLabel_->setText(tr("<b>Bank in use</b> (%1, <tt>%2</tt>): %3 vectors × %4 dimensions, %5, compression %6, %7.")
                            .arg(QString::fromStdString(bank->product).toHtmlEscaped())
                            .arg(QString::fromStdString(s.spec).toHtmlEscaped())
                            .arg(QLocale().toString(static_cast<qulonglong>(s.vectors)))
                            .arg(s.featureDim)
                            .arg(bytesText(s.bytes))
                            .arg(ratioText(s.compressionRatio))
                            .arg(origin));
}

QString BankPanel::estimateText() const { return estimateLabel_->text(); }

QString BankPanel::bankText() const { return bankLabel_->text(); }

void BankPanel::loadSettings(QSettings& s) {
    s.beginGroup(QStringLiteral("bank"));
    unitValues_[0] = s.value(QStringLiteral("fraction"), unitValues_[0]).toDouble();
    unitValues_[1] = s.value(QStringLiteral("vectors"), unitValues_[1]).toDouble();
    unitValues_[2] = s.value(QStringLiteral("megabytes"), unitValues_[2]).toDouble();
    const QString spec = s.value(QStringLiteral("spec"), QStringLiteral("flat")).toString();
    s.endGroup();
    if (!setSpec(spec)) setSpec(QStringLiteral("flat"));
}

void BankPanel::saveSettings(QSettings& s) const {
    s.beginGroup(QStringLiteral("bank"));
    s.setValue(QStringLiteral("spec"), spec());
    s.setValue(QStringLiteral("fraction"), unitValues_[0]);
    s.setValue(QStringLiteral("vectors"), unitValues_[1]);
    s.setValue(QStringLiteral("megabytes"), unitValues_[2]);
    s.endGroup();
}

}  // namespace pb::ui
