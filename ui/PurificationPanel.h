// The reference-purification dock (METHODS.md sections 5 and 6): the audit of the reference images the
// product's bank is built from, ranked as thumbnails with the flagged ones outlined in red and the
// audit scores charted against the MAD threshold; a clicked reference shows its worst patches and the
// worst patch's nearest patches among the other references. Patch purification paints the removed
// patches on the references, highest score first, with the test set's AUROC before and after when the
// data set has labels; the MeDS screen ranks every training image of the product. The actions (Remove
// flagged, Recapture, Restore) are the Workbench's: the panel only asks for them and shows the outcome.
#pragma once
#include <QFutureWatcher>
#include <QHash>
#include <QImage>
#include <QSet>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include "ui/EngineResults.h"

class QBoxLayout;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSettings;
class QSplitter;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace pb::ui {

class ReferencePatchView;
class ThumbnailCache;

class PurificationPanel : public QWidget {
    Q_OBJECT
public:
    // Item data of the reference list.
    static constexpr int PathRole = Qt::UserRole + 1;
    static constexpr int FlaggedRole = Qt::UserRole + 2;
    static constexpr int ScoreRole = Qt::UserRole + 3;  // the audit score; NaN without an audit
    static constexpr int AuditIndexRole = Qt::UserRole + 4;  // index into the audit's images; -1 without
    static constexpr int ExcludedRole = Qt::UserRole + 5;  // out of the reference set now
    enum ScreenColumns { ScreenRankColumn, ScreenImageColumn, ScreenScoreColumn, ScreenFlagColumn, ScreenColumnCount };

    explicit PurificationPanel(QWidget* parent = nullptr);
    ~PurificationPanel() override;

    purify::AuditRule auditRule() const;
    purify::PatchScoreMethod patchMethod() const;

    // The current product: another one clears what the panel shows.
    void setProduct(const QString& product);
    // The Workbench's reference set of the product: its size and what the actions changed.
    void setReferenceSet(int references, int removed, int added, int unused);
    // The images in the reference set now: the others in the list (removed by an action) are washed out.
    void setReferencePaths(const QStringList& paths);
    void setAudit(const ReferenceAuditPtr& audit);
    // Paints the removed patches on the references, highest score first (animated unless `animate` is false).
    void setPurification(const PatchPurificationPtr& purification, bool animate = true);
    // The test-set comparison of the purification shown, or a note in its place (being computed, no labels).
    void setPurifiedAuroc(const PurifiedAurocPtr& auroc);
    void setAurocNote(const QString& note);
    PurifiedAurocPtr purifiedAuroc() const { return auroc_; }
    void setScreen(const TrainingScreenPtr& screen);
    void setMessage(const QString& message);  // what an action did, or why it could not

    // Engine work of the panel's kinds: a progress bar and Cancel while any runs.
    void setRunning(RequestKind kind, bool running, const QString& outcome = QString(), bool succeeded = true);
    void onProgress(RequestKind kind, const QString& stage, qint64 done, qint64 total);
    bool isRunning() const { return !running_.isEmpty(); }

    ReferenceAuditPtr audit() const { return audit_; }
    PatchPurificationPtr purification() const { return purification_; }
    TrainingScreenPtr screen() const { return screen_; }
    // Removed patches painted so far and in all; finishAnimation() paints the rest at once.
    int shownRemovedPatches() const { return shown_; }
    int removedPatches() const { return order_.size(); }
    bool animating() const;
    void finishAnimation();
    // The reference shown in the detail view (its path), and the captions of its neighbour crops.
    QString detailPath() const { return detailPath_; }
    QStringList neighbourCaptions() const;

