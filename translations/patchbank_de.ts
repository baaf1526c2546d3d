<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Industrial visual anomaly detection workbench</source>
        <translation>Werkbank für die visuelle Anomalieerkennung in der Industrie</translation>
    </message>
    <message>
        <source>Data set folder to open (optional).</source>
        <translation>Zu öffnender Datensatzordner (optional).</translation>
    </message>
</context>
<context>
    <name>pb::ui::AboutDialog</name>
    <message>
        <source>About PatchBank</source>
        <translation>Über PatchBank</translation>
    </message>
    <message>
        <source>&lt;h2&gt;PatchBank %1&lt;/h2&gt;&lt;p&gt;A workbench for industrial visual anomaly detection with patch-feature memory banks: frozen backbone features, per-product banks, kNN anomaly maps and the standard metrics.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;PatchBank %1&lt;/h2&gt;&lt;p&gt;Eine Werkbank für die visuelle Anomalieerkennung in der Industrie mit Speicherbänken aus Patch-Merkmalen: eingefrorene Backbone-Merkmale, eine Bank pro Produkt, kNN-Anomaliekarten und die üblichen Metriken.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%1 (built with %2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FAISS&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCustomPlot&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%1 (erstellt mit %2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FAISS&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCustomPlot&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>pb::ui::DatasetPanel</name>
    <message>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>%1 (layout: %2)</source>
        <translation>%1 (Struktur: %2)</translation>
    </message>
    <message>
        <source>(unlabelled)</source>
        <translation>(ohne Label)</translation>
    </message>
    <message>
        <source>listing</source>
        <translation>Auflistung</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
</context>
<context>
    <name>pb::ui::EngineController</name>
    <message>
        <source>Opening the data set</source>
        <translation>Datensatz wird geöffnet</translation>
    </message>
    <message>
        <source>Checking the backbone</source>
        <translation>Backbone wird geprüft</translation>
    </message>
    <message>
        <source>Building the bank</source>
        <translation>Bank wird aufgebaut</translation>
    </message>
    <message>
        <source>Scoring the test set</source>
        <translation>Testmenge wird bewertet</translation>
    </message>
    <message>
        <source>Scoring dropped images</source>
        <translation>Abgelegte Bilder werden bewertet</translation>
    </message>
    <message>
        <source>Leave-one-out scores</source>
        <translation>Leave-one-out-Bewertungen</translation>
    </message>
</context>
<context>
    <name>pb::ui::EnginePanel</name>
    <message>
        <source>Feature cache: off</source>
        <translation>Merkmal-Cache: aus</translation>
    </message>
    <message>
        <source>Feature cache: %1 entries, %2
%3</source>
        <translation>Merkmal-Cache: %1 Einträge, %2
%3</translation>
    </message>
    <message>
        <source>model.safetensors or TorchScript file</source>
        <translation>model.safetensors oder TorchScript-Datei</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the weights file; it is checked by loading the backbone</source>
        <translation>Gewichtsdatei wählen; sie wird durch Laden des Backbones geprüft</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>95th percentile of patches</source>
        <translation>95. Perzentil der Patches</translation>
    </message>
    <message>
        <source>Maximum patch</source>
        <translation>Maximaler Patch</translation>
    </message>
    <message>
        <source>Mean of the top 10 patches</source>
        <translation>Mittel der 10 höchsten Patches</translation>
    </message>
    <message>
        <source>Mean of the top 1%</source>
        <translation>Mittel des obersten 1 %</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>Where the backbone and the kNN search run</source>
        <translation>Wo das Backbone und die kNN-Suche laufen</translation>
    </message>
    <message>
        <source>No GPU is visible to LibTorch on this machine</source>
        <translation>LibTorch sieht auf diesem Rechner keine GPU</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Use only the first N training images (sorted by name); 0 = all</source>
        <translation>Nur die ersten N Trainingsbilder verwenden (nach Namen sortiert); 0 = alle</translation>
    </message>
    <message>
        <source>Cache features on disk</source>
        <translation>Merkmale auf der Festplatte zwischenspeichern</translation>
    </message>
    <message>
        <source>Build bank</source>
        <translation>Bank aufbauen</translation>
    </message>
    <message>
        <source>Extract the features of the product's training images into a memory bank (Ctrl+B)</source>
        <translation>Merkmale der Trainingsbilder des Produkts in eine Speicherbank extrahieren (Strg+B)</translation>
    </message>
    <message>
        <source>Score test set</source>
        <translation>Testmenge bewerten</translation>
    </message>
    <message>
        <source>Score every test image of the product against its bank (Ctrl+R)</source>
        <translation>Jedes Testbild des Produkts gegen seine Bank bewerten (Strg+R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>No bank yet.</source>
        <translation>Noch keine Bank.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <source>k neighbours</source>
        <translation>k Nachbarn</translation>
    </message>
    <message>
        <source>Image score</source>
        <translation>Bildbewertung</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Select a product in the data set tree or the image browser.</source>
        <translation>Wählen Sie ein Produkt im Datensatzbaum oder im Bildbrowser.</translation>
    </message>
    <message>
        <source>Product: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Produkt: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Choose backbone weights</source>
        <translation>Backbone-Gewichte wählen</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pt *.pth *.ts);;All files (*)</source>
        <translation>Gewichte (*.safetensors *.pt *.pth *.ts);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>This backbone needs no weights file.</source>
        <translation>Dieses Backbone braucht keine Gewichtsdatei.</translation>
    </message>
    <message>
        <source>Choose the weights file of this backbone.</source>
        <translation>Wählen Sie die Gewichtsdatei dieses Backbones.</translation>
    </message>
    <message>
        <source>Not checked yet: it is loaded when the bank is built.</source>
        <translation>Noch nicht geprüft: wird beim Aufbau der Bank geladen.</translation>
    </message>
    <message>
        <source>✓ Loaded %1 (one patch per %2 px)</source>
        <translation>✓ %1 geladen (ein Patch je %2 px)</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Checking the backbone…</source>
        <translation>Backbone wird geprüft…</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation>Fertig in %1</translation>
    </message>
    <message>
        <source>Bank of &lt;b&gt;%1&lt;/b&gt;: %2 training images, %3 patches × %4 dimensions (%5), %6, built in %7</source>
        <translation>Bank von &lt;b&gt;%1&lt;/b&gt;: %2 Trainingsbilder, %3 Patches × %4 Dimensionen (%5), %6, aufgebaut in %7</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Verstrichen %1</translation>
    </message>
    <message>
        <source> · about %1 left in this stage</source>
        <translation> · noch etwa %1 in diesem Schritt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>pb::ui::EngineWorker</name>
    <message>
        <source>out of memory</source>
        <translation>Speicher erschöpft</translation>
    </message>
</context>
<context>
    <name>pb::ui::HistogramPanel</name>
    <message>
        <source>F1-optimal</source>
        <translation>F1-optimal</translation>
    </message>
    <message>
        <source>Threshold with the best F1 over the labelled test images</source>
        <translation>Schwelle mit dem besten F1 über die gelabelten Testbilder</translation>
    </message>
    <message>
        <source>Normal-only p99 (leave-one-out)</source>
        <translation>p99 nur normal (Leave-one-out)</translation>
    </message>
    <message>
        <source>99th percentile of the training images' scores, each scored against the bank without its own patches. Needs no defective images.</source>
        <translation>99. Perzentil der Bewertungen der Trainingsbilder, jedes gegen die Bank ohne seine eigenen Patches bewertet. Braucht keine fehlerhaften Bilder.</translation>
    </message>
    <message>
        <source>Image threshold</source>
        <translation>Bildschwelle</translation>
    </message>
    <message>
        <source>Needs a scored test set with normal and anomalous images</source>
        <translation>Braucht eine bewertete Testmenge mit normalen und anomalen Bildern</translation>
    </message>
    <message>
        <source>Build a bank and score the test set to see the metrics.</source>
        <translation>Bauen Sie eine Bank auf und bewerten Sie die Testmenge, um die Metriken zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — image AUROC &lt;b&gt;%2&lt;/b&gt; · AP &lt;b&gt;%3&lt;/b&gt; · F1-max &lt;b&gt;%4&lt;/b&gt; · pixel AUROC &lt;b&gt;%5&lt;/b&gt; · AUPRO&lt;sub&gt;30%&lt;/sub&gt; &lt;b&gt;%6&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — Bild-AUROC &lt;b&gt;%2&lt;/b&gt; · AP &lt;b&gt;%3&lt;/b&gt; · F1-max &lt;b&gt;%4&lt;/b&gt; · Pixel-AUROC &lt;b&gt;%5&lt;/b&gt; · AUPRO&lt;sub&gt;30%&lt;/sub&gt; &lt;b&gt;%6&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Computing leave-one-out scores…</source>
        <translation>Leave-one-out-Bewertungen werden berechnet…</translation>
    </message>
    <message>
        <source>At %1: %2 of %3 images flagged</source>
        <translation>Bei %1: %2 von %3 Bildern markiert</translation>
    </message>
    <message>
        <source> · precision %1 · recall %2 · F1 %3 · false alarms %4 of %5 normal</source>
        <translation> · Präzision %1 · Trefferquote %2 · F1 %3 · Fehlalarme %4 von %5 normalen</translation>
    </message>
</context>
<context>
    <name>pb::ui::ImageBrowser</name>
    <message>
        <source>All splits</source>
        <translation>Alle Aufteilungen</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>Jedes Label</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Anomalous</source>
        <translation>Anomal</translation>
    </message>
    <message>
        <source>Unlabelled</source>
        <translation>Ohne Label</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Show only images whose score is at least this value</source>
        <translation>Nur Bilder mit mindestens dieser Bewertung zeigen</translation>
    </message>
    <message>
        <source>Scored only</source>
        <translation>Nur bewertete</translation>
    </message>
    <message>
        <source>Sort by score</source>
        <translation>Nach Bewertung sortieren</translation>
    </message>
    <message>
        <source>Score ≥</source>
        <translation>Bewertung ≥</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>Alle Produkte</translation>
    </message>
    <message>
        <source>All defects</source>
        <translation>Alle Fehler</translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>%1 von %2 Bildern</translation>
    </message>
</context>
<context>
    <name>pb::ui::InspectionListPanel</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>%1 — score %2</source>
        <translation>%1 — Bewertung %2</translation>
    </message>
    <message>
        <source>anomalous</source>
        <translation>anomal</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>%1
bank: %2</source>
        <translation>%1
Bank: %2</translation>
    </message>
</context>
<context>
    <name>pb::ui::InspectionPanel</name>
    <message>
        <source>anomalous</source>
        <translation>anomal</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Show or hide the heatmap overlay (O)</source>
        <translation>Heatmap-Überlagerung ein- oder ausblenden (O)</translation>
    </message>
    <message>
        <source>Heatmap opacity</source>
        <translation>Deckkraft der Heatmap</translation>
    </message>
    <message>
        <source>Colour map of the heatmap</source>
        <translation>Farbskala der Heatmap</translation>
    </message>
    <message>
        <source>Pixel threshold: pixels at or above it form the predicted defect regions</source>
        <translation>Pixelschwelle: Pixel ab diesem Wert bilden die vorhergesagten Fehlerbereiche</translation>
    </message>
    <message>
        <source>Ground truth</source>
        <translation>Ground Truth</translation>
    </message>
    <message>
        <source>Outline the ground-truth defect regions in green</source>
        <translation>Ground-Truth-Fehlerbereiche grün umranden</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Outline the regions at or above the pixel threshold in red</source>
        <translation>Bereiche ab der Pixelschwelle rot umranden</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Pixel threshold</source>
        <translation>Pixelschwelle</translation>
    </message>
    <message>
        <source>Move the cursor over a scored image to compare it with the bank.</source>
        <translation>Bewegen Sie den Mauszeiger über ein bewertetes Bild, um es mit der Bank zu vergleichen.</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>Select an image in the browser, or drop image files on the window to score them.</source>
        <translation>Wählen Sie ein Bild im Browser oder legen Sie Bilddateien auf dem Fenster ab, um sie zu bewerten.</translation>
    </message>
    <message>
        <source>Cannot show this image</source>
        <translation>Dieses Bild kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>Move the cursor over the image to compare it with the bank.</source>
        <translation>Bewegen Sie den Mauszeiger über das Bild, um es mit der Bank zu vergleichen.</translation>
    </message>
    <message>
        <source>This image has not been scored.</source>
        <translation>Dieses Bild wurde nicht bewertet.</translation>
    </message>
    <message>
        <source>Ground truth: %1 (%2)</source>
        <translation>Ground Truth: %1 (%2)</translation>
    </message>
    <message>
        <source>Ground truth: %1</source>
        <translation>Ground Truth: %1</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>Bewertung %1</translation>
    </message>
    <message>
        <source>Score %1 ≥ %2: ANOMALOUS</source>
        <translation>Bewertung %1 ≥ %2: ANOMAL</translation>
    </message>
    <message>
        <source>Score %1 &lt; %2: NORMAL</source>
        <translation>Bewertung %1 &lt; %2: NORMAL</translation>
    </message>
    <message>
        <source>%1 · %2 · %3×%4 px · product %5</source>
        <translation>%1 · %2 · %3×%4 px · Produkt %5</translation>
    </message>
    <message>
        <source>row %1, column %2
patch score %3</source>
        <translation>Zeile %1, Spalte %2
Patch-Bewertung %3</translation>
    </message>
</context>
<context>
    <name>pb::ui::MainWindow</name>
    <message>
        <source>PatchBank</source>
        <translation>PatchBank</translation>
    </message>
    <message>
        <source>No bank</source>
        <translation>Keine Bank</translation>
    </message>
    <message>
        <source>Open a data set folder (Ctrl+O) or drop one on the window.</source>
        <translation>Öffnen Sie einen Datensatzordner (Strg+O) oder legen Sie ihn auf dem Fenster ab.</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Inspection list</source>
        <translation>Prüfliste</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Score histogram</source>
        <translation>Bewertungshistogramm</translation>
    </message>
    <message>
        <source>Leave-one-out scores</source>
        <translation>Leave-one-out-Bewertungen</translation>
    </message>
    <message>
        <source>Build the bank of %1 first.</source>
        <translation>Bauen Sie zuerst die Bank von %1 auf.</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Exporting maps: %1 of %2</source>
        <translation>Karten werden exportiert: %1 von %2</translation>
    </message>
    <message>
        <source>Map export cancelled after %1 images.</source>
        <translation>Kartenexport nach %1 Bildern abgebrochen.</translation>
    </message>
    <message>
        <source>Exported the maps of %1 images.</source>
        <translation>Die Karten von %1 Bildern wurden exportiert.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Image exported.</source>
        <translation>Bild exportiert.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The demo data set could not be generated</source>
        <translation>Der Demo-Datensatz konnte nicht erzeugt werden</translation>
    </message>
    <message>
        <source>&amp;Open data set folder…</source>
        <translation>Datensatzordner ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a data set: MVTec AD, VisA, BTAD, MVTec LOCO or a plain folder of images</source>
        <translation>Einen Datensatz öffnen: MVTec AD, VisA, BTAD, MVTec LOCO oder ein einfacher Bildordner</translation>
    </message>
    <message>
        <source>Open the &amp;demo data set</source>
        <translation>&amp;Demo-Datensatz öffnen</translation>
    </message>
    <message>
        <source>Open the embedded synthetic data set</source>
        <translation>Den eingebetteten synthetischen Datensatz öffnen</translation>
    </message>
    <message>
        <source>&amp;Build bank</source>
        <translation>Bank &amp;aufbauen</translation>
    </message>
    <message>
        <source>Build the memory bank of the current product from its training images</source>
        <translation>Die Speicherbank des aktuellen Produkts aus seinen Trainingsbildern aufbauen</translation>
    </message>
    <message>
        <source>&amp;Score test set</source>
        <translation>Testmenge &amp;bewerten</translation>
    </message>
    <message>
        <source>Score the test images of the current product</source>
        <translation>Die Testbilder des aktuellen Produkts bewerten</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <source>Stop the running engine work</source>
        <translation>Die laufende Engine-Arbeit anhalten</translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation>&amp;Nächstes Bild</translation>
    </message>
    <message>
        <source>Show the next image of the browser</source>
        <translation>Das nächste Bild des Browsers zeigen</translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation>&amp;Vorheriges Bild</translation>
    </message>
    <message>
        <source>Show the previous image of the browser</source>
        <translation>Das vorherige Bild des Browsers zeigen</translation>
    </message>
    <message>
        <source>Toggle heatmap &amp;overlay</source>
        <translation>Heatmap-&amp;Überlagerung umschalten</translation>
    </message>
    <message>
        <source>Show or hide the heatmap</source>
        <translation>Heatmap ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom o&amp;ut</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Show the whole image</source>
        <translation>Das ganze Bild zeigen</translation>
    </message>
    <message>
        <source>&amp;Actual pixels</source>
        <translation>&amp;Originalpixel</translation>
    </message>
    <message>
        <source>One image pixel per screen pixel</source>
        <translation>Ein Bildpixel pro Bildschirmpixel</translation>
    </message>
    <message>
        <source>&amp;Paste images to score</source>
        <translation>Bilder zum Bewerten &amp;einfügen</translation>
    </message>
    <message>
        <source>Score the images (or image files) on the clipboard against the current bank</source>
        <translation>Die Bilder (oder Bilddateien) in der Zwischenablage gegen die aktuelle Bank bewerten</translation>
    </message>
    <message>
        <source>Add to &amp;inspection list</source>
        <translation>Zur &amp;Prüfliste hinzufügen</translation>
    </message>
    <message>
        <source>Keep the image in view in the inspection list</source>
        <translation>Das angezeigte Bild in der Prüfliste behalten</translation>
    </message>
    <message>
        <source>Export current &amp;heatmap, overlay and mask (PNG)…</source>
        <translation>Aktuelle &amp;Heatmap, Überlagerung und Maske exportieren (PNG)…</translation>
    </message>
    <message>
        <source>Write the maps of the image in view</source>
        <translation>Die Karten des angezeigten Bildes schreiben</translation>
    </message>
    <message>
        <source>Export &amp;metrics and scores (CSV)…</source>
        <translation>&amp;Metriken und Bewertungen exportieren (CSV)…</translation>
    </message>
    <message>
        <source>Write metrics.csv and scores.csv of the current product</source>
        <translation>metrics.csv und scores.csv des aktuellen Produkts schreiben</translation>
    </message>
    <message>
        <source>Export &amp;histogram (PNG)…</source>
        <translation>&amp;Histogramm exportieren (PNG)…</translation>
    </message>
    <message>
        <source>Save the score histogram</source>
        <translation>Das Bewertungshistogramm speichern</translation>
    </message>
    <message>
        <source>Export &amp;all maps of the product…</source>
        <translation>&amp;Alle Karten des Produkts exportieren…</translation>
    </message>
    <message>
        <source>Write the heatmap, overlay and mask of every scored test image</source>
        <translation>Heatmap, Überlagerung und Maske jedes bewerteten Testbildes schreiben</translation>
    </message>
    <message>
        <source>&amp;About PatchBank</source>
        <translation>Ü&amp;ber PatchBank</translation>
    </message>
    <message>
        <source>Versions and libraries</source>
        <translation>Versionen und Bibliotheken</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close PatchBank</source>
        <translation>PatchBank schließen</translation>
    </message>
    <message>
        <source>Open data set folder</source>
        <translation>Datensatzordner öffnen</translation>
    </message>
    <message>
        <source>Export the maps of this image to</source>
        <translation>Die Karten dieses Bildes exportieren nach</translation>
    </message>
    <message>
        <source>Export metrics.csv and scores.csv to</source>
        <translation>metrics.csv und scores.csv exportieren nach</translation>
    </message>
    <message>
        <source>Save the histogram</source>
        <translation>Histogramm speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export every map of the product to</source>
        <translation>Alle Karten des Produkts exportieren nach</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>The language changes the next time PatchBank starts.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von PatchBank.</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Engine</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Backbone loaded: %1</source>
        <translation>Backbone geladen: %1</translation>
    </message>
    <message>
        <source>Bank: %1 (%2 patches)</source>
        <translation>Bank: %1 (%2 Patches)</translation>
    </message>
    <message>
        <source>Bank of %1 built from %2 images.</source>
        <translation>Bank von %1 aus %2 Bildern aufgebaut.</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Generating the demo data set in %1…</source>
        <translation>Demo-Datensatz wird in %1 erzeugt…</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>PatchBank — %1</source>
        <translation>PatchBank — %1</translation>
    </message>
    <message>
        <source>%1: %2 products, %3 images, %4 problems (layout: %5)</source>
        <translation>%1: %2 Produkte, %3 Bilder, %4 Probleme (Struktur: %5)</translation>
    </message>
    <message>
        <source>Open a data set and select a product first.</source>
        <translation>Öffnen Sie zuerst einen Datensatz und wählen Sie ein Produkt.</translation>
    </message>
    <message>
        <source>%1 scored: %2 images, image AUROC %3, pixel AUROC %4</source>
        <translation>%1 bewertet: %2 Bilder, Bild-AUROC %3, Pixel-AUROC %4</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) scored against the bank of %1.</source>
        <translation><numerusform>%n Bild gegen die Bank von %1 bewertet.</numerusform><numerusform>%n Bilder gegen die Bank von %1 bewertet.</numerusform></translation>
    </message>
    <message>
        <source>Cannot score the images</source>
        <translation>Die Bilder können nicht bewertet werden</translation>
    </message>
    <message>
        <source>Build a bank first: the images are scored against it.</source>
        <translation>Bauen Sie zuerst eine Bank auf: Die Bilder werden gegen sie bewertet.</translation>
    </message>
    <message numerus="yes">
        <source>Scoring %n image(s)…</source>
        <translation><numerusform>%n Bild wird bewertet…</numerusform><numerusform>%n Bilder werden bewertet…</numerusform></translation>
    </message>
    <message>
        <source>Only scored images can be added to the inspection list.</source>
        <translation>Nur bewertete Bilder können zur Prüfliste hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Added to the inspection list.</source>
        <translation>Zur Prüfliste hinzugefügt.</translation>
    </message>
    <message>
        <source>Drop a data set folder, or image files to score them.</source>
        <translation>Legen Sie einen Datensatzordner oder Bilddateien zum Bewerten ab.</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>Die Zwischenablage enthält kein Bild.</translation>
    </message>
    <message>
        <source>No image in view.</source>
        <translation>Kein Bild angezeigt.</translation>
    </message>
    <message>
        <source>Score the test set of the product first.</source>
        <translation>Bewerten Sie zuerst die Testmenge des Produkts.</translation>
    </message>
    <message>
        <source>Wrote metrics.csv and scores.csv to %1</source>
        <translation>metrics.csv und scores.csv nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Exporting the maps of %1…</source>
        <translation>Die Karten von %1 werden exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>pb::ui::NearestPatchView</name>
    <message>
        <source>&lt;b&gt;Under the cursor&lt;/b&gt;</source>
        <translation>&lt;b&gt;Unter dem Mauszeiger&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nearest normal patch&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nächster normaler Patch&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation>%1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Move the cursor over a scored image to compare it with the bank.</source>
        <translation>Bewegen Sie den Mauszeiger über ein bewertetes Bild, um es mit der Bank zu vergleichen.</translation>
    </message>
    <message>
        <source>%1
row %2, column %3</source>
        <translation>%1
Zeile %2, Spalte %3</translation>
    </message>
</context>
<context>
    <name>pb::ui::SampleListModel</name>
    <message>
        <source>Split: %1</source>
        <translation>Aufteilung: %1</translation>
    </message>
    <message>
        <source>Defect: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>Bewertung: %1</translation>
    </message>
    <message>
        <source>(anomalous)</source>
        <translation>(anomal)</translation>
    </message>
    <message>
        <source>(normal)</source>
        <translation>(normal)</translation>
    </message>
</context>
<context>
    <name>pb::ui::ScoreHistogram</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Anomalous</source>
        <translation>Anomal</translation>
    </message>
    <message>
        <source>Unlabelled</source>
        <translation>Ohne Label</translation>
    </message>
    <message>
        <source>Train (leave-one-out)</source>
        <translation>Training (Leave-one-out)</translation>
    </message>
    <message>
        <source>Image score</source>
        <translation>Bildbewertung</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <source>Train images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <source>Drag the dashed line to move the image threshold</source>
        <translation>Ziehen Sie die gestrichelte Linie, um die Bildschwelle zu verschieben</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
</context>
</TS>
