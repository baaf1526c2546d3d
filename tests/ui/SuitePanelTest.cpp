// The "Reproduce paper" panel driven as a user would, offscreen: the small demo suite
// (tests/data/suites/demo.json, descriptor features: no weights) over a generated demo data set,
// queued, paused, resumed, cancelled, closed mid-run and resumed in the next session, exported,
// and its inputs checked. Asserts on the widgets and on the results logs the runs write.
#include <qcustomplot.h>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest/QtTest>

#include <set>
#include <tuple>

#include "GuiTestSupport.h"
#include "engine/suite/ResultsLog.h"
#include "engine/suite/SuiteSummary.h"
#include "engine/suite/SuiteFile.h"
#include "engine/synth/DemoDatasetGenerator.h"
#include "engine/util/BlasKernel.h"
#include "ui/EngineController.h"
#include "ui/MainWindow.h"
#include "ui/SuitePanel.h"
#include "ui/SuiteQueue.h"

using namespace pb::ui;
using pb::ui::test::StallMeter;

namespace {

constexpr int kEngineWaitMs = 120000;
constexpr qint64 kMaxStallMs = 250;

QString demoSuite() {
    return QDir(QStringLiteral(PATCHBANK_SOURCE_DIR)).filePath(QStringLiteral("tests/data/suites/demo.json"));
}

std::vector<std::string> logCells(const QString& log) {
    std::vector<std::string> cells;
    for (const auto& row : pb::suite::ResultsLog::read(log.toStdString()))
        cells.push_back(row["cell"].get<std::string>());
    return cells;
}

// Every row whole (the file ends with a newline, nothing to cut), each cell once, each one of the suite's.
bool logIntact(const QString& log, const pb::suite::Suite& suite, QString* why) {
    QFile f(log);
    if (!f.open(QIODevice::ReadOnly)) return *why = QStringLiteral("cannot read ") + log, false;
    const QByteArray text = f.readAll();
    if (!text.isEmpty() && !text.endsWith('\n')) return *why = QStringLiteral("a torn last line"), false;
    pb::suite::ResultsLog reopened(log.toStdString());
    if (reopened.repairedBytes() != 0) return *why = QStringLiteral("repaired on open"), false;
    const std::vector<std::string> cells = logCells(log);
    const std::set<std::string> unique(cells.begin(), cells.end());
    if (unique.size() != cells.size()) return *why = QStringLiteral("a cell twice"), false;
    const auto ids = suite.cellIds();
    const std::set<std::string> known(ids.begin(), ids.end());
    for (const auto& c : cells)
        if (!known.count(c))
            return *why = QStringLiteral("a cell not in the suite: ") + QString::fromStdString(c), false;
    return true;
}

std::set<std::string> cellsInState(const SuiteQueue::Run& run, SuiteQueue::CellState state) {
    std::set<std::string> out;
    for (std::size_t i = 0; i < run.cells.size(); ++i)
        if (run.cells[i].state == state) out.insert(run.request.suite->cells[i].id);
    return out;
}

int modelRowsInState(QTableView* view, const QString& state) {
    int n = 0;
    for (int r = 0; r < view->model()->rowCount(); ++r)
        if (view->model()->index(r, SuitePanel::CellStateColumn).data().toString() == state) ++n;
    return n;
}

QDockWidget* dockOf(QWidget* panel) {
    for (QWidget* w = panel; w; w = w->parentWidget())
        if (auto* dock = qobject_cast<QDockWidget*>(w)) return dock;
    return nullptr;
}

}  // namespace

class SuitePanelTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void inputErrors();
    void queuePauseResume();
    void cancelKeepsLog();
    void closeAndResume();
    void failedCell();
    void engineCancelPauses();
    void exportAll();
    void screenshots();

private:
    // The window with the demo data set open and the panel on the demo suite, the log at `log`.
    std::unique_ptr<MainWindow> prepare(const QString& log);
    // Queues the panel's run and waits until it is done; its id (0 on failure).
    int runToEnd(MainWindow& w);

    QTemporaryDir tmp_;
    QString demo_;
    std::shared_ptr<const pb::suite::Suite> suite_;
    int cells_ = 0;  // of the demo suite
};

