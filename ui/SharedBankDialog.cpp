#include "ui/SharedBankDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <set>

#include "engine/dataset/DatasetReader.h"
#include "engine/routing/BudgetAllocator.h"
#include "engine/routing/PrototypeRouter.h"

namespace pb::ui {

namespace {
constexpr int DatasetRole = Qt::UserRole + 1;
}  // namespace

SharedBankDialog::SharedBankDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("sharedBankDialog"));
    setWindowTitle(tr("Shared bank"));

    products_ = new QTreeWidget(this);
    products_->setObjectName(QStringLiteral("sharedProductsTree"));
    products_->setHeaderLabels({tr("Product"), tr("Training images"), tr("Test images")});
    products_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    products_->setRootIsDecorated(true);
    addFolder_ = new QPushButton(tr("Add data-set folder…"), this);
    addFolder_->setObjectName(QStringLiteral("addDatasetFolderButton"));
    addFolder_->setToolTip(tr("Products of another data set can share the bank too; names must differ"));

    compressor_ = new QComboBox(this);
    compressor_->setObjectName(QStringLiteral("sharedCompressorCombo"));
    for (const char* method : {"random", "coreset", "vwcoreset", "kmeans", "kmeans_residual"})
        compressor_->addItem(QString::fromLatin1(method), QString::fromLatin1(method));
    compressor_->setToolTip(tr("How every product's share of the bank is compressed"));
    methodOptions_ = new QLineEdit(this);
    methodOptions_->setObjectName(QStringLiteral("sharedMethodOptionsEdit"));
    methodOptions_->setPlaceholderText(tr("e.g. seed=1"));
    methodOptions_->setToolTip(tr("Options appended to every share's bank spec"));
    budget_ = new QDoubleSpinBox(this);
    budget_->setObjectName(QStringLiteral("sharedBudgetSpin"));
    budget_->setDecimals(3);
    budget_->setRange(0.001, 1e6);
    budget_->setValue(18.0);
    budget_->setSuffix(tr(" MB"));
    budget_->setToolTip(tr("Total bank size in MiB of float32 vectors, split over the products"));
    budgetHint_ = new QLabel(this);
    budgetHint_->setObjectName(QStringLiteral("sharedBudgetHint"));
    budgetHint_->setWordWrap(true);
    allocator_ = new QComboBox(this);
    allocator_->setObjectName(QStringLiteral("allocatorCombo"));
    const QList<QPair<AllocatorKind, QString>> allocators = {
        {AllocatorKind::Uniform, tr("Uniform: equal shares")},
        {AllocatorKind::Proportional, tr("Proportional to the training patches")},
        {AllocatorKind::Oracle, tr("Oracle (uses the test labels: a reference, not deployable)")},
        {AllocatorKind::Dispersion, tr("Dispersion: mean nearest-neighbour distance")},
        {AllocatorKind::Complexity, tr("Complexity: k-means clusters needed")},
    };
    for (const auto& [kind, text] : allocators) allocator_->addItem(text, QString::fromStdString(toString(kind)));
    route_ = new QCheckBox(tr("Route every test image to its product's share"), this);
    route_->setObjectName(QStringLiteral("routeCheck"));
    route_->setChecked(true);
    route_->setToolTip(tr("Off: every image is searched in the whole shared bank (pollution); the router is "
                          "evaluated either way"));
    metric_ = new QComboBox(this);
    metric_->setObjectName(QStringLiteral("routerMetricCombo"));
    metric_->addItem(tr("Euclidean (L2)"), QStringLiteral("l2"));
    metric_->addItem(tr("Cosine"), QStringLiteral("cosine"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("sharedStatus"));
    status_->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(this);
    run_ = buttons->addButton(tr("Run"), QDialogButtonBox::AcceptRole);
    run_->setObjectName(QStringLiteral("sharedRunButton"));
    buttons->addButton(QDialogButtonBox::Close);

    auto* productRow = new QHBoxLayout;
    productRow->addStretch(1);
    productRow->addWidget(addFolder_);
    auto* form = new QFormLayout;
    form->addRow(tr("Compressor"), compressor_);
    form->addRow(tr("Options"), methodOptions_);
    form->addRow(tr("Total budget"), budget_);
    form->addRow(QString(), budgetHint_);
    form->addRow(tr("Allocator"), allocator_);
    form->addRow(route_);
    form->addRow(tr("Router metric"), metric_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Products that share the bank:"), this));
    layout->addWidget(products_, 1);
    layout->addLayout(productRow);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    resize(560, 600);

    connect(addFolder_, &QPushButton::clicked, this, &SharedBankDialog::chooseFolder);
    connect(&opening_, &QFutureWatcher<Opened>::finished, this, &SharedBankDialog::onFolderOpened);
    connect(buttons, &QDialogButtonBox::accepted, this, &SharedBankDialog::tryRun);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(products_, &QTreeWidget::itemChanged, this, &SharedBankDialog::updateHint);
    connect(budget_, &QDoubleSpinBox::valueChanged, this, &SharedBankDialog::updateHint);
    connect(route_, &QCheckBox::toggled, metric_, &QWidget::setEnabled);
    updateHint();
}

void SharedBankDialog::setDataset(const DatasetPtr& dataset) {
    products_->clear();
    datasets_.clear();
    if (dataset) addDataset(dataset, true);
}

bool SharedBankDialog::addDataset(const DatasetPtr& dataset, bool checked) {
    if (!dataset) return false;
    for (const DatasetPtr& d : datasets_)
        if (d->root == dataset->root) return false;
    QSignalBlocker block(products_);
    auto* top = new QTreeWidgetItem(products_, {QDir::toNativeSeparators(QString::fromStdString(dataset->root))});
    top->setToolTip(0, top->text(0));
    top->setData(0, DatasetRole, static_cast<int>(datasets_.size()));
    top->setFlags(top->flags() | Qt::ItemIsAutoTristate | Qt::ItemIsUserCheckable);
    for (const auto& product : dataset->products) {
        auto* item = new QTreeWidgetItem(top, {QString::fromStdString(product),
                                               QString::number(dataset->count(product, Split::Train)),
                                               QString::number(dataset->count(product, Split::Test))});
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
    }
    top->setExpanded(true);
    datasets_.append(dataset);
    block.unblock();
    updateHint();
    return true;
}

void SharedBankDialog::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add the products of a data-set folder"));
    if (!folder.isEmpty()) addDatasetFolder(folder);
}

