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
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%1 (built with %2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FAISS&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCustomPlot&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BLAS&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::BankPanel</name>
    <message>
        <source>%1 bytes (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>m = %1 does not divide the feature dimension %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IVF-PQ needs at least nlist and 2^nbits training vectors (%1 here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flat: every training patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random subsample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greedy coreset (PatchCore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variance-weighted coreset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-means prototypes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k-means + residual patches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IVF-PQ (product quantisation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the product&apos;s training patches are compressed into its memory bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fraction of the patches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fraction of the training patches, a number of vectors, or megabytes of float32 vectors (MB = MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the random choices (start point, subsample, k-means++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coarse cells (inverted lists)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-quantisers; must divide the feature dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bits per sub-quantiser code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells searched per query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank&apos;s factory string; type one (e.g. coreset:1/16,seed=3) and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add images to bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the patches of more normal images to the bank, compressed the same way, without rebuilding it (or drop images on the window with Shift held)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the bank and the features it was built from to one file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a bank file; it must come from the same backbone, layers and input size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IVF-PQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nbits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nprobe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a product to see the size of its bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring the feature size of the backbone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feature size is not known yet: check the backbone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate&lt;/b&gt; for %1: %2 training images × %3 patches × %4 dimensions = %5 source patches (%6).&lt;br&gt;Bank: %7 vectors, %8, compression %9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bank in use yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 patches of %2 training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 source patches, opened from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n image(s) added</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Bank in use&lt;/b&gt; (%1, &lt;tt&gt;%2&lt;/tt&gt;): %3 vectors × %4 dimensions, %5, compression %6, %7.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::BudgetSweepPanel</name>
    <message>
        <source>IVF-PQ keeps every vector and varies its code size (sub-quantisers m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets of the compressors as fractions of the training patches, e.g. 1/64, 0.05</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixel AUROC too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also measure the pixel AUROC of every point (slower); it goes into the CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a bank per method and budget for the current product and score its test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank size (MB, log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image AUROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right-click to export the sweep as CSV or the chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweeping %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n point(s) from %2 training patches × %3 dimensions (%4), %5 test images, in %6 s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) skipped: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export sweep as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a budget sweep first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
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
    <message>
        <source>Measuring the feature size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding images to the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditing the reference images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring the reference patches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the purified bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening the training folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running a suite cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarising a suite&apos;s results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training the detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring with the detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the model file</source>
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
        <source> MP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (%1 MP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images declaring more pixels than this are refused before they are decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest image</source>
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
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature layers, comma-separated (e.g. layer2,layer3); for a Vision Transformer the block whose tokens are used, counted from the end as in Python (-6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final LayerNorm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the model&apos;s final LayerNorm to the tapped tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2-normalise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale every patch feature to unit length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fp32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bf16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fp16 (GPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arithmetic of the transformer blocks; norms and softmax stay in fp32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square centre crop after the resize (e.g. 448 then 392); none keeps the whole image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre crop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown backbone &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank of &lt;b&gt;%1&lt;/b&gt;: %2 training images, %3 vectors × %4 dimensions (%5, %6), %7, built in %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest bank vectors averaged into a patch score (5 in the papers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale k with the compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count k in the full bank: a compressed bank keeping 1/r of the patches averages max(1, round(k/r)) vectors. Off: every bank averages k (the papers&apos; setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ No weights file: this backbone runs on random weights and its scores mean little. Choose the file, or download one with Tools &gt; Models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1 runs on random weights (no weights file): its scores mean little. Choose the file, or download one with Tools &gt; Models.</source>
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
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From normal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images scoring between T1 and T2 go to a person for review.
From normal data: T1 = p99 of the training images&apos; leave-one-out scores, T2 = their maximum × margin.
From labels: T2 = the F1-optimal threshold, T1 lets at most the chosen share of defects pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escape ≤ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest share of the defective test images allowed to pass as normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>margin × </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T2 = the largest leave-one-out score of the training images × this margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T1 %1 · T2 %2: %3 normal · %4 review · %5 anomalous · %6 defects pass</source>
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
    <message>
        <source>Anomaly map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neighbour product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour the overlay by anomaly score, or (images scored against a shared bank) by the product each patch&apos;s nearest bank vector came from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest neighbour from: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>routed to %1 (margin %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1, column %2, patch score %3
nearest bank vector from product %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (another product)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale: test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale: normal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test set: the colours span every map of the product&apos;s test set.
Normal data: 0 at the median and 1 at the 99.9th percentile of the training patches&apos; leave-one-out scores, the same for every image and run, so heatmaps compare by eye.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 in [%2, %3): REVIEW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1, column %2, patch score %3
reconstruction model: 1 - cosine between the patch&apos;s features and the decoder&apos;s reconstruction of them</source>
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
    <message>
        <source>Memory bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Router</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add normal images to the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank files (*.safetensors);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a bank file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export budget &amp;sweep (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the points of the budget sweep: method, bank size, AUROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export budget sweep &amp;chart (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the AUROC-versus-bank-size chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add images to bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add more normal images to the bank in use without rebuilding it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the bank in use to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open ban&amp;k…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a bank saved earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget s&amp;weep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image AUROC against bank size for every compression method of the current product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hared bank…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several products in one memory bank: pollution, budget allocation and routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download pretrained backbones and use one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the budget sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the budget sweep chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the bank to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Budget sweep of %1: %n point(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Bank: %1 (%2 vectors, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget sweep cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared-bank run was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget sweep failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared-bank run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a data set folder, or image files to score them (Shift: add them to the bank).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Adding %n image(s) to the bank of %1…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Opened the bank of %1 from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank of %1 now holds %2 vectors from %3 images; score again to use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Running a shared bank of %n product(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shared bank of %n product(s): %1 vectors, average wrong-neighbour rate %2 %, routing accuracy %3 %.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Backbone %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference purification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;udit reference images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank the current product&apos;s reference images by how far their patches lie from the other references, and flag the outliers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Audit of %1: %n reference image(s) flagged.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Scoring the test set with every reference patch and with the kept ones…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No AUROC to compare: the test set needs labelled normal and anomalous images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AUROC comparison was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AUROC comparison failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patch purification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patch purification needs at least two reference images of %1; restore the reference set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training folder screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reproduce paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reproduce paper…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run an experiment suite, the tables and figures of a paper, cell by cell in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train detector…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the reconstruction detector on a product, alone or with MeDS, with live curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open detector &amp;model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score the product&apos;s test images with a trained reconstruction model and show its training curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a detector model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model files (*.safetensors);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 scored by the reconstruction model %2: %3 images, image AUROC %4, pixel AUROC %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train detector: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) scored by the detector model of %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pb::ui::ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PatchBank reads the Hugging Face &lt;tt&gt;model.safetensors&lt;/tt&gt; of these backbones directly and ships no weights. A download resumes where it stopped and is checked against the size and SHA-256 the hub announces.</source>
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
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Used by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (gated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder models are kept in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for gated models, e.g. DINOv3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken from HF_TOKEN when left empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps the token in PatchBank&apos;s settings file, in plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>present, not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub page: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gated: log in on the hub page, accept the licence, then enter an access token of that account above (or set HF_TOKEN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 downloaded (%2 MiB) and verified%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> with the SHA-256 the hub announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download cancelled; what arrived is kept and the next download resumes from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 MiB</source>
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
    <message>
        <source>nearest bank vector is a prototype
(no single training patch)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::PurificationPanel</name>
    <message>
        <source>imgmax — worst patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>q99 — 99th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top5 — mean of the top 5 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean — mean of all patches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How an image&apos;s leave-one-out patch scores become its audit score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag images above median + k × 1.4826 × MAD of the audit scores (at most 40 % of them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score every reference image by its patches&apos; distances to the other references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loo — leave-one-out distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loo_cosine — leave-one-out, cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mahalanobis — Ledoit-Wolf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ensemble — loo and Mahalanobis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lof — local outlier factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pca — reconstruction error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outlier score of every reference patch; the patches above its 95th percentile are removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score patches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score the reference patches and show those a patch filter removes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the flagged images out of the reference set and rebuild the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recapture from unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the flagged images by training images the reference set does not use, and rebuild the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the original reference set and rebuild the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen training folder (MeDS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank every training image of the product with the MeDS memory ensemble (100 bootstrap memories of 10 % of the images each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>k (MADs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patch purification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit the references to rank them; flagged images are outlined in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>References, most suspicious first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit scores by rank; flagged references in red, the MAD threshold dashed. Click a bar to show that reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen the whole training folder to rank its images by their MeDS score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MeDS score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>References</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training folder (MeDS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a reference to see its worst patches and their nearest neighbours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit the references of %1 to rank them; flagged images are outlined in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in the bank&apos;s reference set.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 removed, %2 recaptured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unused training image(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replace the flagged images by training images the reference set does not use (%n left), and rebuild the bank</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No training image is left unused: every one is in the reference set or was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n reference(s) audited (%2, k = %3): median %4, MAD %5, threshold %6.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The scores hardly vary (MAD below 1e-12): nothing is flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n flagged&lt;/b&gt; (at most %1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>None flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n training image(s) screened with %2 memories of %3 image(s) each in %4 s: median %5, MAD %6, threshold %7 (median + %8 × MAD).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n suspicious&lt;/b&gt;.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 · %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged: audit score %1 &gt; threshold %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1
%n patch(es) removed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Out of the reference set now (Restore brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reference to show yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is flagged.&lt;/b&gt; Its worst patch (row %2, column %3) is %4 from its nearest other references; audit score %5 &amp;gt; threshold %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; scores %2, above the threshold %3, but the audit flags at most %4 images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is not flagged: audit score %2 ≤ threshold %3. Its worst patch (row %4, column %5) is %6 from its nearest other references.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is out of the reference set now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worst patch
row %1, col %2
score %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
row %2, col %3
distance %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Its worst patch beside its %n nearest patches among the other references:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n patch(es) above the 95th percentile of the %2 scores.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Audit the references to see the nearest patches of the worst one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is suspicious:&lt;/b&gt; MeDS score %2 &amp;gt; threshold %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: MeDS score %2 ≤ threshold %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MeDS compares each patch with bootstrap memories of other training images; the outlined patches are the ones its score averages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 of %3 patches above the 95th percentile (%4) removed, in %5 of %n reference(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Painting them highest score first: %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test-set image AUROC (%1 normal, %2 anomalous): &lt;b&gt;%3&lt;/b&gt; with every patch, &lt;b&gt;%4&lt;/b&gt; with the kept ones (%5).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::RouterPanel</name>
    <message>
        <source>Run a shared bank (Engine &gt; Shared bank…) to see how its images are routed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>True product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrongly routed images are red; click one to inspect it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: the true product; columns: the product the router chose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image AUROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixel AUROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong-neighbour rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median margin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routed correctly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routed wrongly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing margin (second-nearest minus nearest prototype distance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shared-bank run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>routing accuracy %1 (%2 of %3 test images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 products&lt;/b&gt; in one %2 bank (%3 allocator, %4 MB budget): %5 vectors, %6; %7.&lt;br&gt;Router: %8 bytes (%9 prototypes × %10 dimensions), %11. Average wrong-neighbour rate %12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each test image searched in its routed product&apos;s share only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each test image searched in the whole shared bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anomalous (%1)</source>
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
        <source>Routed to %1 instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 test images of %3 routed to %4 (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average</source>
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
        <source>threshold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the dashed line to move the image threshold, the orange lines to move the review band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T1 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T2 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::SharedBankDialog</name>
    <message>
        <source>Shared bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add data-set folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products of another data set can share the bank too; names must differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How every product&apos;s share of the bank is compressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. seed=1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options appended to every share&apos;s bank spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total bank size in MiB of float32 vectors, split over the products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uniform: equal shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proportional to the training patches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oracle (uses the test labels: a reference, not deployable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispersion: mean nearest-neighbour distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complexity: k-means clusters needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route every test image to its product&apos;s share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: every image is searched in the whole shared bank (pollution); the router is evaluated either way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Euclidean (L2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Router metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products that share the bank:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the products of a data-set folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still reading the previous folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n product(s) of %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Check at least one product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product &quot;%1&quot; is checked in two data sets; product names must be unique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feature size is not known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= %1 vectors of dimension %2; the checked products have about %3 training patches%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (every patch fits: no compression)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::SuitePanel</name>
    <message>
        <source>Features: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The experiment suites shipped with PatchBank and the suite files you opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open suite file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data-set folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: a backbone without a weights file runs on random weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results log: one line per finished cell, appended as each cell ends. A run goes on from the cells its log holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the results log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue this suite run; queued runs go one after the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start no further cell; the cell running now finishes and is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on from where the results logs stand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected run now and take it off the queue; its log keeps the cells done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue a run to see its cells, tables and figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the tables (CSV, Markdown, LaTeX), the figures and a copy of the results log into a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell %1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n cell(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot use %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n experiment(s) (%1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>data sets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suite: open a suite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a suite file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suite files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder of the data set %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the weights file of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: random weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs no weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the folder of the data set %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open data set has this name: &lt;a href=&quot;use&quot;&gt;use %1&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No weights file: %1 runs on random weights and its scores mean little.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the results log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; give a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log exists: the run goes on from the cells it holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new log: every finished cell is appended to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a suite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data set %1 has no folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of %1 does not exist: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights of %1 do not exist: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results log %1 is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued; the queue is paused: Resume starts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of the data set %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pt *.pth);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results logs (*.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done, %1, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the run off the list; its results log stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue is paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 cells done, %4 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 cells done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every cell has run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the results log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cell running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue is paused: Resume goes on from where the results logs stand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures fill in as cells finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to export yet: no cell of this run has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the tables, figures and log to</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n table(s) as CSV, Markdown and LaTeX, %1 figure(s) as PNG and SVG and the results log (%2) to %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pb::ui::SuiteQueue</name>
    <message>
        <source>The results log cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a suite first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data set %1 has no folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a results log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A queued run of %1 writes %2 already; give this one another results log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored from the last session: Resume goes on from its results log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing after the cell running now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A torn last line (%n byte(s)) was cut from the results log; its cell runs again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) failed; queue the suite again to retry them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The running cell was cancelled; Resume runs it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A queued run could not be restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::TrainingPanel</name>
    <message>
        <source>reconstruct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distill (stage 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fine-tune (stage 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image AUROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixel AP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUPRO (30 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target MSE (right axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The product of the open data set to train on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: the product&apos;s training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A noisy training list (filename,clsname), as MeDS publishes them: the product&apos;s rows are its training images, defective test images among them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a noisy training list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detector alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detector with MeDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconstruct every training image (as Dinomaly trains)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MeDS: screen the training images with a memory ensemble, distil its maps, then fine-tune on the images each selection round keeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimiser steps (MeDS: of the distillation, stage 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MeDS stage 3: progressive selection and fine-tuning on the images kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training images per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder blocks, split evenly over the backbone&apos;s tapped layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds the initial weights and the order of the batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ensemble members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MeDS stage 1: bootstrap memories of 10 % of the training images each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate on the test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score the product&apos;s test images as training goes: image AUROC, pixel AP and AUPRO show when the detector starts to over-fit (with a noisy list: the test images it does not list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model file (safetensors): written as training goes, so that a stopped run goes on from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the model is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the detector; an unfinished run in the model file goes on from where it stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop training; the model file keeps the run so far and Train goes on from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over (replace the model file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the model file in the way and train from the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score the product&apos;s test images with the model: the inspection view, the histogram and the metrics show its maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the curves and selection rounds a model file records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noisy list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss (log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target MSE (log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss of every iteration appears here as training runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image AUROC, pixel AP and AUPRO on the test split (and MeDS&apos;s target MSE) appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> fine-tune →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of the distilled model&apos;s scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal images among those kept (needs the noisy list&apos;s labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal images kept among all normal ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MeDS&apos;s selection rounds appear here as stage 3 runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distillation iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features (Engine panel): %1, %2 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, crop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, layers %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random weights: its scores mean little</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a data set to read the list against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training images of the product: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training images listed: %1, injected defects among them: %2. Validation on the test images not listed: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the model file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; name the model file inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exists: Train goes on from it when it holds an unfinished run of these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new model file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noisy training list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training lists (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model files (*.safetensors);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a data set first (File &gt; Open data set folder): training uses its images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data set has no product to train on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The noisy list cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has fewer than two training images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1 (%2, %3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed at iteration %1 of %2 from %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 + %2 iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds this finished run; its curves are shown. Change a setting or the model file to train another, or start over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed at iteration %1 and finished %2 iterations in %3; the model is in %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained %1 in %2 iterations (%3); the model is in %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled at iteration %1; %2 keeps the run so far and Train goes on from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before the first iteration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a finished run of %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: an unfinished run of %2 (%3), stopped at iteration %4; Train with the same settings goes on from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its training images are not those of the dock&apos;s settings: the rounds show scores without pictures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1 (%2, %3): iteration %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed at iteration %1; now at iteration %2 of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage 1 screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection rounds (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at iteration %2: kept %3 of %4 below the threshold %5 (w = %6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: the memory ensemble flagged %2 of %3 above %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the %2 injected defects kept; precision %3, recall %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>injected defect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training images of this run are not known here: scores only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 · %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept: score %1 below the threshold %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: score %1 at or above the threshold %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a defect the noisy list injected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::VerdictRule</name>
    <message>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anomalous</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pb::ui::Workbench</name>
    <message>
        <source>Open a data set and select a product first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot score the images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a bank first: the images are scored against it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add images to the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build or open a bank first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the bank</source>
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
        <source>Score the test set of the product first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review band of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit the references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit needs at least two reference images of %1; restore the reference set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit the reference images of %1 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit of %1 flagged no reference image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The flagged images of %1 are already out of its reference set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed %n flagged reference image(s) of %1; rebuilding its bank.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Recapture</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The reference set of %1 already holds its %n original image(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No unused training images of %1 remain: every one is in the reference set or was removed. Use Remove flagged instead, or set a training-image limit in the engine panel to keep some in reserve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n flagged reference image(s) of %1 by unused training images; rebuilding its bank.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n unused image(s) remained.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference set of %1 is already the original one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the original reference set of %1; rebuilding its bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test set of %1 was scored by a reconstruction model; leave-one-out scores need a memory bank. Score the test set with a bank first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a data set first: the model scores its test images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model file first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