void SuitePanelTest::initTestCase() {
    QVERIFY(tmp_.isValid());
    pb::ui::test::setUpApplication(QStringLiteral("patchbank-ui-suite-tests"),
                                   tmp_.filePath(QStringLiteral("settings")));
    // The folder's name is the suite's data-set name: the panel offers the open data set for it.
    demo_ = pb::ui::test::generateSmallDemo(tmp_.filePath(QStringLiteral("data/demo")));
    suite_ = std::make_shared<const pb::suite::Suite>(pb::suite::readSuite(demoSuite().toStdString()));
    cells_ = static_cast<int>(suite_->cells.size());
    QVERIFY(cells_ > 10);
}

std::unique_ptr<MainWindow> SuitePanelTest::prepare(const QString& log) {
    auto w = pb::ui::test::showMainWindow();
    if (!pb::ui::test::openDataset(*w, demo_)) return nullptr;
    w->reproduceAction()->trigger();
    SuitePanel* p = w->suitePanel();
    if (!p->isVisible() || !p->openSuiteFile(demoSuite())) return nullptr;
    p->setCacheDir(tmp_.filePath(QStringLiteral("cache")));
    p->setLogPath(log);
    return w;
}

int SuitePanelTest::runToEnd(MainWindow& w) {
    SuiteQueue* q = w.suiteQueue();
    QSignalSpy finished(q, &SuiteQueue::runFinished);
    if (!w.suitePanel()->addToQueue()) return 0;
    const int id = q->runs().last();
    if (!QTest::qWaitFor([&] { return q->run(id) && q->run(id)->state == SuiteQueue::RunState::Done; }, kEngineWaitMs))
        return 0;
    return id;
}