void SharedBankDialog::addDatasetFolder(const QString& folder) {
    if (opening_.isRunning()) {
        status_->setText(tr("Still reading the previous folder."));
        return;
    }
    status_->setText(tr("Reading %1…").arg(QDir::toNativeSeparators(folder)));
    addFolder_->setEnabled(false);
    // Listing a data set walks the file system: never on the GUI thread.
    opening_.setFuture(QtConcurrent::run([folder]() -> Opened {
        Opened o;
        o.folder = folder;
        try {
            o.dataset = std::make_shared<const Dataset>(
                openDataset(QDir::cleanPath(QDir(folder).absolutePath()).toStdString()));
        } catch (const std::exception& e) {
            o.error = QString::fromStdString(e.what());
        }
        return o;
    }));
}

void SharedBankDialog::onFolderOpened() {
    addFolder_->setEnabled(true);
    const Opened o = opening_.result();
    if (!o.error.isEmpty()) {
        status_->setText(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(o.folder), o.error));
        emit datasetFailed(o.folder, o.error);
        return;
    }
    if (o.dataset->products.empty()) {
        status_->setText(tr("%1 holds no product.").arg(QDir::toNativeSeparators(o.folder)));
        emit datasetFailed(o.folder, status_->text());
        return;
    }
    if (!addDataset(o.dataset, false)) {
        status_->setText(tr("%1 is listed already.").arg(QDir::toNativeSeparators(QString::fromStdString(o.dataset->root))));
        return;
    }
    status_->setText(tr("Added %n product(s) of %1.", nullptr, static_cast<int>(o.dataset->products.size()))
                         .arg(QDir::toNativeSeparators(QString::fromStdString(o.dataset->root))));
    emit datasetAdded(QString::fromStdString(o.dataset->root));
}

void SharedBankDialog::setFeatureShape(const FeatureShape& shape, int maxTrainImages) {
    shape_ = shape;
    maxTrain_ = maxTrainImages;
    updateHint();
}

bool SharedBankDialog::setProductChecked(const QString& product, bool checked) {
    bool found = false;
    for (int t = 0; t < products_->topLevelItemCount(); ++t) {
        QTreeWidgetItem* top = products_->topLevelItem(t);
        for (int c = 0; c < top->childCount(); ++c)
            if (top->child(c)->text(0) == product) {
                top->child(c)->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
                found = true;
            }
    }
    return found;
}

QStringList SharedBankDialog::checkedProducts() const {
    QStringList names;
    for (int t = 0; t < products_->topLevelItemCount(); ++t) {
        const QTreeWidgetItem* top = products_->topLevelItem(t);
        for (int c = 0; c < top->childCount(); ++c)
            if (top->child(c)->checkState(0) == Qt::Checked) names << top->child(c)->text(0);
    }
    return names;
}

