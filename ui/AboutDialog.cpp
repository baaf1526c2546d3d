#include "ui/AboutDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "engine/util/Version.h"

namespace pb::ui {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About PatchBank"));
    const VersionInfo v = versionInfo();
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/patchbank.svg")).pixmap(64, 64));
    auto* title = new QLabel(tr("<h2>PatchBank %1</h2><p>A workbench for industrial visual anomaly detection with "
                                "patch-feature memory banks: frozen backbone features, per-product banks, kNN "
                                "anomaly maps and the standard metrics.</p>")
                                 .arg(QString::fromStdString(v.patchbank)),
                             this);
    title->setWordWrap(true);
    versions_ = new QLabel(this);
    versions_->setObjectName(QStringLiteral("versionsLabel"));
    versions_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    versions_->setText(tr("<table>"
                          "<tr><td>Qt</td><td>%1 (built with %2)</td></tr>"
                          "<tr><td>LibTorch</td><td>%3</td></tr>"
                          "<tr><td>FAISS</td><td>%4</td></tr>"
                          "<tr><td>OpenCV</td><td>%5</td></tr>"
                          "<tr><td>QCustomPlot</td><td>%6</td></tr>"
                          "<tr><td>BLAS</td><td>%7</td></tr>"
                          "</table>")
                           .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                                QString::fromStdString(v.torch), QString::fromStdString(v.faiss),
                                QString::fromStdString(v.opencv), QStringLiteral(QCUSTOMPLOT_VERSION_STR))
                           .arg(QString::fromStdString(v.blas).toHtmlEscaped()));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(title, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(versions_);
    layout->addWidget(buttons);
    resize(460, 300);
}

QString AboutDialog::versionsText() const { return versions_->text(); }

}  // namespace pb::ui