void SuitePanelTest::inputErrors() {
    auto w = pb::ui::test::showMainWindow();
    SuitePanel* p = w->suitePanel();
    QDockWidget* dock = dockOf(p);
    QVERIFY(dock);
    QVERIFY(w->findChildren<QAction*>().contains(dock->toggleViewAction()));
    w->reproduceAction()->trigger();
    QVERIFY(p->isVisible());

    // A file that is not a suite: the engine's reason, in the panel.
    const QString broken = tmp_.filePath(QStringLiteral("broken.json"));
    {
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"suite\": \"x\", \"experiments\": [{\"name\": \"e\"}]}");
    }
    QVERIFY(!p->openSuiteFile(broken));
    QVERIFY(p->suiteError()->isVisibleTo(p));
    QVERIFY2(p->suiteError()->text().contains(QStringLiteral("broken.json")) &&
                 p->suiteError()->text().contains(QStringLiteral("missing")),
             qPrintable(p->suiteError()->text()));

    // The demo suite: one data set (no folder: the demo is not open), one backbone that needs no weights.
    QVERIFY(p->openSuiteFile(demoSuite()));
    QVERIFY(!p->suiteError()->isVisibleTo(p));
    QVERIFY(p->suiteInfo()->text().contains(QStringLiteral("%1 cell(s)").arg(cells_)));
    QVERIFY(p->datasetEdit(QStringLiteral("demo")));
    QVERIFY(p->datasetEdit(QStringLiteral("demo"))->text().isEmpty());
    QVERIFY(p->weightsEdit(QStringLiteral("descriptors")));
    QVERIFY(!p->weightsEdit(QStringLiteral("descriptors"))->isEnabled());
    QVERIFY(p->logEdit()->text().endsWith(QStringLiteral("suites/demo-test.jsonl")));

    // Nothing queued while a folder is missing or wrong; each field says why.
    QVERIFY(!p->addToQueue());
    QVERIFY2(p->addError()->text().contains(QStringLiteral("demo has no folder")), qPrintable(p->addError()->text()));
    QVERIFY(p->datasetNote(QStringLiteral("demo"))->text().contains(QStringLiteral("Give the folder")));
    p->setDatasetFolder(QStringLiteral("demo"), tmp_.filePath(QStringLiteral("nowhere")));
    QVERIFY(p->datasetNote(QStringLiteral("demo"))->text().startsWith(QStringLiteral("No folder")));
    QVERIFY(!p->addToQueue());
    QVERIFY(p->addError()->text().contains(QStringLiteral("does not exist")));
    QVERIFY(w->suiteQueue()->runs().isEmpty());

    // Opening the demo data set offers its folder for the data-set name "demo", beside the error.
    QVERIFY(pb::ui::test::openDataset(*w, demo_));
    QLabel* note = p->datasetNote(QStringLiteral("demo"));
    QVERIFY2(note->text().startsWith(QStringLiteral("No folder")) && note->text().contains(QStringLiteral(">use ")),
             qPrintable(note->text()));
    p->datasetEdit(QStringLiteral("demo"))->clear();
    QVERIFY2(note->text().startsWith(QStringLiteral("The open data set")), qPrintable(note->text()));
    emit p->datasetNote(QStringLiteral("demo"))->linkActivated(QStringLiteral("use"));
    QCOMPARE(p->datasetEdit(QStringLiteral("demo"))->text(), demo_);
    QVERIFY(!p->datasetNote(QStringLiteral("demo"))->isVisibleTo(p));

    // A suite with a backbone that takes weights: without a file it says random weights are used.
    const QString cnn = tmp_.filePath(QStringLiteral("cnn.json"));
    {
        QFile f(cnn);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"suite": "cnn", "experiments": [{"name": "c", "kind": "compression", "products": ["demo/wood"],
                 "features": {"backbone": "resnet18"}, "grid": {"bank": ["flat"]}}]})");
    }
    QVERIFY(p->openSuiteFile(cnn));
    QLineEdit* weights = p->weightsEdit(QStringLiteral("resnet18"));
    QVERIFY(weights && weights->isEnabled());
    QVERIFY(p->weightsNote(QStringLiteral("resnet18"))->text().contains(QStringLiteral("random weights")));
    weights->setText(tmp_.filePath(QStringLiteral("missing.safetensors")));
    QVERIFY(p->weightsNote(QStringLiteral("resnet18"))->text().startsWith(QStringLiteral("No file")));
    QCOMPARE(p->datasetEdit(QStringLiteral("demo"))->text(), demo_);  // remembered per data-set name
    QVERIFY(!p->addToQueue());
    QVERIFY(p->addError()->text().contains(QStringLiteral("weights of resnet18")));
    weights->clear();

    // A log that is a folder, then one another queued run writes.
    QVERIFY(p->openSuiteFile(demoSuite()));
    p->setLogPath(tmp_.path());
    QVERIFY(!p->addToQueue());
    QVERIFY(p->addError()->text().contains(QStringLiteral("is a folder")));
    const QString log = tmp_.filePath(QStringLiteral("errors.jsonl"));
    p->setLogPath(log);
    w->suiteQueue()->pause();  // nothing needs to run here
    QVERIFY(p->addToQueue());
    QCOMPARE(w->suiteQueue()->runs().size(), 1);
    QVERIFY(p->addError()->text().contains(QStringLiteral("paused")));
    QVERIFY(!p->addToQueue());
    QVERIFY2(p->addError()->text().contains(QStringLiteral("writes")), qPrintable(p->addError()->text()));
    QCOMPARE(w->suiteQueue()->runs().size(), 1);
    p->cancelButton()->click();
    QVERIFY(w->suiteQueue()->runs().isEmpty());
    QVERIFY(w->close());

    // The folder, the log and the suite are remembered.
    auto again = pb::ui::test::showMainWindow();
    QCOMPARE(again->suitePanel()->suiteFile(), QFileInfo(demoSuite()).absoluteFilePath());
    QCOMPARE(again->suitePanel()->datasetEdit(QStringLiteral("demo"))->text(), demo_);
    QCOMPARE(again->suitePanel()->logEdit()->text(), log);
    QVERIFY(again->suiteQueue()->runs().isEmpty());
    QVERIFY(again->close());

    // The panel speaks Spanish and German as well.
    for (const auto& [code, add, title] :
         {std::tuple{QStringLiteral("es"), QStringLiteral("Añadir a la cola"), QStringLiteral("Reproducir artículo")},
          std::tuple{QStringLiteral("de"), QStringLiteral("Zur Warteschlange hinzufügen"),
                     QStringLiteral("Paper reproduzieren")}}) {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/patchbank_%1.qm").arg(code)));
        QCOMPARE(translator.translate("pb::ui::SuitePanel", "Add to queue"), add);
        QCOMPARE(translator.translate("pb::ui::MainWindow", "Reproduce paper"), title);
        QVERIFY(
            !translator
                 .translate("pb::ui::SuiteQueue", "%n cell(s) failed; queue the suite again to retry them.", nullptr, 2)
                 .isEmpty());
    }
}

