#include "ui/ModelsDialog.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <QtConcurrent/QtConcurrentRun>

#include "engine/models/ModelCatalogue.h"
#include "engine/models/ModelDownloader.h"
#include "engine/util/Error.h"

namespace pb::ui {

namespace {

const char* kFolderKey = "models/folder";
const char* kTokenKey = "models/hfToken";
const char* kRememberKey = "models/rememberToken";

QString mib(qint64 bytes) { return QString::number(bytes / (1024.0 * 1024.0), 'f', 1); }

}  // namespace

ModelsDialog::ModelsDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("modelsDialog"));
    setWindowTitle(tr("Models"));

    auto* intro = new QLabel(tr("PatchBank reads the Hugging Face <tt>model.safetensors</tt> of these backbones "
                                "directly and ships no weights. A download resumes where it stopped and is "
                                "checked against the size and SHA-256 the hub announces."),
                             this);
    intro->setWordWrap(true);

    table_ = new QTableWidget(0, ColumnCount, this);
    table_->setObjectName(QStringLiteral("modelsTable"));
    table_->setHorizontalHeaderLabels(
        {tr("Model"), tr("Backbone"), tr("Status"), tr("Licence"), tr("Hugging Face repository")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    const auto& catalogue = ModelCatalogue::all();
    table_->setRowCount(static_cast<int>(catalogue.size()));
    for (int row = 0; row < static_cast<int>(catalogue.size()); ++row) {
        const ModelInfo& m = catalogue[static_cast<std::size_t>(row)];
        const QString tip = QString::fromStdString(m.description) +
                            (m.paper.empty() ? QString() : tr("\nUsed by: %1").arg(QString::fromStdString(m.paper)));
        auto item = [&](const QString& text) {
            auto* it = new QTableWidgetItem(text);
            it->setToolTip(tip);
            return it;
        };
        table_->setItem(row, NameColumn, item(QString::fromStdString(m.name)));
        table_->item(row, NameColumn)->setData(Qt::UserRole, QString::fromStdString(m.name));
        table_->setItem(row, BackboneColumn, item(QString::fromStdString(m.backbone)));
        table_->setItem(row, StatusColumn, item(QString()));
        const QString licence = QString::fromStdString(m.licence.substr(0, m.licence.find(" (")));
        table_->setItem(row, LicenceColumn, item(m.gated ? tr("%1 (gated)").arg(licence) : licence));
        table_->setItem(row, RepoColumn, item(QString::fromStdString(m.repo)));
    }

    details_ = new QLabel(this);
    details_->setObjectName(QStringLiteral("modelDetails"));
    details_->setWordWrap(true);
    details_->setTextFormat(Qt::RichText);
    details_->setOpenExternalLinks(true);
    details_->setTextInteractionFlags(Qt::TextBrowserInteraction);

    QSettings settings;
    folder_ = new QLineEdit(settings.value(QLatin1String(kFolderKey)).toString(), this);
    folder_->setObjectName(QStringLiteral("modelsFolder"));
    folder_->setPlaceholderText(QString::fromStdString(ModelCatalogue::modelsRoot().string()));
    auto* browse = new QToolButton(this);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose the folder models are kept in"));
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse);

    token_ = new QLineEdit(this);
    token_->setObjectName(QStringLiteral("hfToken"));
    token_->setEchoMode(QLineEdit::Password);
    const bool remember = settings.value(QLatin1String(kRememberKey), false).toBool();
    if (remember) token_->setText(settings.value(QLatin1String(kTokenKey)).toString());
    token_->setPlaceholderText(qEnvironmentVariableIsEmpty("HF_TOKEN") && qEnvironmentVariableIsEmpty("HUGGING_FACE_HUB_TOKEN")
                                   ? tr("only for gated models, e.g. DINOv3")
                                   : tr("taken from HF_TOKEN when left empty"));
    rememberToken_ = new QCheckBox(tr("Remember"), this);
    rememberToken_->setObjectName(QStringLiteral("rememberToken"));
    rememberToken_->setChecked(remember);
    rememberToken_->setToolTip(tr("Keeps the token in PatchBank's settings file, in plain text"));
    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(token_, 1);
    tokenRow->addWidget(rememberToken_);

    auto* form = new QFormLayout;
    form->addRow(tr("Models folder:"), folderRow);
    form->addRow(tr("Hugging Face token:"), tokenRow);

    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("downloadProgress"));
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    progress_->setTextVisible(true);
    progress_->setFormat(QString());
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("downloadStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    download_ = new QPushButton(tr("Download"), this);
    download_->setObjectName(QStringLiteral("downloadButton"));
    cancel_ = new QPushButton(tr("Cancel download"), this);
    cancel_->setObjectName(QStringLiteral("cancelDownloadButton"));
    use_ = new QPushButton(tr("Use this model"), this);
    use_->setObjectName(QStringLiteral("useModelButton"));
    close_ = new QPushButton(tr("Close"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(download_);
    buttons->addWidget(cancel_);
    buttons->addStretch(1);
    buttons->addWidget(use_);
    buttons->addWidget(close_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(table_, 1);
    layout->addWidget(details_);
    layout->addLayout(form);
    layout->addWidget(progress_);
    layout->addWidget(status_);
    layout->addLayout(buttons);

    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        updateDetails();
        updateButtons();
    });
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this] {
        if (use_->isEnabled()) useSelectedModel();
    });
    connect(download_, &QPushButton::clicked, this, &ModelsDialog::startDownload);
    connect(cancel_, &QPushButton::clicked, this, &ModelsDialog::cancelDownload);
    connect(use_, &QPushButton::clicked, this, &ModelsDialog::useSelectedModel);
    connect(close_, &QPushButton::clicked, this, &ModelsDialog::reject);
    connect(browse, &QToolButton::clicked, this, &ModelsDialog::chooseFolder);
    connect(folder_, &QLineEdit::editingFinished, this, [this] { setModelsFolder(folder_->text()); });
    connect(rememberToken_, &QCheckBox::toggled, this, &ModelsDialog::saveToken);
    connect(token_, &QLineEdit::editingFinished, this, &ModelsDialog::saveToken);
    connect(&watcher_, &QFutureWatcher<DownloadOutcome>::finished, this, &ModelsDialog::onDownloadDone);

    refresh();
    table_->setWordWrap(false);
    table_->resizeColumnsToContents();
    // Wide enough for every status a download can leave, not just the ones shown now.
    int statusWidth = table_->columnWidth(StatusColumn);
    for (const QString& text : {tr("downloaded"), tr("present, not verified"), tr("partly downloaded"), tr("not downloaded")})
        statusWidth = std::max(statusWidth, table_->fontMetrics().horizontalAdvance(text) + 16);
    table_->setColumnWidth(StatusColumn, statusWidth);
    table_->selectRow(0);
    resize(860, 560);
}

