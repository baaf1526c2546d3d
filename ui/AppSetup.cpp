#include "ui/AppSetup.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

#include "engine/util/Version.h"

// Resources of a static library are only linked when something refers to them.
static void initPatchbankResources() { Q_INIT_RESOURCE(patchbank); }

namespace pb::ui {

void AppSetup::initialize(QApplication& app) {
    initPatchbankResources();
    if (QCoreApplication::organizationName().isEmpty()) QCoreApplication::setOrganizationName(QStringLiteral("PatchBank"));
    if (QCoreApplication::applicationName().isEmpty() ||
        QCoreApplication::applicationName() == QFileInfo(QCoreApplication::applicationFilePath()).fileName())
        QCoreApplication::setApplicationName(QStringLiteral("PatchBank"));
    QCoreApplication::setApplicationVersion(QString::fromStdString(versionInfo().patchbank));
    QGuiApplication::setDesktopFileName(QStringLiteral("patchbank"));
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/patchbank.svg")));
    const QString language = QSettings().value(QStringLiteral("language")).toString();
    installLanguage(language.isEmpty() ? QLocale::system().name().left(2) : language);
}

QStringList AppSetup::availableLanguages() { return {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("de")}; }

bool AppSetup::installLanguage(const QString& code) {
    if (code.isEmpty() || code == QLatin1String("en") || !availableLanguages().contains(code)) return false;
    auto* own = new QTranslator(qApp);
    if (!own->load(QStringLiteral(":/i18n/patchbank_%1.qm").arg(code))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    // Qt's own strings (standard buttons, file dialogs) from the system's Qt translations.
    auto* qt = new QTranslator(qApp);
    if (qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

QString AppSetup::demoDatasetFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo"));
}

}  // namespace pb::ui
