// The inspection area: the image view with its controls (overlay on/off, opacity, colour map,
// pixel threshold, outlines, zoom), the image score and verdict at the image threshold, and the
// nearest normal patch of the pixel under the cursor. Images of a shared multi-product bank can
// instead be coloured by the product of each patch's nearest bank neighbour ("Neighbour product",
// with a legend), which shows memory pollution. Images and full-resolution maps are prepared in the
// background; thresholds, opacity and the overlay mode then change the view without recomputing.
#pragma once
#include <QFutureWatcher>
#include <QImage>
#include <QPainterPath>
#include <QWidget>
#include <opencv2/core.hpp>

#include "engine/image/ColorMap.h"
#include "ui/EngineResults.h"
#include "engine/scoring/HeatmapScale.h"
#include "ui/VerdictRule.h"
#include "ui/MapRenderer.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QToolButton;

namespace pb::ui {

class InspectionView;
class NearestPatchView;

class InspectionPanel : public QWidget {
    Q_OBJECT
public:
    enum class OverlayMode { AnomalyMap, NeighbourProduct };

    explicit InspectionPanel(QWidget* parent = nullptr);

    // Shows one image. With a result (and the index of the image in it) the heatmap, outlines and
    // verdict are shown too; `sample` describes an image that was not scored (may be null).
    void showImage(const QString& path, const Sample* sample, const ScoreResultPtr& result, int index);
    void clear();

    // The colour scale and default pixel threshold of the product now in view.
    void setScale(float low, float high, double pixelThreshold);
    void setImageThreshold(double threshold, const ReviewBand& band = {});
    void setPixelThreshold(double threshold);
    void setOpacity(double opacity);
    void setColorMap(ColorMapName map);
    // Whether the colour scale comes from the test set or from normal data (the window applies it).
    void setHeatmapScale(HeatmapScale scale);
    HeatmapScale heatmapScale() const;
    void setOverlayVisible(bool visible);
    void toggleOverlay();
    // NeighbourProduct applies to images scored against a shared bank; others keep the anomaly map.
    void setOverlayMode(OverlayMode mode);
    OverlayMode overlayMode() const;
    // The neighbour-product overlay of the image in view (ARGB, original size; null when it has none)
    // and the legend text shown with it.
    QImage neighbourImage() const { return frame_.neighbours; }
    bool showsNeighbourProducts() const;
    QString legendText() const;
    QComboBox* overlayModeBox() const { return overlayMode_; }

    double pixelThreshold() const { return pixelThreshold_; }
    double imageThreshold() const { return verdictRule_.threshold; }
    const ReviewBand& reviewBand() const { return verdictRule_.band; }
    double opacity() const;
    ColorMapName colorMap() const { return colorMap_; }
    bool overlayVisible() const;
    QString currentPath() const { return path_; }
    // True once the image last asked for is on screen (it is prepared in the background).
    bool hasFrame() const { return !frame_.rgb.empty() && frame_.serial == serial_; }
    QString verdictText() const;

    bool isScored() const { return hasFrame() && result_ && index_ >= 0 && !frame_.map.empty(); }
    // The view's settings (colour map and scale, opacity, threshold, outlines) for exports.
    RenderSettings renderSettings() const;
    // What the single-image export writes: the shown image at its original resolution.
    RenderedMaps renderCurrent() const;
    const ScoreResultPtr& result() const { return result_; }
    int resultIndex() const { return index_; }

    InspectionView* view() const { return view_; }
    NearestPatchView* nearestView() const { return nearest_; }

signals:
    // The image and its maps are on screen (for the status bar and for tests).
    void imageShown(const QString& path);
    void pixelThresholdChanged(double threshold);
    void loadFailed(const QString& path, const QString& reason);
    void settingsChanged();
    void heatmapScaleChanged(pb::HeatmapScale scale);

private:
    struct Frame {
        quint64 serial = 0;
        QString path;
        QString error;
        cv::Mat rgb;          // original image, RGB
        cv::Mat map;          // anomaly map at the original resolution, CV_32F; empty when not scored
        cv::Mat groundTruth;  // CV_8U 0/1 at the original resolution; empty when there is none
        cv::Mat workMap;      // map reduced to at most kWorkSide for instant thresholding
        double workScale = 1.0;
        QImage image;  // display formats (RGB32): turning them into pixmaps costs no conversion
        QImage heat;
        QPainterPath groundTruthOutline;
        QPainterPath predictedOutline;  // at predictedThreshold
        double predictedThreshold = 0.0;
        QImage neighbours;              // each patch in its nearest neighbour's product colour
        std::vector<double> productShares;  // of the image's patches, per product
    };
    // The patch grid and bank tags of a shared-bank image (empty tags: none).
    struct NeighbourTags {
        std::vector<std::int32_t> tags;
        int gridHeight = 0;
        int gridWidth = 0;
        std::size_t products = 0;
    };
    static Frame prepare(quint64 serial, QString path, Sample sample, cv::Mat inputMap, int frameSide, float low, float high,
                         ColorMapName map, double pixelThreshold, NeighbourTags tags);
    static QImage neighbourOverlay(const NeighbourTags& tags, int inputSide, int frameSide, int width, int height);
    void showOverlay();
    void updateLegend();
    void onFrameReady();
    void updateHeat();
    void updatePredicted();
    void updateVerdict();
    void onHovered(const QPointF& pixel);
    void syncThresholdWidgets();
    bool isScoredIndex() const;

    InspectionView* view_;
    NearestPatchView* nearest_;
    QToolButton* overlayButton_;
    QComboBox* overlayMode_;
    QLabel* legend_;
    QSlider* opacity_;
    QComboBox* colorMapBox_;
    QComboBox* heatmapScaleBox_;
    QSlider* pixelSlider_;
    QDoubleSpinBox* pixelSpin_;
    QCheckBox* showGroundTruth_;
    QCheckBox* showPredicted_;
    QLabel* verdict_;
    QLabel* details_;
    QFutureWatcher<Frame>* watcher_;

    QString path_;
    Sample sample_;
    ScoreResultPtr result_;
    int index_ = -1;
    Frame frame_;
    quint64 serial_ = 0;
    bool loading_ = false;
    bool pendingLoad_ = false;
    float low_ = 0.0f, high_ = 1.0f;
    double pixelThreshold_ = 0.5;
    VerdictRule verdictRule_;
    ColorMapName colorMap_ = ColorMapName::Jet;
    bool syncing_ = false;
};

}  // namespace pb::ui