ModelsDialog::~ModelsDialog() {
    if (watcher_.isRunning()) {
        cancelToken_.cancel();
        watcher_.waitForFinished();
    }
}

void ModelsDialog::setModelsFolder(const QString& folder) {
    const QString cleaned = folder.trimmed();
    if (folder_->text() != cleaned) folder_->setText(cleaned);
    QSettings settings;
    if (cleaned.isEmpty() || QDir(cleaned) == QDir(QString::fromStdString(ModelCatalogue::modelsRoot().string())))
        settings.remove(QLatin1String(kFolderKey));
    else
        settings.setValue(QLatin1String(kFolderKey), cleaned);
    refresh();
}

QString ModelsDialog::modelsFolder() const {
    const QString folder = folder_->text().trimmed();
    return folder.isEmpty() ? QString::fromStdString(ModelCatalogue::modelsRoot().string()) : folder;
}

QString ModelsDialog::modelFolder(const QString& name) const { return QDir(modelsFolder()).filePath(name); }

void ModelsDialog::selectModel(const QString& name) {
    for (int row = 0; row < table_->rowCount(); ++row)
        if (table_->item(row, NameColumn)->data(Qt::UserRole).toString() == name) table_->selectRow(row);
}

QString ModelsDialog::selectedModel() const {
    const auto rows = table_->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : table_->item(rows.first().row(), NameColumn)->data(Qt::UserRole).toString();
}

