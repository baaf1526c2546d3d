// Tools > Models: the pretrained backbones PatchBank can read (ModelCatalogue), whether each is
// downloaded, their licences, and a resumable, verified download of the selected one from the
// Hugging Face hub that runs off the GUI thread with progress and Cancel. "Use this model" hands
// the backbone name and the weights file to whoever listens (the engine panel).
#pragma once
#include <QDialog>
#include <QFutureWatcher>

#include "engine/util/Progress.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace pb::ui {

class ModelsDialog : public QDialog {
    Q_OBJECT
public:
    // Table columns.
    enum Column { NameColumn, BackboneColumn, StatusColumn, LicenceColumn, RepoColumn, ColumnCount };

    struct DownloadOutcome {
        QString model;
        bool ok = false;
        bool cancelled = false;
        QString message;      // the error, or a summary of what was fetched
        QString weightsPath;  // on success
    };

    explicit ModelsDialog(QWidget* parent = nullptr);
    // Cancels a running download and waits for it (a second at most: libcurl polls the flag).
    ~ModelsDialog() override;

    // Hub address; empty (default) = $HF_ENDPOINT, else https://huggingface.co.
    void setEndpoint(const QString& url) {
        endpoint_ = url;
        updateDetails();
    }
    // Where models are kept, one sub-folder per model. Default: the setting "models/folder", else
    // ModelCatalogue::modelsRoot() (the folder `patchbank-cli models` uses too).
    void setModelsFolder(const QString& folder);
    QString modelsFolder() const;
    QString modelFolder(const QString& name) const;

    void selectModel(const QString& name);
    QString selectedModel() const;
    bool isDownloading() const { return watcher_.isRunning(); }
    void startDownload();  // of the selected model
    void cancelDownload();
    void useSelectedModel();  // emits modelChosen and closes, when the model is downloaded
    void refresh();           // re-reads what is on disk
    // Close: cancels a running download first and waits for it to stop (the .part is kept).
    void reject() override;

    QString lastError() const { return lastError_; }
    QTableWidget* table() const { return table_; }
    QPushButton* downloadButton() const { return download_; }
    QPushButton* cancelButton() const { return cancel_; }
    QPushButton* useButton() const { return use_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* detailsLabel() const { return details_; }
    QLineEdit* tokenEdit() const { return token_; }
    QCheckBox* rememberTokenBox() const { return rememberToken_; }
    QLineEdit* folderEdit() const { return folder_; }

signals:
    // backbone: BackboneOptions::name ("dinov3", "dinov2", "clip_vit"); weightsPath: model.safetensors.
    void modelChosen(const QString& backbone, const QString& weightsPath);
    void downloadFinished(const QString& model, bool ok, const QString& message);

private:
    void onProgress(const QString& stage, qint64 done, qint64 total);
    void onDownloadDone();
    void updateDetails();
    void updateButtons();
    void saveToken();
    void chooseFolder();
    QString token() const;

    QTableWidget* table_;
    QLabel* details_;
    QLineEdit* folder_;
    QLineEdit* token_;
    QCheckBox* rememberToken_;
    QProgressBar* progress_;
    QLabel* status_;
    QPushButton* download_;
    QPushButton* cancel_;
    QPushButton* use_;
    QPushButton* close_;

    QString endpoint_;
    QString lastError_;
    CancelToken cancelToken_;
    QFutureWatcher<DownloadOutcome> watcher_;
};

}  // namespace pb::ui