void SuitePanelTest::queuePauseResume() {
    const QString log = tmp_.filePath(QStringLiteral("pause.jsonl"));
    auto w = prepare(log);
    QVERIFY(w);
    SuitePanel* p = w->suitePanel();
    SuiteQueue* q = w->suiteQueue();
    QCOMPARE(p->datasetEdit(QStringLiteral("demo"))->text(), demo_);  // the open data set, by its name
    QVERIFY(p->logNote()->text().contains(QStringLiteral("new log")));

    QSignalSpy finished(q, &SuiteQueue::cellFinished);
    StallMeter meter;
    meter.start();
    QTest::mouseClick(p->addButton(), Qt::LeftButton);
    QCOMPARE(q->runs().size(), 1);
    const int id = q->runs().front();
    QCOMPARE(p->cellView()->model()->rowCount(), cells_);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 3, kEngineWaitMs);
    meter.stop();
    QVERIFY2(meter.maxGapMs() < kMaxStallMs, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(meter.maxGapMs())));

    // Pause: the cell running finishes, no other starts, and the log holds exactly the cells shown done.
    QVERIFY(p->pauseButton()->isEnabled());
    QTest::mouseClick(p->pauseButton(), Qt::LeftButton);
    QVERIFY(!p->pauseButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(q->run(id)->state == SuiteQueue::RunState::Paused, kEngineWaitMs);
    QVERIFY(!q->isBusy());
    QVERIFY(!w->controller()->isPending(RequestKind::RunSuiteCell));
    const int done = static_cast<int>(finished.size());
    QVERIFY(done < cells_);
    QVERIFY(!QTest::qWaitFor([&] { return finished.size() > done || q->isBusy(); }, 1000));
    const std::vector<std::string> logged = logCells(log);
    QCOMPARE(static_cast<int>(logged.size()), done);
    QCOMPARE(std::set<std::string>(logged.begin(), logged.end()),
             cellsInState(*q->run(id), SuiteQueue::CellState::Done));
    QCOMPARE(modelRowsInState(p->cellView(), QStringLiteral("done")), done);
    QCOMPARE(modelRowsInState(p->cellView(), QStringLiteral("running")), 0);
    QVERIFY(p->resumeButton()->isEnabled());
    QVERIFY2(p->statusLabel()->text().contains(QStringLiteral("paused")), qPrintable(p->statusLabel()->text()));
    QVERIFY(p->queueView()->topLevelItem(0)->text(2).startsWith(QStringLiteral("paused")));
    QVERIFY(p->overallLabel()->text().contains(QStringLiteral("%1 of %2 cells done").arg(done).arg(cells_)));
    QCOMPARE(p->overallProgress()->value(), done);

    // Resume: on from the log to the end; every cell once.
    QTest::mouseClick(p->resumeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(q->run(id)->state == SuiteQueue::RunState::Done, kEngineWaitMs);
    QString why;
    QVERIFY2(logIntact(log, *suite_, &why), qPrintable(why));
    QCOMPARE(logCells(log).size(), std::size_t(cells_));
    QCOMPARE(finished.size(), cells_);
    QCOMPARE(modelRowsInState(p->cellView(), QStringLiteral("done")), cells_);
    QVERIFY(p->overallLabel()->text().contains(QStringLiteral("%1 of %1 cells done").arg(cells_)));
    QVERIFY(p->queueView()->topLevelItem(0)->text(2).startsWith(QStringLiteral("done")));
    QVERIFY(!p->pauseButton()->isEnabled());
    QCOMPARE(p->cancelButton()->text(), QStringLiteral("Remove"));

    // The suite's tables fill their tabs, the caption above each; the figures are listed and drawn. The
    // summary of the whole log follows the last cell (summaries are spaced out while cells finish fast).
    QTRY_VERIFY_WITH_TIMEOUT(q->run(id)->snapshot && q->run(id)->snapshot->rows == static_cast<std::size_t>(cells_), 30000);
    for (const char* name : {"few-shot_summary", "compression_by_bank", "compression_by_product"})
        QVERIFY2(
            p->tableView(QString::fromLatin1(name)) && p->tableView(QString::fromLatin1(name))->model()->rowCount() > 0,
            name);
    QCOMPARE(p->tableView(QStringLiteral("compression_by_bank"))->model()->rowCount(), 3);
    QCOMPARE(p->tableView(QStringLiteral("few-shot_summary"))->model()->rowCount(), 4);
    QCOMPARE(p->tableView(QStringLiteral("compression_by_bank"))->model()->headerData(1, Qt::Horizontal).toString(),
             QStringLiteral("bank"));
    const auto tables = pb::suite::summariseSuite(*suite_, pb::suite::ResultsLog::read(log.toStdString()));
    QCOMPARE(p->resultTabs()->count(), 2 + static_cast<int>(tables.size()));  // Cells, the tables, Figures
    QVERIFY(!p->resultTabs()->widget(2)->findChild<QLabel*>(QStringLiteral("suiteTableCaption"))->text().isEmpty());
    QVERIFY(p->figureList()->count() >= 2);
    QVERIFY(p->figureList()->currentItem());
    QVERIFY(p->figurePlot()->graphCount() > 0);
    QVERIFY(p->exportButton()->isEnabled());
}

void SuitePanelTest::cancelKeepsLog() {
    const QString first = tmp_.filePath(QStringLiteral("cancel-first.jsonl"));
    const QString second = tmp_.filePath(QStringLiteral("cancel-second.jsonl"));
    auto w = prepare(first);
    QVERIFY(w);
    SuitePanel* p = w->suitePanel();
    SuiteQueue* q = w->suiteQueue();
    QVERIFY(p->addToQueue());
    // The second run reads no feature cache, so its cells take their time.
    p->setCacheDir(QString());
    p->setLogPath(second);
    QVERIFY(p->addToQueue());
    QCOMPARE(q->runs().size(), 2);
    const int id1 = q->runs()[0], id2 = q->runs()[1];
    QCOMPARE(p->queueView()->topLevelItem(1)->text(2), QStringLiteral("waiting, 0 / %1").arg(cells_));

    // Runs go one after the other: the second starts once the first is done.
    QSignalSpy finished(q, &SuiteQueue::cellFinished);
    QSignalSpy progress(q, &SuiteQueue::cellProgress);
    QTRY_VERIFY_WITH_TIMEOUT(q->run(id2)->state == SuiteQueue::RunState::Running, kEngineWaitMs);
    QCOMPARE(q->run(id1)->state, SuiteQueue::RunState::Done);
    const auto ofSecond = [&](const QSignalSpy& spy) {
        int n = 0;
        for (const auto& args : spy) n += args.at(0).toInt() == id2 ? 1 : 0;
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(ofSecond(finished) >= 2, kEngineWaitMs);
    // Mid-cell: a progress step of the second run's running cell after its second cell.
    progress.clear();
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(progress.begin(), progress.end(),
                    [&](const QList<QVariant>& a) { return a.at(0).toInt() == id2 && a.at(1).toInt() >= 0; }) &&
            q->run(id2)->running >= 0,
        kEngineWaitMs);
    p->queueView()->setCurrentItem(p->queueView()->topLevelItem(1));
    QCOMPARE(p->cancelButton()->text(), QStringLiteral("Cancel run"));
    QSignalSpy cancelled(w->controller(), &EngineController::cancelled);
    const int running = q->run(id2)->running;
    QTest::mouseClick(p->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!q->run(id2), kEngineWaitMs);
    QVERIFY(!q->isBusy());
    QCOMPARE(q->runs().size(), 1);  // the first, done, stays listed

    // The log keeps the cells done, whole; the cancelled cell is not among them.
    QString why;
    QVERIFY2(logIntact(second, *suite_, &why), qPrintable(why));
    const std::vector<std::string> logged = logCells(second);
    QCOMPARE(static_cast<int>(logged.size()), ofSecond(finished));
    QVERIFY(logged.size() < static_cast<std::size_t>(cells_));
    if (!cancelled.isEmpty()) {
        const std::string cell = suite_->cells[static_cast<std::size_t>(running)].id;
        QVERIFY(std::find(logged.begin(), logged.end(), cell) == logged.end());
    }
    qInfo("cancelled after %d cells of the second run (%s)", static_cast<int>(logged.size()),
          cancelled.isEmpty() ? "the cell had just finished" : "mid-cell");

    // Queued again on the same log, it goes on from there and never runs a cell twice.
    QVERIFY(p->addToQueue());
    const int id3 = q->runs().last();
    QTRY_VERIFY_WITH_TIMEOUT(q->run(id3)->state == SuiteQueue::RunState::Done, kEngineWaitMs);
    QVERIFY2(logIntact(second, *suite_, &why), qPrintable(why));
    QCOMPARE(logCells(second).size(), std::size_t(cells_));
    QCOMPARE(q->run(id3)->cellsRun, cells_ - static_cast<int>(logged.size()));
}

void SuitePanelTest::closeAndResume() {
    const QString log = tmp_.filePath(QStringLiteral("closed.jsonl"));
    std::size_t before = 0;
    {
        auto w = prepare(log);
        QVERIFY(w);
        QSignalSpy finished(w->suiteQueue(), &SuiteQueue::cellFinished);
        QVERIFY(w->suitePanel()->addToQueue());
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, kEngineWaitMs);
        // Closing mid-run stops the cell in flight; the log keeps what was done.
        QVERIFY(w->close());
        before = logCells(log).size();
        QVERIFY(before >= 2 && before < cells_);
    }
    QString why;
    QVERIFY2(logIntact(log, *suite_, &why), qPrintable(why));

    // The next session has the run back, paused, with the cells of its log shown done.
    auto w = pb::ui::test::showMainWindow();
    SuitePanel* p = w->suitePanel();
    SuiteQueue* q = w->suiteQueue();
    QCOMPARE(q->runs().size(), 1);
    const int id = q->runs().front();
    QCOMPARE(q->run(id)->state, SuiteQueue::RunState::Paused);
    QVERIFY(q->isPaused());
    QVERIFY(p->resumeButton()->isEnabled());
    QCOMPARE(p->queueView()->topLevelItemCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(modelRowsInState(p->cellView(), QStringLiteral("done")), static_cast<int>(before), 30000);
    QVERIFY(!q->isBusy());

    QTest::mouseClick(p->resumeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(q->run(id)->state == SuiteQueue::RunState::Done, kEngineWaitMs);
    QVERIFY2(logIntact(log, *suite_, &why), qPrintable(why));
    QCOMPARE(logCells(log).size(), std::size_t(cells_));
    QCOMPARE(q->run(id)->cellsRun, cells_ - static_cast<int>(before));
    QVERIFY(w->close());
    // A finished run is not kept for the next session.
    auto third = pb::ui::test::showMainWindow();
    QVERIFY(third->suiteQueue()->runs().isEmpty());
    QVERIFY(!third->suiteQueue()->isPaused());
    QVERIFY(third->close());
}

void SuitePanelTest::failedCell() {
    // A product the data set does not have: its cell fails, the others run, the run ends.
    const QString file = tmp_.filePath(QStringLiteral("failing.json"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"suite": "failing", "experiments": [{"name": "c", "kind": "compression",
                 "products": ["demo/nothing", "demo/wood"], "features": {"backbone": "descriptors", "resolution": 128},
                 "grid": {"bank": ["flat", "random:1/8"]}}]})");
    }
    const QString log = tmp_.filePath(QStringLiteral("failing.jsonl"));
    auto w = prepare(log);
    QVERIFY(w);
    SuitePanel* p = w->suitePanel();
    SuiteQueue* q = w->suiteQueue();
    QVERIFY(p->openSuiteFile(file));
    p->setLogPath(log);
    const int id = runToEnd(*w);
    QVERIFY(id);
    const SuiteQueue::Run* r = q->run(id);
    QCOMPARE(r->failed, std::size_t(2));
    QCOMPARE(r->done, std::size_t(2));
    QCOMPARE(logCells(log).size(), std::size_t(2));
    QCOMPARE(modelRowsInState(p->cellView(), QStringLiteral("failed")), 2);
    QCOMPARE(modelRowsInState(p->cellView(), QStringLiteral("done")), 2);
    const QModelIndex failed = p->cellView()->model()->index(0, SuitePanel::CellStateColumn);
    QCOMPARE(failed.data().toString(), QStringLiteral("failed"));
    QVERIFY2(failed.data(Qt::ToolTipRole)
                 .toString()
                 .contains(QStringLiteral("product 'nothing' is not in the data set")),
             qPrintable(failed.data(Qt::ToolTipRole).toString()));
    QVERIFY(p->queueView()->topLevelItem(0)->text(2).contains(QStringLiteral("2 failed")));
    QVERIFY(p->overallLabel()->text().contains(QStringLiteral("2 failed")));
    QVERIFY(r->message.contains(QStringLiteral("queue the suite again")));
    // One failed cell is not an engine failure: no error box.
    QVERIFY(w->lastError().isEmpty());
}

void SuitePanelTest::engineCancelPauses() {
    // The engine panel's Cancel (Esc) stops the cell running; the queue pauses and loses nothing.
    const QString log = tmp_.filePath(QStringLiteral("escape.jsonl"));
    auto w = prepare(log);
    QVERIFY(w);
    SuiteQueue* q = w->suiteQueue();
    QSignalSpy finished(q, &SuiteQueue::cellFinished);
    QVERIFY(w->suitePanel()->addToQueue());
    const int id = q->runs().front();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, kEngineWaitMs);
    // A cancel that arrives as a cell ends finds nothing to stop: cancel while a cell runs until one lands.
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (q->run(id)->state != SuiteQueue::RunState::Running) return true;
            if (q->run(id)->running >= 0) w->cancelEngine();
            return false;
        },
        kEngineWaitMs));
    QCOMPARE(q->run(id)->state, SuiteQueue::RunState::Paused);
    QVERIFY(q->run(id)->message.contains(QStringLiteral("cancelled")));
    QVERIFY(q->isPaused());
    QVERIFY(!q->isBusy());
    QVERIFY(w->suitePanel()->resumeButton()->isEnabled());
    QString why;
    QVERIFY2(logIntact(log, *suite_, &why), qPrintable(why));
    QCOMPARE(static_cast<int>(logCells(log).size()), static_cast<int>(finished.size()));
    QCOMPARE(modelRowsInState(w->suitePanel()->cellView(), QStringLiteral("running")), 0);
    QTest::mouseClick(w->suitePanel()->resumeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(q->run(id)->state == SuiteQueue::RunState::Done, kEngineWaitMs);
    QVERIFY2(logIntact(log, *suite_, &why), qPrintable(why));
    QCOMPARE(logCells(log).size(), std::size_t(cells_));
}