QString ModelsDialog::token() const { return token_->text().trimmed(); }

void ModelsDialog::refresh() {
    const auto& catalogue = ModelCatalogue::all();
    for (int row = 0; row < table_->rowCount(); ++row) {
        const ModelInfo& m = catalogue[static_cast<std::size_t>(row)];
        const ModelState state = ModelCatalogue::state(m, modelFolder(QString::fromStdString(m.name)).toStdString());
        QString text;
        switch (state) {
            case ModelState::Present: text = tr("downloaded"); break;
            case ModelState::Unverified: text = tr("present, not verified"); break;
            case ModelState::Partial: text = tr("partly downloaded"); break;
            case ModelState::Missing: text = tr("not downloaded"); break;
        }
        auto* item = table_->item(row, StatusColumn);
        item->setText(text);
        item->setData(Qt::UserRole, static_cast<int>(state));
    }
    updateDetails();
    updateButtons();
}

void ModelsDialog::updateDetails() {
    const ModelInfo* m = ModelCatalogue::find(selectedModel().toStdString());
    if (!m) {
        details_->clear();
        return;
    }
    const QString hub = QString::fromStdString(ModelDownloader::resolveEndpoint(endpoint_.toStdString()) + "/" + m->repo);
    QString html = QStringLiteral("<b>%1</b>: %2").arg(QString::fromStdString(m->name).toHtmlEscaped(),
                                                      QString::fromStdString(m->description).toHtmlEscaped());
    if (!m->paper.empty())
        html += QStringLiteral("<br>") + tr("Used by: %1").arg(QString::fromStdString(m->paper).toHtmlEscaped());
    html += QStringLiteral("<br>") + tr("Licence: %1").arg(QString::fromStdString(m->licence).toHtmlEscaped());
    html += QStringLiteral("<br>") + tr("Hub page: <a href=\"%1\">%1</a>").arg(hub.toHtmlEscaped());
    if (m->gated)
        html += QStringLiteral("<br><i>") +
                tr("Gated: log in on the hub page, accept the licence, then enter an access token of that account "
                   "above (or set HF_TOKEN).") +
                QStringLiteral("</i>");
    html += QStringLiteral("<br>") + tr("Folder: %1").arg(modelFolder(QString::fromStdString(m->name)).toHtmlEscaped());
    details_->setText(html);
}

void ModelsDialog::updateButtons() {
    const QString name = selectedModel();
    const auto rows = table_->selectionModel()->selectedRows();
    const int state = rows.isEmpty() ? -1 : table_->item(rows.first().row(), StatusColumn)->data(Qt::UserRole).toInt();
    const bool busy = isDownloading();
    download_->setEnabled(!busy && !name.isEmpty() && state != static_cast<int>(ModelState::Present));
    cancel_->setEnabled(busy);
    use_->setEnabled(!busy && (state == static_cast<int>(ModelState::Present) ||
                               state == static_cast<int>(ModelState::Unverified)));
    folder_->setEnabled(!busy);
    token_->setEnabled(!busy);
    table_->setEnabled(!busy);
}

void ModelsDialog::saveToken() {
    QSettings settings;
    settings.setValue(QLatin1String(kRememberKey), rememberToken_->isChecked());
    // Never in the settings file unless the user asked for it.
    if (rememberToken_->isChecked() && !token().isEmpty())
        settings.setValue(QLatin1String(kTokenKey), token());
    else
        settings.remove(QLatin1String(kTokenKey));
}

void ModelsDialog::chooseFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Models folder"), modelsFolder());
    if (!folder.isEmpty()) setModelsFolder(folder);
}

