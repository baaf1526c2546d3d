#include "ui/DatasetPanel.h"

#include <QHeaderView>
#include <QMap>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pb::ui {

namespace {
enum ItemRole { ProductRole = Qt::UserRole + 1, SplitRole, DefectRole };

QTreeWidgetItem* makeItem(const QString& name, std::size_t count, const QString& product, int split,
                          const QString& defect) {
    auto* item = new QTreeWidgetItem({name, QString::number(count)});
    item->setData(0, ProductRole, product);
    item->setData(0, SplitRole, split);
    item->setData(0, DefectRole, defect);
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}
}  // namespace

DatasetPanel::DatasetPanel(QWidget* parent) : QWidget(parent) {
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("datasetTree"));
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Data set"), tr("Images")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);

    problems_ = new QTableWidget(0, 3, this);
    problems_->setObjectName(QStringLiteral("problemsTable"));
    problems_->setHorizontalHeaderLabels({tr("Source"), tr("File"), tr("Reason")});
    problems_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    problems_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
    problems_->horizontalHeader()->setStretchLastSection(true);
    problems_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    problems_->setSelectionBehavior(QAbstractItemView::SelectRows);
    problems_->verticalHeader()->hide();
    problems_->setWordWrap(false);

    tabs_ = new QTabWidget(this);
    tabs_->addTab(tree_, tr("Contents"));
    tabs_->addTab(problems_, tr("Problems"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);

    connect(tree_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!item) return;
        emit subsetSelected(item->data(0, ProductRole).toString(), item->data(0, SplitRole).toInt(),
                            item->data(0, DefectRole).toString());
    });
    updateProblemsTitle();
}

void DatasetPanel::setDataset(const DatasetPtr& dataset) {
    tree_->clear();
    problems_->setRowCount(0);
    if (!dataset) {
        updateProblemsTitle();
        return;
    }
    const QString root = QString::fromStdString(dataset->root);
    auto* top = makeItem(tr("%1 (layout: %2)").arg(root, QString::fromStdString(dataset->layout)),
                         dataset->samples.size(), QString(), -1, QString());
    top->setToolTip(0, root);
    tree_->addTopLevelItem(top);

    // product -> split -> defect -> count, in one pass over the samples.
    QMap<QString, QMap<int, QMap<QString, std::size_t>>> counts;
    for (const auto& s : dataset->samples)
        ++counts[QString::fromStdString(s.product)][static_cast<int>(s.split)][QString::fromStdString(s.defect)];
    for (auto p = counts.begin(); p != counts.end(); ++p) {
        std::size_t productTotal = 0;
        for (const auto& split : p.value())
            for (std::size_t n : split) productTotal += n;
        auto* productItem = makeItem(p.key(), productTotal, p.key(), -1, QString());
        top->addChild(productItem);
        for (auto s = p.value().begin(); s != p.value().end(); ++s) {
            std::size_t splitTotal = 0;
            for (std::size_t n : s.value()) splitTotal += n;
            const QString splitName = QString::fromStdString(toString(static_cast<Split>(s.key())));
            auto* splitItem = makeItem(splitName, splitTotal, p.key(), s.key(), QString());
            productItem->addChild(splitItem);
            for (auto d = s.value().begin(); d != s.value().end(); ++d) {
                const QString defect = d.key().isEmpty() ? tr("(unlabelled)") : d.key();
                splitItem->addChild(makeItem(defect, d.value(), p.key(), s.key(), d.key()));
            }
        }
    }
    tree_->expandToDepth(1);
    for (const auto& problem : dataset->problems)
        addProblem(tr("listing"), QString::fromStdString(problem.file), QString::fromStdString(problem.reason));
    updateProblemsTitle();
}

void DatasetPanel::addProblem(const QString& source, const QString& file, const QString& reason) {
    const int row = problems_->rowCount();
    problems_->insertRow(row);
    problems_->setItem(row, 0, new QTableWidgetItem(source));
    auto* fileItem = new QTableWidgetItem(file);
    fileItem->setToolTip(file);
    problems_->setItem(row, 1, fileItem);
    auto* reasonItem = new QTableWidgetItem(reason);
    reasonItem->setToolTip(reason);
    problems_->setItem(row, 2, reasonItem);
    updateProblemsTitle();
}

int DatasetPanel::problemCount() const { return problems_->rowCount(); }

void DatasetPanel::updateProblemsTitle() {
    const int n = problems_->rowCount();
    tabs_->setTabText(1, n == 0 ? tr("Problems") : tr("Problems (%1)").arg(n));
}

}  // namespace pb::ui