SharedBankRequest SharedBankDialog::request() const {
    SharedBankRequest r;
    for (int t = 0; t < products_->topLevelItemCount(); ++t) {
        const QTreeWidgetItem* top = products_->topLevelItem(t);
        const DatasetPtr& dataset = datasets_.at(top->data(0, DatasetRole).toInt());
        for (int c = 0; c < top->childCount(); ++c)
            if (top->child(c)->checkState(0) == Qt::Checked)
                r.products.emplace_back(dataset, top->child(c)->text(0).toStdString());
    }
    r.shared.method = compressor_->currentData().toString().toStdString();
    r.shared.methodOptions = methodOptions_->text().trimmed().toStdString();
    r.shared.budgetMB = budget_->value();
    parseAllocatorKind(allocator_->currentData().toString().toStdString(), r.shared.allocator);
    r.shared.route = route_->isChecked();
    parseRouterMetric(metric_->currentData().toString().toStdString(), r.shared.routerMetric);
    return r;
}

QString SharedBankDialog::problem() const {
    const QStringList names = checkedProducts();
    if (names.isEmpty()) return tr("Check at least one product.");
    std::set<QString> seen;
    for (const QString& name : names)
        if (!seen.insert(name).second)
            return tr("Product \"%1\" is checked in two data sets; product names must be unique.").arg(name);
    return QString();
}

void SharedBankDialog::tryRun() {
    const QString why = problem();
    if (!why.isEmpty()) {
        status_->setText(why);
        return;
    }
    emit runRequested(request());
    accept();
}

void SharedBankDialog::updateHint() {
    if (shape_.dim <= 0) {
        budgetHint_->setText(tr("The feature size is not known yet."));
        return;
    }
    const std::size_t vectors = BudgetAllocator::vectorsForMegabytes(budget_->value(), shape_.dim);
    std::size_t patches = 0;
    for (int t = 0; t < products_->topLevelItemCount(); ++t) {
        const QTreeWidgetItem* top = products_->topLevelItem(t);
        const DatasetPtr& dataset = datasets_.at(top->data(0, DatasetRole).toInt());
        for (int c = 0; c < top->childCount(); ++c) {
            if (top->child(c)->checkState(0) != Qt::Checked) continue;
            std::size_t train = dataset->count(top->child(c)->text(0).toStdString(), Split::Train);
            if (maxTrain_ > 0) train = std::min<std::size_t>(train, static_cast<std::size_t>(maxTrain_));
            patches += train * shape_.patches();
        }
    }
    budgetHint_->setText(tr("= %1 vectors of dimension %2; the checked products have about %3 training patches%4")
                             .arg(QLocale().toString(static_cast<qulonglong>(vectors)))
                             .arg(shape_.dim)
                             .arg(QLocale().toString(static_cast<qulonglong>(patches)))
                             .arg(vectors >= patches && patches > 0 ? tr(" (every patch fits: no compression)")
                                                                    : QString()));
}

void SharedBankDialog::loadSettings(QSettings& s) {
    s.beginGroup(QStringLiteral("sharedBank"));
    const int c = compressor_->findData(s.value(QStringLiteral("compressor"), QStringLiteral("coreset")).toString());
    compressor_->setCurrentIndex(c >= 0 ? c : 0);
    methodOptions_->setText(s.value(QStringLiteral("methodOptions")).toString());
    budget_->setValue(s.value(QStringLiteral("budgetMB"), 18.0).toDouble());
    const int a = allocator_->findData(s.value(QStringLiteral("allocator"), QStringLiteral("uniform")).toString());
    allocator_->setCurrentIndex(a >= 0 ? a : 0);
    route_->setChecked(s.value(QStringLiteral("route"), true).toBool());
    const int m = metric_->findData(s.value(QStringLiteral("metric"), QStringLiteral("l2")).toString());
    metric_->setCurrentIndex(m >= 0 ? m : 0);
    s.endGroup();
}

void SharedBankDialog::saveSettings(QSettings& s) const {
    s.beginGroup(QStringLiteral("sharedBank"));
    s.setValue(QStringLiteral("compressor"), compressor_->currentData().toString());
    s.setValue(QStringLiteral("methodOptions"), methodOptions_->text());
    s.setValue(QStringLiteral("budgetMB"), budget_->value());
    s.setValue(QStringLiteral("allocator"), allocator_->currentData().toString());
    s.setValue(QStringLiteral("route"), route_->isChecked());
    s.setValue(QStringLiteral("metric"), metric_->currentData().toString());
    s.endGroup();
}

}  // namespace pb::ui