    QListWidget* referenceList() const { return list_; }
    QTableWidget* screenTable() const { return screenTable_; }
    QTabWidget* tabs() const { return tabs_; }
    QCustomPlot* chart() const { return chart_; }
    ReferencePatchView* detailView() const { return view_; }
    QLabel* summaryLabel() const { return summary_; }
    QLabel* purificationLabel() const { return purificationText_; }
    QLabel* reasonLabel() const { return reason_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* referenceSetLabel() const { return referenceSet_; }
    QLabel* screenSummaryLabel() const { return screenSummary_; }
    QComboBox* scoreBox() const { return score_; }
    QDoubleSpinBox* kSpin() const { return k_; }
    QComboBox* methodBox() const { return method_; }
    QPushButton* auditButton() const { return auditButton_; }
    QPushButton* purifyButton() const { return purify_; }
    QPushButton* removeButton() const { return remove_; }
    QPushButton* recaptureButton() const { return recapture_; }
    QPushButton* restoreButton() const { return restore_; }
    QPushButton* screenButton() const { return screenButton_; }
    QPushButton* cancelButton() const { return cancel_; }
    QSplitter* splitter() const { return splitter_; }

    void loadSettings(QSettings& settings);
    void saveSettings(QSettings& settings) const;

signals:
    void auditRequested();
    void auditRuleChanged();
    void purifyRequested();
    void removeFlaggedRequested();
    void recaptureRequested();
    void restoreRequested();
    void screenRequested();
    void cancelRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // What the background decoder returns for the detail view.
    struct Detail {
        QString path;
        int gridHeight = 0, gridWidth = 0;
        QImage image;  // reduced for the screen
        QVector<QImage> crops;  // the worst patch, then its neighbours, with one cell of context
        QString error;
    };
    struct DetailRequest {
        QString path;
        int gridHeight = 0, gridWidth = 0;
        QVector<QPair<QString, QPoint>> cells;  // (image path, (column, row)) of each crop
    };

    void fillList();
    void updateItem(QListWidgetItem* item);
    QPixmap itemIcon(const QListWidgetItem* item);
    void setItemIcon(QListWidgetItem* item);
    void arrangeDetail(bool side);
    void plotAudit();
    void updateActions();
    void showReference(QListWidgetItem* item);
    void showScreened(int row);
    void requestDetail(const DetailRequest& request);
    void applyDetail(const Detail& detail);
    static Detail decodeDetail(const DetailRequest& request);
    void animateStep();
    QVector<int> removedOf(const QString& path) const;
    bool outOfSet(const QString& path) const;
    void updatePurificationText();

    QComboBox* score_;
    QDoubleSpinBox* k_;
    QComboBox* method_;
    QPushButton* auditButton_;
    QPushButton* purify_;
    QPushButton* remove_;
    QPushButton* recapture_;
    QPushButton* restore_;
    QPushButton* screenButton_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* status_;
    QLabel* referenceSet_;
    QLabel* summary_;
    QLabel* purificationText_;
    QLabel* reason_;
    QLabel* neighboursTitle_;
    QWidget* neighbours_;
    QVector<QLabel*> crops_;
    QVector<QLabel*> captions_;
    QVector<QWidget*> cells_;  // a crop with its caption
    QGridLayout* cropGrid_;
    QScrollArea* neighboursScroll_;
    QWidget* detail_;
    QBoxLayout* detailBody_;
    bool detailSide_ = false;
    QListWidget* list_;
    QTableWidget* screenTable_;
    QLabel* screenSummary_;
    QTabWidget* tabs_;
    QCustomPlot* chart_;
    ReferencePatchView* view_;
    QSplitter* splitter_;
    ThumbnailCache* thumbnails_;
    QTimer* animation_;
    QFutureWatcher<Detail>* detailWatcher_;

    QString product_;
    ReferenceAuditPtr audit_;
    PatchPurificationPtr purification_;
    TrainingScreenPtr screen_;
    QSet<QString> referencePaths_;
    QSet<int> running_;  // RequestKind values
    PurifiedAurocPtr auroc_;
    QString aurocNote_;
    int edited_ = 0;  // images removed or recaptured: Restore has work

    // The animation: removed patches (indices into the purification's scores), highest score first.
    QVector<int> order_;
    int shown_ = 0;
    QHash<QString, QVector<int>> removedByPath_;  // patches painted so far, per reference

    QString detailPath_;
    DetailRequest pendingDetail_;  // asked for while another decode ran
    bool detailQueued_ = false;
    QStringList captionTexts_;
};

}  // namespace pb::ui
