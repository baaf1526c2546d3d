// Process-wide setup of the desktop application: names used by QSettings and QStandardPaths,
// embedded resources, the user-interface language, and where the demo data set lives.
#pragma once
#include <QString>
#include <QStringList>

class QApplication;

namespace pb::ui {

class AppSetup {
public:
    // Call once after constructing the QApplication. The language comes from the settings
    // ("" = the system's); codes with a translation are listed by availableLanguages().
    static void initialize(QApplication& app);
    static bool installLanguage(const QString& code);
    static QStringList availableLanguages();  // "en", "es", "de"
    // <app data>/demo: where `patchbank` without arguments generates the demo data set.
    static QString demoDatasetFolder();
};

}  // namespace pb::ui
