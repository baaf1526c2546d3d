<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>main</name>
    <message>
        <source>Industrial visual anomaly detection workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set folder to open (optional).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::AboutDialog</name>
    <message>
        <source>About PatchBank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;PatchBank %1&lt;/h2&gt;&lt;p&gt;A workbench for industrial visual anomaly detection with patch-feature memory banks: frozen backbone features, per-product banks, kNN anomaly maps and the standard metrics.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%1 (built with %2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FAISS&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCustomPlot&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::DatasetPanel</name>
    <message>
        <source>Data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (layout: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unlabelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::EngineController</name>
    <message>
        <source>Opening the data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the backbone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring the test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring dropped images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave-one-out scores</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::EnginePanel</name>
    <message>
        <source>Feature cache: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature cache: %1 entries, %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model.safetensors or TorchScript file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the weights file; it is checked by loading the backbone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95th percentile of patches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of the top 10 patches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean of the top 1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the backbone and the kNN search run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No GPU is visible to LibTorch on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use only the first N training images (sorted by name); 0 = all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cache features on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extract the features of the product&apos;s training images into a memory bank (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score every test image of the product against its bank (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bank yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k neighbours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a product in the data set tree or the image browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose backbone weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pt *.pth *.ts);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backbone needs no weights file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the weights file of this backbone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet: it is loaded when the bank is built.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Loaded %1 (one patch per %2 px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the backbone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank of &lt;b&gt;%1&lt;/b&gt;: %2 training images, %3 patches × %4 dimensions (%5), %6, built in %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · about %1 left in this stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::EngineWorker</name>
    <message>
        <source>out of memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::HistogramPanel</name>
    <message>
        <source>F1-optimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold with the best F1 over the labelled test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal-only p99 (leave-one-out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>99th percentile of the training images&apos; scores, each scored against the bank without its own patches. Needs no defective images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a scored test set with normal and anomalous images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a bank and score the test set to see the metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — image AUROC &lt;b&gt;%2&lt;/b&gt; · AP &lt;b&gt;%3&lt;/b&gt; · F1-max &lt;b&gt;%4&lt;/b&gt; · pixel AUROC &lt;b&gt;%5&lt;/b&gt; · AUPRO&lt;sub&gt;30%&lt;/sub&gt; &lt;b&gt;%6&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing leave-one-out scores…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1: %2 of %3 images flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · precision %1 · recall %2 · F1 %3 · false alarms %4 of %5 normal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::ImageBrowser</name>
    <message>
        <source>All splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anomalous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only images whose score is at least this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score ≥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All defects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::InspectionListPanel</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — score %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anomalous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
bank: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::InspectionPanel</name>
    <message>
        <source>anomalous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the heatmap overlay (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heatmap opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour map of the heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixel threshold: pixels at or above it form the predicted defect regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outline the ground-truth defect regions in green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outline the regions at or above the pixel threshold in red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixel threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the cursor over a scored image to compare it with the bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an image in the browser, or drop image files on the window to score them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the cursor over the image to compare it with the bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This image has not been scored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground truth: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground truth: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 ≥ %2: ANOMALOUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 &lt; %2: NORMAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3×%4 px · product %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1, column %2
patch score %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::MainWindow</name>
    <message>
        <source>PatchBank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a data set folder (Ctrl+O) or drop one on the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspection list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave-one-out scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the bank of %1 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting maps: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map export cancelled after %1 images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the maps of %1 images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo data set could not be generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open data set folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a data set: MVTec AD, VisA, BTAD, MVTec LOCO or a plain folder of images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the embedded synthetic data set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Build bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the memory bank of the current product from its training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Score test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score the test images of the current product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running engine work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the next image of the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the previous image of the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle heatmap &amp;overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom o&amp;ut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One image pixel per screen pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste images to score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score the images (or image files) on the clipboard against the current bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to &amp;inspection list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the image in view in the inspection list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export current &amp;heatmap, overlay and mask (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the maps of the image in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;metrics and scores (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write metrics.csv and scores.csv of the current product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;histogram (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the score histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;all maps of the product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the heatmap, overlay and mask of every scored test image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About PatchBank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions and libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close PatchBank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open data set folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the maps of this image to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export metrics.csv and scores.csv to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export every map of the product to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time PatchBank starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backbone loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank: %1 (%2 patches)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank of %1 built from %2 images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the demo data set in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PatchBank — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 products, %3 images, %4 problems (layout: %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a data set and select a product first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 scored: %2 images, image AUROC %3, pixel AUROC %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) scored against the bank of %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot score the images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a bank first: the images are scored against it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Scoring %n image(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Only scored images can be added to the inspection list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to the inspection list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a data set folder, or image files to score them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image in view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score the test set of the product first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote metrics.csv and scores.csv to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the maps of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::NearestPatchView</name>
    <message>
        <source>&lt;b&gt;Under the cursor&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Nearest normal patch&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the cursor over a scored image to compare it with the bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
row %2, column %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::SampleListModel</name>
    <message>
        <source>Split: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(anomalous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(normal)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::ScoreHistogram</name>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anomalous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train (leave-one-out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the dashed line to move the image threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
