// The Models dialog driven as a user would, offscreen, against the loopback hub of the engine tests
// serving the tiny DINOv3 fixture: download with progress, gated error, cancel and resume, the token
// setting, closing mid-download and "Use this model".
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <memory>

#include "engine/models/ModelCatalogue.h"
#include "engine/models/ModelDownloader.h"
#include "models/LoopbackHttpServer.h"
#include "ui/ModelsDialog.h"

using pb::ui::ModelsDialog;

namespace {

QString sharedDir() {
    QString dir = QStringLiteral(PATCHBANK_SOURCE_DIR "/../shared");
    if (!qEnvironmentVariableIsEmpty("PATCHBANK_SHARED")) dir = qEnvironmentVariable("PATCHBANK_SHARED");
    return QFileInfo::exists(dir + QStringLiteral("/README.md")) ? QDir(dir).absolutePath() : QString();
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Saves the dialog to $PATCHBANK_SCREENSHOT_DIR when that is set (the screenshot run of the GUI tests).
bool screenshot(QWidget& widget, const QString& name) {
    if (qEnvironmentVariableIsEmpty("PATCHBANK_SCREENSHOT_DIR")) return true;
    const QString shots = qEnvironmentVariable("PATCHBANK_SCREENSHOT_DIR");
    QDir().mkpath(shots);
    widget.show();
    return widget.grab().save(shots + QLatin1Char('/') + name);
}

int rowOf(QTableWidget* table, const QString& name) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, ModelsDialog::NameColumn)->text() == name) return row;
    return -1;
}

}  // namespace

class ModelsDialogTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("PatchBankTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ModelsDialogTest"));
        qunsetenv("HF_TOKEN");
        qunsetenv("HUGGING_FACE_HUB_TOKEN");
        qunsetenv("HF_ENDPOINT");
    }

    void init() {
        QSettings().clear();
        folder_ = std::make_unique<QTemporaryDir>();
        QVERIFY(folder_->isValid());
        fixture_ = sharedDir();
        if (fixture_.isEmpty()) return;
        fixture_ += QStringLiteral("/fixtures/dinov3_tiny");
        server_ = std::make_unique<pb::test::LoopbackHttpServer>();
        server_->serveRepo(pb::ModelCatalogue::get("dinov3-vits16").repo, fixture_.toStdString());
        server_->requireToken("hf_gui_token");
    }

    void cleanup() { server_.reset(); }

    void catalogueTable() {
        ModelsDialog dialog;
        dialog.setModelsFolder(folder_->path());
        QTableWidget* table = dialog.table();
        QCOMPARE(table->rowCount(), int(pb::ModelCatalogue::all().size()));
        for (int row = 0; row < table->rowCount(); ++row)
            QCOMPARE(table->item(row, ModelsDialog::StatusColumn)->text(), QStringLiteral("not downloaded"));
        const int large = rowOf(table, QStringLiteral("dinov3-vitl16"));
        QVERIFY(large >= 0);
        QVERIFY(table->item(large, ModelsDialog::LicenceColumn)->text().contains(QStringLiteral("gated")));
        QCOMPARE(table->item(rowOf(table, QStringLiteral("clip-vit-l14")), ModelsDialog::LicenceColumn)->text(),
                 QStringLiteral("MIT"));
        dialog.selectModel(QStringLiteral("dinov3-vitl16"));
        QCOMPARE(dialog.selectedModel(), QStringLiteral("dinov3-vitl16"));
        const QString details = dialog.detailsLabel()->text();
        QVERIFY(details.contains(QStringLiteral("https://huggingface.co/facebook/dinov3-vitl16-pretrain-lvd1689m")));
        QVERIFY(details.contains(QStringLiteral("Memory Pollution")));
        QVERIFY(details.contains(QStringLiteral("HF_TOKEN")));
        QVERIFY(dialog.downloadButton()->isEnabled());
        QVERIFY(!dialog.useButton()->isEnabled());
        QVERIFY(!dialog.cancelButton()->isEnabled());
        QCOMPARE(dialog.modelFolder(QStringLiteral("dinov3-vitl16")), QDir(folder_->path()).filePath("dinov3-vitl16"));
    }

    void downloadAndUse() {
        if (!server_) QSKIP("../shared (fixtures) is not beside the project");
        server_->setRateLimit(4 * 1024 * 1024);  // ~0.25 s, so that progress shows
        ModelsDialog dialog;
        dialog.setEndpoint(QString::fromStdString(server_->endpoint()));
        dialog.setModelsFolder(folder_->path());
        dialog.selectModel(QStringLiteral("dinov3-vits16"));
        dialog.tokenEdit()->setText(QStringLiteral("hf_gui_token"));
        QSignalSpy finished(&dialog, &ModelsDialog::downloadFinished);
        QSignalSpy chosen(&dialog, &ModelsDialog::modelChosen);
        int maxProgress = 0, midProgress = 0;
        connect(dialog.progressBar(), &QProgressBar::valueChanged, this, [&](int v) {
            maxProgress = std::max(maxProgress, v);
            if (v > 0 && v < 1000) midProgress = v;
        });
        QTest::mouseClick(dialog.downloadButton(), Qt::LeftButton);
        QVERIFY(dialog.isDownloading());
        QVERIFY(dialog.cancelButton()->isEnabled());
        QVERIFY(!dialog.downloadButton()->isEnabled());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(midProgress > 0);  // the bar moved while the bytes arrived
        QCOMPARE(maxProgress, 1000);
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("verified")), qPrintable(dialog.statusLabel()->text()));
        const QString dir = dialog.modelFolder(QStringLiteral("dinov3-vits16"));
        QCOMPARE(readAll(dir + "/model.safetensors"), readAll(fixture_ + "/model.safetensors"));
        QCOMPARE(readAll(dir + "/config.json"), readAll(fixture_ + "/config.json"));
        const int row = rowOf(dialog.table(), QStringLiteral("dinov3-vits16"));
        QCOMPARE(dialog.table()->item(row, ModelsDialog::StatusColumn)->text(), QStringLiteral("downloaded"));
        QVERIFY(!dialog.downloadButton()->isEnabled());
        QVERIFY(dialog.useButton()->isEnabled());
        QVERIFY(!QSettings().contains(QStringLiteral("models/hfToken")));  // not remembered

        QVERIFY(screenshot(dialog, QStringLiteral("models-dialog.png")));
        QTest::mouseClick(dialog.useButton(), Qt::LeftButton);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().at(0).toString(), QStringLiteral("dinov3"));
        QCOMPARE(chosen.first().at(1).toString(), dir + QStringLiteral("/model.safetensors"));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void gatedErrorShownInDialog() {
        if (!server_) QSKIP("../shared (fixtures) is not beside the project");
        ModelsDialog dialog;
        dialog.setEndpoint(QString::fromStdString(server_->endpoint()));
        dialog.setModelsFolder(folder_->path());
        dialog.selectModel(QStringLiteral("dinov3-vits16"));
        QSignalSpy finished(&dialog, &ModelsDialog::downloadFinished);
        dialog.startDownload();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).toBool(), false);
        QVERIFY(dialog.lastError().contains(QStringLiteral("401")));
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("HF_TOKEN")));
        QVERIFY(dialog.statusLabel()->styleSheet().contains(QStringLiteral("color")));
        QVERIFY(screenshot(dialog, QStringLiteral("models-dialog-gated.png")));
        QVERIFY(dialog.downloadButton()->isEnabled());
        QVERIFY(!QFileInfo::exists(dialog.modelFolder(QStringLiteral("dinov3-vits16")) + "/config.json"));
    }

    void cancelThenResume() {
        if (!server_) QSKIP("../shared (fixtures) is not beside the project");
        server_->setRateLimit(1024 * 1024);  // ~1 s for the 1 MB weights
        ModelsDialog dialog;
        dialog.setEndpoint(QString::fromStdString(server_->endpoint()));
        dialog.setModelsFolder(folder_->path());
        dialog.selectModel(QStringLiteral("dinov3-vits16"));
        dialog.tokenEdit()->setText(QStringLiteral("hf_gui_token"));
        QSignalSpy finished(&dialog, &ModelsDialog::downloadFinished);
        dialog.startDownload();
        // Cancel once part of the weights has arrived.
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusLabel()->text().startsWith(QStringLiteral("Fetching model.safetensors")) &&
                                     dialog.progressBar()->value() > 100,
                                 10000);
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(1).toBool(), false);
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("cancelled")));
        QVERIFY(dialog.lastError().isEmpty());
        const QString weights = dialog.modelFolder(QStringLiteral("dinov3-vits16")) + "/model.safetensors";
        QVERIFY(QFileInfo::exists(weights + ".part"));
        QVERIFY(!QFileInfo::exists(weights));
        const int row = rowOf(dialog.table(), QStringLiteral("dinov3-vits16"));
        QCOMPARE(dialog.table()->item(row, ModelsDialog::StatusColumn)->text(), QStringLiteral("partly downloaded"));

        server_->setRateLimit(0);
        server_->clearRequests();
        const qint64 kept = QFileInfo(weights + ".part").size();
        dialog.startDownload();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.last().at(1).toBool(), true);
        QCOMPARE(readAll(weights), readAll(fixture_ + "/model.safetensors"));
        bool resumed = false;
        for (const auto& r : server_->requests())
            resumed = resumed || (r.range == "bytes=" + std::to_string(kept) + "-" && r.status == 206);
        QVERIFY(resumed);
    }

    void closeWhileDownloading() {
        if (!server_) QSKIP("../shared (fixtures) is not beside the project");
        server_->setRateLimit(256 * 1024);  // ~4 s
        ModelsDialog dialog;
        dialog.setEndpoint(QString::fromStdString(server_->endpoint()));
        dialog.setModelsFolder(folder_->path());
        dialog.selectModel(QStringLiteral("dinov3-vits16"));
        dialog.tokenEdit()->setText(QStringLiteral("hf_gui_token"));
        dialog.show();
        dialog.startDownload();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.progressBar()->value() > 0 &&
                                     dialog.statusLabel()->text().startsWith(QStringLiteral("Fetching model")),
                                 10000);
        QElapsedTimer clock;
        clock.start();
        dialog.reject();
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!dialog.isDownloading());
        QVERIFY(!dialog.isVisible());
        QVERIFY(QFileInfo::exists(dialog.modelFolder(QStringLiteral("dinov3-vits16")) + "/model.safetensors.part"));
    }

    void tokenRememberedOnlyWhenAsked() {
        {
            ModelsDialog dialog;
            QVERIFY(!dialog.rememberTokenBox()->isChecked());
            QCOMPARE(dialog.tokenEdit()->echoMode(), QLineEdit::Password);
            dialog.tokenEdit()->setText(QStringLiteral("hf_secret"));
            emit dialog.tokenEdit()->editingFinished();
            QVERIFY(!QSettings().contains(QStringLiteral("models/hfToken")));
            dialog.rememberTokenBox()->setChecked(true);
            QCOMPARE(QSettings().value(QStringLiteral("models/hfToken")).toString(), QStringLiteral("hf_secret"));
        }
        {
            ModelsDialog dialog;  // a later session gets it back
            QVERIFY(dialog.rememberTokenBox()->isChecked());
            QCOMPARE(dialog.tokenEdit()->text(), QStringLiteral("hf_secret"));
            dialog.rememberTokenBox()->setChecked(false);
            QVERIFY(!QSettings().contains(QStringLiteral("models/hfToken")));
        }
        ModelsDialog dialog;
        QVERIFY(dialog.tokenEdit()->text().isEmpty());
    }

    void folderSetting() {
        {
            ModelsDialog dialog;
            QCOMPARE(dialog.modelsFolder(), QString::fromStdString(pb::ModelCatalogue::modelsRoot().string()));
            dialog.setModelsFolder(folder_->path());
        }
        ModelsDialog dialog;
        QCOMPARE(dialog.modelsFolder(), folder_->path());
    }

private:
    std::unique_ptr<QTemporaryDir> folder_;
    QString fixture_;
    std::unique_ptr<pb::test::LoopbackHttpServer> server_;
};

QTEST_MAIN(ModelsDialogTest)
#include "ModelsDialogTest.moc"