void ModelsDialog::startDownload() {
    if (isDownloading()) return;
    const ModelInfo* m = ModelCatalogue::find(selectedModel().toStdString());
    if (!m) return;
    saveToken();
    lastError_.clear();
    status_->setStyleSheet(QString());
    status_->setText(tr("Connecting to %1…").arg(QString::fromStdString(ModelDownloader::resolveEndpoint(endpoint_.toStdString()))));
    progress_->setRange(0, 0);
    progress_->setFormat(QString());
    cancelToken_ = CancelToken();

    DownloadOptions options;
    options.endpoint = endpoint_.toStdString();
    options.token = token().toStdString();
    const std::string dir = modelFolder(QString::fromStdString(m->name)).toStdString();
    const ModelInfo model = *m;
    const CancelToken cancel = cancelToken_;
    watcher_.setFuture(QtConcurrent::run([this, options, dir, model, cancel]() {
        DownloadOutcome out;
        out.model = QString::fromStdString(model.name);
        Progress progress;
        progress.cancel = cancel;
        // Runs on the pool thread; the dialog outlives it (its destructor waits).
        progress.onStep = [this](const std::string& stage, std::size_t done, std::size_t total) {
            QMetaObject::invokeMethod(
                this, [this, s = QString::fromStdString(stage), done, total] { onProgress(s, qint64(done), qint64(total)); },
                Qt::QueuedConnection);
        };
        try {
            const ModelDownload result = ModelDownloader(options).download(model, dir, progress);
            out.ok = true;
            out.weightsPath = QString::fromStdString(result.weights.string());
            qint64 fetched = 0;
            bool allVerified = true;
            for (const auto& f : result.files) {
                fetched += qint64(f.transferred);
                allVerified = allVerified && (f.digestVerified || f.skipped);
            }
            out.message = fetched > 0 ? tr("%1 downloaded (%2 MiB) and verified%3.")
                                            .arg(out.model, mib(fetched),
                                                 allVerified ? tr(" with the SHA-256 the hub announced") : QString())
                                      : tr("%1 was already downloaded.").arg(out.model);
        } catch (const Cancelled&) {
            out.cancelled = true;
            out.message = tr("Download cancelled; what arrived is kept and the next download resumes from there.");
        } catch (const std::exception& e) {
            out.message = QString::fromStdString(e.what());
        }
        return out;
    }));
    refresh();
}

void ModelsDialog::cancelDownload() {
    if (!isDownloading()) return;
    cancelToken_.cancel();
    status_->setText(tr("Cancelling…"));
}

void ModelsDialog::onProgress(const QString& stage, qint64 done, qint64 total) {
    if (!isDownloading()) return;  // a late report of a finished download
    if (total > 0) {
        progress_->setRange(0, 1000);
        progress_->setValue(static_cast<int>(done * 1000 / total));
        progress_->setFormat(tr("%1 / %2 MiB").arg(mib(done), mib(total)));
    } else {
        progress_->setRange(0, 0);
    }
    if (!cancelToken_.cancelled()) status_->setText(stage + QStringLiteral("…"));
}

void ModelsDialog::onDownloadDone() {
    const DownloadOutcome out = watcher_.result();
    progress_->setRange(0, 1000);
    progress_->setValue(out.ok ? 1000 : progress_->value());
    if (!out.ok) progress_->setFormat(QString());
    if (out.ok || out.cancelled) {
        status_->setStyleSheet(QString());
    } else {
        lastError_ = out.message;
        status_->setStyleSheet(QStringLiteral("color: #b00020;"));
    }
    status_->setText(out.message);
    refresh();
    emit downloadFinished(out.model, out.ok, out.message);
}

void ModelsDialog::useSelectedModel() {
    const ModelInfo* m = ModelCatalogue::find(selectedModel().toStdString());
    if (!m || !use_->isEnabled()) return;
    const QString weights = QDir(modelFolder(QString::fromStdString(m->name))).filePath(QStringLiteral("model.safetensors"));
    emit modelChosen(QString::fromStdString(m->backbone), weights);
    accept();
}

void ModelsDialog::reject() {
    if (isDownloading()) {
        cancelToken_.cancel();
        watcher_.waitForFinished();
    }
    QDialog::reject();
}

}  // namespace pb::ui
