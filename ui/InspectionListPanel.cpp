#include "ui/InspectionListPanel.h"

#include <QFileInfo>
#include <QHash>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

namespace pb::ui {

InspectionListPanel::InspectionListPanel(QWidget* parent) : QWidget(parent) {
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("inspectionList"));
    remove_ = new QPushButton(tr("Remove"), this);
    clear_ = new QPushButton(tr("Clear"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(remove_);
    buttons->addWidget(clear_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(list_, 1);
    layout->addLayout(buttons);

    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < entries_.size()) emit entryActivated(entries_[row].result, entries_[row].index);
    });
    connect(remove_, &QPushButton::clicked, this, [this] {
        const int row = list_->currentRow();
        if (row < 0) return;
        entries_.removeAt(row);
        delete list_->takeItem(row);
    });
    connect(clear_, &QPushButton::clicked, this, [this] {
        entries_.clear();
        list_->clear();
    });
}

bool InspectionListPanel::add(const ScoreResultPtr& result, int index) {
    if (!result || index < 0 || static_cast<std::size_t>(index) >= result->images.size()) return false;
    const std::string& path = result->images[static_cast<std::size_t>(index)].sample.path;
    for (int i = 0; i < entries_.size(); ++i) {
        if (entries_[i].result->images[static_cast<std::size_t>(entries_[i].index)].sample.path == path) {
            entries_[i] = Entry{result, index};  // rescored: keep the newest score
            refreshTexts();
            return false;
        }
    }
    entries_.append(Entry{result, index});
    list_->addItem(QString());
    refreshTexts();
    return true;
}

int InspectionListPanel::addAll(const std::vector<ScoreResultPtr>& results) {
    QHash<QString, int> row;
    for (int i = 0; i < entries_.size(); ++i)
        row.insert(QString::fromStdString(entries_[i].result->images[static_cast<std::size_t>(entries_[i].index)].sample.path), i);
    int added = 0;
    for (const ScoreResultPtr& result : results) {
        if (!result) continue;
        for (std::size_t i = 0; i < result->images.size(); ++i) {
            const QString path = QString::fromStdString(result->images[i].sample.path);
            auto it = row.constFind(path);
            if (it != row.constEnd()) {
                entries_[*it] = Entry{result, static_cast<int>(i)};
                continue;
            }
            row.insert(path, entries_.size());
            entries_.append(Entry{result, static_cast<int>(i)});
            list_->addItem(QString());
            ++added;
        }
    }
    refreshTexts();
    return added;
}

int InspectionListPanel::count() const { return entries_.size(); }

void InspectionListPanel::setImageThreshold(double threshold, const ReviewBand& band) {
    verdict_ = VerdictRule{threshold, band};
    refreshTexts();
}

void InspectionListPanel::refreshTexts() {
    for (int i = 0; i < entries_.size(); ++i) {
        const ScoredImage& img = entries_[i].result->images[static_cast<std::size_t>(entries_[i].index)];
        const QString path = QString::fromStdString(img.sample.path);
        QString text = tr("%1 — score %2").arg(QFileInfo(path).fileName()).arg(img.score, 0, 'f', 4);
        QListWidgetItem* item = list_->item(i);
        if (verdict_.known()) {
            const Verdict verdict = verdict_.of(img.score);
            text += QStringLiteral(" — ") + verdictText(verdict);
            item->setForeground(verdictColour(verdict));
        }
        item->setText(text);
        item->setToolTip(tr("%1\nbank: %2").arg(path, QString::fromStdString(entries_[i].result->product)));
    }
}

}  // namespace pb::ui
