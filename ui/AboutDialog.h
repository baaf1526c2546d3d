// Help > About: what PatchBank is and the versions of Qt, LibTorch, FAISS, OpenCV and QCustomPlot
// it was built with, for bug reports.
#pragma once
#include <QDialog>

class QLabel;

namespace pb::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    QString versionsText() const;

private:
    QLabel* versions_;
};

}  // namespace pb::ui