void SuitePanelTest::exportAll() {
    const QString log = tmp_.filePath(QStringLiteral("export.jsonl"));
    auto w = prepare(log);
    QVERIFY(w);
    SuitePanel* p = w->suitePanel();
    QVERIFY(!p->exportButton()->isEnabled());
    QVERIFY(runToEnd(*w));
    QTRY_VERIFY_WITH_TIMEOUT(p->exportButton()->isEnabled() && p->tableView(QStringLiteral("compression_by_bank")),
                             30000);
    const SuiteQueue::Run* run = w->suiteQueue()->run(w->suiteQueue()->runs().front());
    QTRY_COMPARE_WITH_TIMEOUT(run->snapshot->rows, std::size_t(cells_), 30000);

    const QString folder = tmp_.filePath(QStringLiteral("export/all"));
    QString error;
    QVERIFY2(p->exportAll(folder, &error), qPrintable(error));
    const QDir out(folder);
    for (const auto& table : run->snapshot->tables)
        for (const char* ext : {".csv", ".md", ".tex"})
            QVERIFY2(out.exists(QString::fromStdString(table.name) + QString::fromLatin1(ext)),
                     qPrintable(QString::fromStdString(table.name) + QString::fromLatin1(ext)));
    QVERIFY(!run->snapshot->figures.empty());
    for (const auto& figure : run->snapshot->figures) {
        const QString png = out.filePath(QString::fromStdString(figure.name) + QStringLiteral(".png"));
        QVERIFY2(QFileInfo(png).size() > 1000, qPrintable(png));
        QImage image(png);
        QCOMPARE(image.size(), QSize(1000, 650));
        const QString svg = out.filePath(QString::fromStdString(figure.name) + QStringLiteral(".svg"));
        QFile file(svg);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(svg));
        QVERIFY(file.readAll().contains("<svg"));
    }
    QVERIFY(out.exists(QStringLiteral("export.jsonl")));
    QCOMPARE(logCells(out.filePath(QStringLiteral("export.jsonl"))).size(), std::size_t(cells_));
    QVERIFY2(p->exportStatus()->text().startsWith(QStringLiteral("Wrote %1 table(s)").arg(run->snapshot->tables.size())),
             qPrintable(p->exportStatus()->text()));
    QVERIFY(p->exportStatus()->text().contains(QDir::toNativeSeparators(folder)));
    const auto csv = pb::ui::test::readCsv(out.filePath(QStringLiteral("compression_by_bank.csv")));
    QCOMPARE(csv.size(), 4);
    QCOMPARE(csv[1][1], QStringLiteral("flat"));

    // A folder that cannot be made: the reason, in the status line.
    QFile blocker(tmp_.filePath(QStringLiteral("export/file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY(!p->exportAll(tmp_.filePath(QStringLiteral("export/file/sub")), &error));
    QVERIFY(error.contains(QStringLiteral("Cannot create")));
    QCOMPARE(p->exportStatus()->text(), error);
}

void SuitePanelTest::screenshots() {
    const QString dir = pb::ui::test::screenshotDir();
    const QString log = tmp_.filePath(QStringLiteral("screens.jsonl"));
    auto w = prepare(log);
    QVERIFY(w);
    w->resize(1700, 1050);
    w->showSuitePanel();
    SuitePanel* p = w->suitePanel();
    SuiteQueue* q = w->suiteQueue();
    // A larger demo data set and no feature cache: the cells take long enough to be caught mid-way.
    pb::DemoDatasetOptions larger;
    larger.trainPerProduct = 30;
    larger.testGoodPerProduct = 10;
    larger.testDefectPerProduct = 20;
    const QString data = tmp_.filePath(QStringLiteral("large/demo"));
    pb::generateDemoDataset(data.toStdString(), larger);
    p->setDatasetFolder(QStringLiteral("demo"), data);
    p->setCacheDir(QString());
    p->sideTabs()->setCurrentIndex(0);
    QTest::qWait(100);
    QVERIFY(p->grab().save(QDir(dir).filePath(QStringLiteral("suite-panel-new-run.png"))));

    // Grabbed the moment a cell reports a step part-way through, with a few cells done before it and
    // their tables in.
    bool grabbed = false;
    connect(q, &SuiteQueue::cellProgress, this, [&](int id, int index, const QString&, qint64 done, qint64 total) {
        const SuiteQueue::Run* r = q->run(id);
        if (grabbed || !r || index < 0 || r->done < 4 || !r->snapshot || r->snapshot->rows == 0 || total < 2 ||
            done <= 0 || done >= total)
            return;
        grabbed = true;
        QVERIFY(p->grab().save(QDir(dir).filePath(QStringLiteral("suite-panel-mid-run.png"))));
        QVERIFY(w->grab().save(QDir(dir).filePath(QStringLiteral("main-window-suite-mid-run.png"))));
    });
    const int id = runToEnd(*w);
    QVERIFY(id);
    QVERIFY2(grabbed, "no cell reported a step part-way through");
    QString errors;
    for (const auto& cell : q->run(id)->cells) errors += cell.error.isEmpty() ? QString() : cell.error + QStringLiteral("; ");
    QVERIFY2(q->run(id)->failed == 0, qPrintable(errors));
    QTRY_VERIFY_WITH_TIMEOUT(q->run(id)->snapshot && q->run(id)->snapshot->rows == static_cast<std::size_t>(cells_), 30000);

    // A table tab and the figure preview.
    QTabWidget* tabs = p->resultTabs();
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i) == QStringLiteral("few-shot_summary")) tabs->setCurrentIndex(i);
    QTest::qWait(200);
    QVERIFY(p->grab().save(QDir(dir).filePath(QStringLiteral("suite-panel-table.png"))));
    tabs->setCurrentIndex(tabs->count() - 1);
    for (int i = 0; i < p->figureList()->count(); ++i)
        if (p->figureList()->item(i)->data(Qt::UserRole).toString() == QStringLiteral("compression_auroc_vs_budget"))
            p->figureList()->setCurrentRow(i);
    QTest::qWait(200);
    QVERIFY(p->grab().save(QDir(dir).filePath(QStringLiteral("suite-panel-figure.png"))));
    p->figureList()->setCurrentRow(0);
    QTest::qWait(200);
    QVERIFY(p->grab().save(QDir(dir).filePath(QStringLiteral("suite-panel-figure-recovery.png"))));
    qInfo("screenshots saved in %s", qPrintable(dir));
}

int main(int argc, char** argv) {
    pb::selectBlasKernel(argv);
    pb::ui::test::TimingApplication app(argc, argv);
    SuitePanelTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "SuitePanelTest.moc"
