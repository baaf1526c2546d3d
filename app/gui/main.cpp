// patchbank: the inspection workbench. With a folder argument it opens that data set; without one
// it reopens the most recent folder, or, on a fresh setup, the embedded demo data set.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "ui/AppSetup.h"
#include "ui/MainWindow.h"
#include "engine/util/BlasKernel.h"
#include "engine/util/Threads.h"

// Before any library initialises: see pb::restartWithPassiveOpenMp.
__attribute__((section(".preinit_array"), used)) static void (*const kOpenMpWaitPolicy)(int, char**, char**) =
    &pb::restartWithPassiveOpenMp;

int main(int argc, char** argv) {
    pb::selectBlasKernel(argv);  // first: it may restart the process with a better BLAS kernel
    // Before any LibTorch call: otherwise its first use lowers the OpenMP pool FAISS relies on.
    pb::setEngineThreads(0);
    QApplication app(argc, argv);
    pb::ui::AppSetup::initialize(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Industrial visual anomaly detection workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("folder"),
                                 QCoreApplication::translate("main", "Data set folder to open (optional)."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save the window as a PNG after <seconds> and quit (a smoke test)."),
        QStringLiteral("file"));
    const QCommandLineOption after(QStringLiteral("seconds"),
                                   QCoreApplication::translate("main", "Seconds before --screenshot (default 5)."),
                                   QStringLiteral("seconds"), QStringLiteral("5"));
    parser.addOption(screenshot);
    parser.addOption(after);
    parser.process(app);

    pb::ui::MainWindow window;
    window.show();
    const QStringList folders = parser.positionalArguments();
    if (!folders.isEmpty())
        window.openDataset(folders.front());
    else
        window.openStartupDataset();
    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QTimer::singleShot(static_cast<int>(parser.value(after).toDouble() * 1000), &window, [&window, file] {
            QApplication::exit(window.grab().save(file) ? 0 : 1);
        });
    }
    return app.exec();
}
