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
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%1 (built with %2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FAISS&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCustomPlot&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BLAS&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%1 (kompiliert mit %2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FAISS&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCustomPlot&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BLAS&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>pb::ui::BankPanel</name>
    <message>
        <source>%1 bytes (%2)</source>
        <translation>%1 Byte (%2)</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>m = %1 does not divide the feature dimension %2</source>
        <translation>m = %1 teilt die Merkmalsdimension %2 nicht</translation>
    </message>
    <message>
        <source>IVF-PQ needs at least nlist and 2^nbits training vectors (%1 here)</source>
        <translation>IVF-PQ braucht mindestens nlist und 2^nbits Trainingsvektoren (hier %1)</translation>
    </message>
    <message>
        <source>Flat: every training patch</source>
        <translation>Flach: jeder Trainings-Patch</translation>
    </message>
    <message>
        <source>Random subsample</source>
        <translation>Zufällige Teilmenge</translation>
    </message>
    <message>
        <source>Greedy coreset (PatchCore)</source>
        <translation>Greedy-Coreset (PatchCore)</translation>
    </message>
    <message>
        <source>Variance-weighted coreset</source>
        <translation>Varianzgewichtetes Coreset</translation>
    </message>
    <message>
        <source>k-means prototypes</source>
        <translation>k-Means-Prototypen</translation>
    </message>
    <message>
        <source>k-means + residual patches</source>
        <translation>k-Means + Rest-Patches</translation>
    </message>
    <message>
        <source>IVF-PQ (product quantisation)</source>
        <translation>IVF-PQ (Produktquantisierung)</translation>
    </message>
    <message>
        <source>How the product&apos;s training patches are compressed into its memory bank</source>
        <translation>Wie die Trainings-Patches des Produkts in seine Speicherbank komprimiert werden</translation>
    </message>
    <message>
        <source>fraction of the patches</source>
        <translation>Anteil der Patches</translation>
    </message>
    <message>
        <source>vectors</source>
        <translation>Vektoren</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>A fraction of the training patches, a number of vectors, or megabytes of float32 vectors (MB = MiB)</source>
        <translation>Ein Anteil der Trainings-Patches, eine Anzahl Vektoren oder Megabyte an float32-Vektoren (MB = MiB)</translation>
    </message>
    <message>
        <source>Seed of the random choices (start point, subsample, k-means++)</source>
        <translation>Startwert der Zufallsentscheidungen (Startpunkt, Teilmenge, k-means++)</translation>
    </message>
    <message>
        <source>Coarse cells (inverted lists)</source>
        <translation>Grobe Zellen (invertierte Listen)</translation>
    </message>
    <message>
        <source>Sub-quantisers; must divide the feature dimension</source>
        <translation>Teilquantisierer; muss die Merkmalsdimension teilen</translation>
    </message>
    <message>
        <source>Bits per sub-quantiser code</source>
        <translation>Bits je Teilquantisierer-Code</translation>
    </message>
    <message>
        <source>Cells searched per query</source>
        <translation>Je Anfrage durchsuchte Zellen</translation>
    </message>
    <message>
        <source>The bank&apos;s factory string; type one (e.g. coreset:1/16,seed=3) and press Enter</source>
        <translation>Die Spezifikation der Bank; eine eingeben (z. B. coreset:1/16,seed=3) und Enter drücken</translation>
    </message>
    <message>
        <source>Add images to bank…</source>
        <translation>Bilder zur Bank hinzufügen…</translation>
    </message>
    <message>
        <source>Add the patches of more normal images to the bank, compressed the same way, without rebuilding it (or drop images on the window with Shift held)</source>
        <translation>Die Patches weiterer normaler Bilder gleich komprimiert zur Bank hinzufügen, ohne sie neu aufzubauen (oder Bilder mit gedrückter Umschalttaste auf dem Fenster ablegen)</translation>
    </message>
    <message>
        <source>Save bank…</source>
        <translation>Bank speichern…</translation>
    </message>
    <message>
        <source>Write the bank and the features it was built from to one file</source>
        <translation>Die Bank und die Merkmale, aus denen sie gebaut wurde, in eine Datei schreiben</translation>
    </message>
    <message>
        <source>Open bank…</source>
        <translation>Bank öffnen…</translation>
    </message>
    <message>
        <source>Use a bank file; it must come from the same backbone, layers and input size</source>
        <translation>Eine Bankdatei verwenden; sie muss vom selben Backbone, denselben Schichten und derselben Eingabegröße stammen</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>IVF-PQ</source>
        <translation>IVF-PQ</translation>
    </message>
    <message>
        <source>nlist</source>
        <translation>nlist</translation>
    </message>
    <message>
        <source>m</source>
        <translation>m</translation>
    </message>
    <message>
        <source>nbits</source>
        <translation>nbits</translation>
    </message>
    <message>
        <source>nprobe</source>
        <translation>nprobe</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>Spezifikation</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Select a product to see the size of its bank.</source>
        <translation>Wählen Sie ein Produkt, um die Größe seiner Bank zu sehen.</translation>
    </message>
    <message>
        <source>Measuring the feature size of the backbone…</source>
        <translation>Merkmalsgröße des Backbones wird gemessen…</translation>
    </message>
    <message>
        <source>The feature size is not known yet: check the backbone.</source>
        <translation>Die Merkmalsgröße ist noch unbekannt: prüfen Sie das Backbone.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate&lt;/b&gt; for %1: %2 training images × %3 patches × %4 dimensions = %5 source patches (%6).&lt;br&gt;Bank: %7 vectors, %8, compression %9.</source>
        <translation>&lt;b&gt;Schätzung&lt;/b&gt; für %1: %2 Trainingsbilder × %3 Patches × %4 Dimensionen = %5 Quell-Patches (%6).&lt;br&gt;Bank: %7 Vektoren, %8, Kompression %9.</translation>
    </message>
    <message>
        <source>No bank in use yet.</source>
        <translation>Noch keine Bank in Gebrauch.</translation>
    </message>
    <message>
        <source>from %1 patches of %2 training images</source>
        <translation>aus %1 Patches von %2 Trainingsbildern</translation>
    </message>
    <message>
        <source>from %1 source patches, opened from %2</source>
        <translation>aus %1 Quell-Patches, geöffnet aus %2</translation>
    </message>
    <message numerus="yes">
        <source>, %n image(s) added</source>
        <translation>
            <numerusform>, %n Bild hinzugefügt</numerusform>
            <numerusform>, %n Bilder hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Bank in use&lt;/b&gt; (%1, &lt;tt&gt;%2&lt;/tt&gt;): %3 vectors × %4 dimensions, %5, compression %6, %7.</source>
        <translation>&lt;b&gt;Bank in Gebrauch&lt;/b&gt; (%1, &lt;tt&gt;%2&lt;/tt&gt;): %3 Vektoren × %4 Dimensionen, %5, Kompression %6, %7.</translation>
    </message>
</context>
<context>
    <name>pb::ui::BudgetSweepPanel</name>
    <message>
        <source>IVF-PQ keeps every vector and varies its code size (sub-quantisers m)</source>
        <translation>IVF-PQ behält jeden Vektor und variiert seine Codegröße (Teilquantisierer m)</translation>
    </message>
    <message>
        <source>Budgets of the compressors as fractions of the training patches, e.g. 1/64, 0.05</source>
        <translation>Budgets der Kompressoren als Anteile der Trainings-Patches, z. B. 1/64, 0.05</translation>
    </message>
    <message>
        <source>Pixel AUROC too</source>
        <translation>Auch Pixel-AUROC</translation>
    </message>
    <message>
        <source>Also measure the pixel AUROC of every point (slower); it goes into the CSV</source>
        <translation>Auch die Pixel-AUROC jedes Punkts messen (langsamer); sie landet in der CSV</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>Durchlauf starten</translation>
    </message>
    <message>
        <source>Build a bank per method and budget for the current product and score its test set</source>
        <translation>Für das aktuelle Produkt je Methode und Budget eine Bank aufbauen und seine Testmenge bewerten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Bank size (MB, log scale)</source>
        <translation>Bankgröße (MB, logarithmisch)</translation>
    </message>
    <message>
        <source>Image AUROC</source>
        <translation>Bild-AUROC</translation>
    </message>
    <message>
        <source>Right-click to export the sweep as CSV or the chart as PNG</source>
        <translation>Rechtsklick, um den Durchlauf als CSV oder das Diagramm als PNG zu exportieren</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>Check at least one method.</source>
        <translation>Wählen Sie mindestens eine Methode.</translation>
    </message>
    <message>
        <source>Select a product.</source>
        <translation>Wählen Sie ein Produkt.</translation>
    </message>
    <message>
        <source>Product: %1</source>
        <translation>Produkt: %1</translation>
    </message>
    <message>
        <source>Sweeping %1…</source>
        <translation>Durchlauf für %1…</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n point(s) from %2 training patches × %3 dimensions (%4), %5 test images, in %6 s.</source>
        <translation>
            <numerusform>%1: %n Punkt aus %2 Trainings-Patches × %3 Dimensionen (%4), %5 Testbilder, in %6 s.</numerusform>
            <numerusform>%1: %n Punkte aus %2 Trainings-Patches × %3 Dimensionen (%4), %5 Testbilder, in %6 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) skipped: %1</source>
        <translation>
            <numerusform>%n Punkt übersprungen: %1</numerusform>
            <numerusform>%n Punkte übersprungen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export sweep as CSV…</source>
        <translation>Durchlauf als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export chart as PNG…</source>
        <translation>Diagramm als PNG exportieren…</translation>
    </message>
    <message>
        <source>Run a budget sweep first.</source>
        <translation>Führen Sie zuerst einen Budget-Durchlauf aus.</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
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
    <message>
        <source>Measuring the feature size</source>
        <translation>Merkmalsgröße wird gemessen</translation>
    </message>
    <message>
        <source>Adding images to the bank</source>
        <translation>Bilder werden zur Bank hinzugefügt</translation>
    </message>
    <message>
        <source>Saving the bank</source>
        <translation>Bank wird gespeichert</translation>
    </message>
    <message>
        <source>Opening the bank</source>
        <translation>Bank wird geöffnet</translation>
    </message>
    <message>
        <source>Budget sweep</source>
        <translation>Budget-Durchlauf</translation>
    </message>
    <message>
        <source>Shared bank</source>
        <translation>Gemeinsame Bank</translation>
    </message>
    <message>
        <source>Auditing the reference images</source>
        <translation>Referenzbilder werden geprüft</translation>
    </message>
    <message>
        <source>Scoring the reference patches</source>
        <translation>Referenz-Patches werden bewertet</translation>
    </message>
    <message>
        <source>Comparing the purified bank</source>
        <translation>Bereinigte Bank wird verglichen</translation>
    </message>
    <message>
        <source>Screening the training folder</source>
        <translation>Trainingsordner wird durchsucht</translation>
    </message>
    <message>
        <source>Running a suite cell</source>
        <translation>Eine Suite-Zelle wird ausgeführt</translation>
    </message>
    <message>
        <source>Summarising a suite&apos;s results</source>
        <translation>Ergebnisse einer Suite werden zusammengefasst</translation>
    </message>
    <message>
        <source>Training the detector</source>
        <translation>Detektor wird trainiert</translation>
    </message>
    <message>
        <source>Scoring with the detector</source>
        <translation>Bilder werden mit dem Detektor bewertet</translation>
    </message>
    <message>
        <source>Reading the model file</source>
        <translation>Modelldatei wird gelesen</translation>
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
        <source> MP</source>
        <translation> MP</translation>
    </message>
    <message>
        <source>default (%1 MP)</source>
        <translation>Standard (%1 MP)</translation>
    </message>
    <message>
        <source>Images declaring more pixels than this are refused before they are decoded</source>
        <translation>Bilder, die mehr Pixel angeben, werden vor dem Dekodieren abgelehnt</translation>
    </message>
    <message>
        <source>Largest image</source>
        <translation>Größtes Bild</translation>
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
        <source>Extract the features of the product&apos;s training images into a memory bank (Ctrl+B)</source>
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
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Feature layers, comma-separated (e.g. layer2,layer3); for a Vision Transformer the block whose tokens are used, counted from the end as in Python (-6)</source>
        <translation>Merkmalsschichten, durch Kommas getrennt (z. B. layer2,layer3); bei einem Vision Transformer der Block, dessen Tokens verwendet werden, vom Ende gezählt wie in Python (-6)</translation>
    </message>
    <message>
        <source>Final LayerNorm</source>
        <translation>Abschließende LayerNorm</translation>
    </message>
    <message>
        <source>Apply the model&apos;s final LayerNorm to the tapped tokens</source>
        <translation>Die abschließende LayerNorm des Modells auf die abgegriffenen Tokens anwenden</translation>
    </message>
    <message>
        <source>L2-normalise</source>
        <translation>L2-normalisieren</translation>
    </message>
    <message>
        <source>Scale every patch feature to unit length</source>
        <translation>Jedes Patch-Merkmal auf Einheitslänge skalieren</translation>
    </message>
    <message>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <source>fp16 (GPU)</source>
        <translation>fp16 (GPU)</translation>
    </message>
    <message>
        <source>Arithmetic of the transformer blocks; norms and softmax stay in fp32</source>
        <translation>Arithmetik der Transformer-Blöcke; Normen und Softmax bleiben in fp32</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Square centre crop after the resize (e.g. 448 then 392); none keeps the whole image</source>
        <translation>Quadratischer Mittenausschnitt nach der Skalierung (z. B. 448, dann 392); keiner behält das ganze Bild</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Centre crop</source>
        <translation>Mittenausschnitt</translation>
    </message>
    <message>
        <source>unknown backbone &quot;%1&quot;</source>
        <translation>unbekanntes Backbone „%1“</translation>
    </message>
    <message>
        <source>Bank of &lt;b&gt;%1&lt;/b&gt;: %2 training images, %3 vectors × %4 dimensions (%5, %6), %7, built in %8</source>
        <translation>Bank von &lt;b&gt;%1&lt;/b&gt;: %2 Trainingsbilder, %3 Vektoren × %4 Dimensionen (%5, %6), %7, aufgebaut in %8</translation>
    </message>
    <message>
        <source>Nearest bank vectors averaged into a patch score (5 in the papers)</source>
        <translation>Nächste Bankvektoren, die zu einer Patch-Bewertung gemittelt werden (5 in den Veröffentlichungen)</translation>
    </message>
    <message>
        <source>Scale k with the compression</source>
        <translation>k mit der Kompression skalieren</translation>
    </message>
    <message>
        <source>Count k in the full bank: a compressed bank keeping 1/r of the patches averages max(1, round(k/r)) vectors. Off: every bank averages k (the papers&apos; setting).</source>
        <translation>k in der vollen Bank zählen: Eine komprimierte Bank, die 1/r der Patches behält, mittelt max(1, round(k/r)) Vektoren. Aus: Jede Bank mittelt k (die Einstellung der Veröffentlichungen).</translation>
    </message>
    <message>
        <source>⚠ No weights file: this backbone runs on random weights and its scores mean little. Choose the file, or download one with Tools &gt; Models.</source>
        <translation>⚠ Keine Gewichtsdatei: Dieses Backbone läuft mit zufälligen Gewichten, und seine Bewertungen sagen wenig aus. Wählen Sie die Datei oder laden Sie eine über Werkzeuge &gt; Modelle herunter.</translation>
    </message>
    <message>
        <source>⚠ %1 runs on random weights (no weights file): its scores mean little. Choose the file, or download one with Tools &gt; Models.</source>
        <translation>⚠ %1 läuft mit zufälligen Gewichten (keine Gewichtsdatei): Seine Bewertungen sagen wenig aus. Wählen Sie die Datei oder laden Sie eine über Werkzeuge &gt; Modelle herunter.</translation>
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
        <source>99th percentile of the training images&apos; scores, each scored against the bank without its own patches. Needs no defective images.</source>
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
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>From normal data</source>
        <translation>Aus normalen Daten</translation>
    </message>
    <message>
        <source>From labels</source>
        <translation>Aus Labels</translation>
    </message>
    <message>
        <source>Images scoring between T1 and T2 go to a person for review.
From normal data: T1 = p99 of the training images&apos; leave-one-out scores, T2 = their maximum × margin.
From labels: T2 = the F1-optimal threshold, T1 lets at most the chosen share of defects pass.</source>
        <translation>Bilder mit einer Bewertung zwischen T1 und T2 gehen zur Prüfung an einen Menschen.
Aus normalen Daten: T1 = p99 der Leave-one-out-Bewertungen der Trainingsbilder, T2 = deren Maximum × Marge.
Aus Labels: T2 = die F1-optimale Schwelle, T1 lässt höchstens den gewählten Anteil der Fehler passieren.</translation>
    </message>
    <message>
        <source>Review band</source>
        <translation>Prüfbereich</translation>
    </message>
    <message>
        <source>escape ≤ </source>
        <translation>Schlupf ≤ </translation>
    </message>
    <message>
        <source>The largest share of the defective test images allowed to pass as normal</source>
        <translation>Der größte Anteil der fehlerhaften Testbilder, der als normal durchgehen darf</translation>
    </message>
    <message>
        <source>margin × </source>
        <translation>Marge × </translation>
    </message>
    <message>
        <source>T2 = the largest leave-one-out score of the training images × this margin</source>
        <translation>T2 = die größte Leave-one-out-Bewertung der Trainingsbilder × diese Marge</translation>
    </message>
    <message>
        <source>T1 %1 · T2 %2: %3 normal · %4 review · %5 anomalous · %6 defects pass</source>
        <translation>T1 %1 · T2 %2: %3 normal · %4 prüfen · %5 anomal · %6 Fehler durchgelassen</translation>
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
    <message>
        <source>Anomaly map</source>
        <translation>Anomaliekarte</translation>
    </message>
    <message>
        <source>Neighbour product</source>
        <translation>Nachbarprodukt</translation>
    </message>
    <message>
        <source>Colour the overlay by anomaly score, or (images scored against a shared bank) by the product each patch&apos;s nearest bank vector came from</source>
        <translation>Die Überlagerung nach Anomaliebewertung färben oder (bei gegen eine gemeinsame Bank bewerteten Bildern) nach dem Produkt, aus dem der nächste Bankvektor jedes Patches stammt</translation>
    </message>
    <message>
        <source>Nearest neighbour from: %1</source>
        <translation>Nächster Nachbar aus: %1</translation>
    </message>
    <message>
        <source>routed to %1 (margin %2)</source>
        <translation>geleitet zu %1 (Abstand %2)</translation>
    </message>
    <message>
        <source>row %1, column %2, patch score %3
nearest bank vector from product %4%5</source>
        <translation>Zeile %1, Spalte %2, Patch-Bewertung %3
nächster Bankvektor aus Produkt %4%5</translation>
    </message>
    <message>
        <source> (another product)</source>
        <translation> (ein anderes Produkt)</translation>
    </message>
    <message>
        <source>Scale: test set</source>
        <translation>Skala: Testmenge</translation>
    </message>
    <message>
        <source>Scale: normal data</source>
        <translation>Skala: normale Daten</translation>
    </message>
    <message>
        <source>Test set: the colours span every map of the product&apos;s test set.
Normal data: 0 at the median and 1 at the 99.9th percentile of the training patches&apos; leave-one-out scores, the same for every image and run, so heatmaps compare by eye.</source>
        <translation>Testmenge: Die Farben umfassen alle Karten der Testmenge des Produkts.
Normale Daten: 0 beim Median und 1 beim 99,9. Perzentil der Leave-one-out-Bewertungen der Trainings-Patches, gleich für jedes Bild und jeden Lauf, sodass sich Heatmaps mit bloßem Auge vergleichen lassen.</translation>
    </message>
    <message>
        <source>Score %1 in [%2, %3): REVIEW</source>
        <translation>Bewertung %1 in [%2, %3): PRÜFEN</translation>
    </message>
    <message>
        <source>row %1, column %2, patch score %3
reconstruction model: 1 - cosine between the patch&apos;s features and the decoder&apos;s reconstruction of them</source>
        <translation>Zeile %1, Spalte %2, Patch-Bewertung %3
Rekonstruktionsmodell: 1 - Kosinus zwischen den Merkmalen des Patches und ihrer Rekonstruktion durch den Decoder</translation>
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
        <translation>Bilder zum Bewerten einfü&amp;gen</translation>
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
        <translation>
            <numerusform>%n Bild gegen die Bank von %1 bewertet.</numerusform>
            <numerusform>%n Bilder gegen die Bank von %1 bewertet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scoring %n image(s)…</source>
        <translation>
            <numerusform>%n Bild wird bewertet…</numerusform>
            <numerusform>%n Bilder werden bewertet…</numerusform>
        </translation>
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
    <message>
        <source>Memory bank</source>
        <translation>Speicherbank</translation>
    </message>
    <message>
        <source>Budget sweep</source>
        <translation>Budget-Durchlauf</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>Add normal images to the bank</source>
        <translation>Normale Bilder zur Bank hinzufügen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save the bank</source>
        <translation>Bank speichern</translation>
    </message>
    <message>
        <source>Bank files (*.safetensors);;All files (*)</source>
        <translation>Bankdateien (*.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open a bank file</source>
        <translation>Bankdatei öffnen</translation>
    </message>
    <message>
        <source>Export budget &amp;sweep (CSV)…</source>
        <translation>Budget-&amp;Durchlauf exportieren (CSV)…</translation>
    </message>
    <message>
        <source>Write the points of the budget sweep: method, bank size, AUROC</source>
        <translation>Die Punkte des Budget-Durchlaufs schreiben: Methode, Bankgröße, AUROC</translation>
    </message>
    <message>
        <source>Export budget sweep &amp;chart (PNG)…</source>
        <translation>Budget-Durchlauf-&amp;Diagramm exportieren (PNG)…</translation>
    </message>
    <message>
        <source>Save the AUROC-versus-bank-size chart</source>
        <translation>Das Diagramm AUROC über Bankgröße speichern</translation>
    </message>
    <message>
        <source>&amp;Add images to bank…</source>
        <translation>Bilder zur Bank &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add more normal images to the bank in use without rebuilding it</source>
        <translation>Weitere normale Bilder zur verwendeten Bank hinzufügen, ohne sie neu aufzubauen</translation>
    </message>
    <message>
        <source>Sa&amp;ve bank…</source>
        <translation>Bank &amp;speichern…</translation>
    </message>
    <message>
        <source>Write the bank in use to a file</source>
        <translation>Die verwendete Bank in eine Datei schreiben</translation>
    </message>
    <message>
        <source>Open ban&amp;k…</source>
        <translation>Ban&amp;k öffnen…</translation>
    </message>
    <message>
        <source>Use a bank saved earlier</source>
        <translation>Eine früher gespeicherte Bank verwenden</translation>
    </message>
    <message>
        <source>Budget s&amp;weep</source>
        <translation>Budget-&amp;Durchlauf</translation>
    </message>
    <message>
        <source>Image AUROC against bank size for every compression method of the current product</source>
        <translation>Bild-AUROC über der Bankgröße für jede Kompressionsmethode des aktuellen Produkts</translation>
    </message>
    <message>
        <source>S&amp;hared bank…</source>
        <translation>&amp;Gemeinsame Bank…</translation>
    </message>
    <message>
        <source>Several products in one memory bank: pollution, budget allocation and routing</source>
        <translation>Mehrere Produkte in einer Speicherbank: Verschmutzung, Budgetaufteilung und Routing</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelle…</translation>
    </message>
    <message>
        <source>Download pretrained backbones and use one</source>
        <translation>Vortrainierte Backbones herunterladen und eines verwenden</translation>
    </message>
    <message>
        <source>Save the budget sweep</source>
        <translation>Budget-Durchlauf speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Save the budget sweep chart</source>
        <translation>Diagramm des Budget-Durchlaufs speichern</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>Saved the bank to %1</source>
        <translation>Bank nach %1 gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Budget sweep of %1: %n point(s).</source>
        <translation>
            <numerusform>Budget-Durchlauf von %1: %n Punkt.</numerusform>
            <numerusform>Budget-Durchlauf von %1: %n Punkte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bank: %1 (%2 vectors, %3)</source>
        <translation>Bank: %1 (%2 Vektoren, %3)</translation>
    </message>
    <message>
        <source>Budget sweep cancelled.</source>
        <translation>Budget-Durchlauf abgebrochen.</translation>
    </message>
    <message>
        <source>The shared-bank run was cancelled.</source>
        <translation>Der Lauf mit gemeinsamer Bank wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Budget sweep failed: %1</source>
        <translation>Budget-Durchlauf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The shared-bank run failed: %1</source>
        <translation>Der Lauf mit gemeinsamer Bank ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Drop a data set folder, or image files to score them (Shift: add them to the bank).</source>
        <translation>Legen Sie einen Datensatzordner ab oder Bilddateien, um sie zu bewerten (Umschalt: zur Bank hinzufügen).</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n image(s) to the bank of %1…</source>
        <translation>
            <numerusform>%n Bild wird zur Bank von %1 hinzugefügt…</numerusform>
            <numerusform>%n Bilder werden zur Bank von %1 hinzugefügt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened the bank of %1 from %2.</source>
        <translation>Bank von %1 aus %2 geöffnet.</translation>
    </message>
    <message>
        <source>The bank of %1 now holds %2 vectors from %3 images; score again to use them.</source>
        <translation>Die Bank von %1 enthält jetzt %2 Vektoren aus %3 Bildern; bewerten Sie erneut, um sie zu nutzen.</translation>
    </message>
    <message>
        <source>shared bank</source>
        <translation>gemeinsame Bank</translation>
    </message>
    <message>
        <source>Shared bank</source>
        <translation>Gemeinsame Bank</translation>
    </message>
    <message>
        <source>Check at least one product.</source>
        <translation>Wählen Sie mindestens ein Produkt.</translation>
    </message>
    <message numerus="yes">
        <source>Running a shared bank of %n product(s)…</source>
        <translation>
            <numerusform>Gemeinsame Bank aus %n Produkt läuft…</numerusform>
            <numerusform>Gemeinsame Bank aus %n Produkten läuft…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shared bank of %n product(s): %1 vectors, average wrong-neighbour rate %2 %, routing accuracy %3 %.</source>
        <translation>
            <numerusform>Gemeinsame Bank aus %n Produkt: %1 Vektoren, mittlere Falschnachbarrate %2 %, Routing-Genauigkeit %3 %.</numerusform>
            <numerusform>Gemeinsame Bank aus %n Produkten: %1 Vektoren, mittlere Falschnachbarrate %2 %, Routing-Genauigkeit %3 %.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backbone %1 with %2</source>
        <translation>Backbone %1 mit %2</translation>
    </message>
    <message>
        <source>Reference purification</source>
        <translation>Referenzbereinigung</translation>
    </message>
    <message>
        <source>A&amp;udit reference images</source>
        <translation>Referenzbilder &amp;prüfen</translation>
    </message>
    <message>
        <source>Rank the current product&apos;s reference images by how far their patches lie from the other references, and flag the outliers</source>
        <translation>Die Referenzbilder des aktuellen Produkts danach ordnen, wie weit ihre Patches von den übrigen Referenzen entfernt liegen, und die Ausreißer markieren</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: fertig.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <source>Audit of %1: %n reference image(s) flagged.</source>
        <translation>
            <numerusform>Prüfung von %1: %n Referenzbild markiert.</numerusform>
            <numerusform>Prüfung von %1: %n Referenzbilder markiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scoring the test set with every reference patch and with the kept ones…</source>
        <translation>Die Testmenge wird mit allen Referenz-Patches und mit den behaltenen bewertet…</translation>
    </message>
    <message>
        <source>No AUROC to compare: the test set needs labelled normal and anomalous images.</source>
        <translation>Keine AUROC zum Vergleich: Die Testmenge braucht gekennzeichnete normale und anomale Bilder.</translation>
    </message>
    <message>
        <source>The AUROC comparison was cancelled.</source>
        <translation>Der AUROC-Vergleich wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The AUROC comparison failed: %1</source>
        <translation>Der AUROC-Vergleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Patch purification</source>
        <translation>Patch-Bereinigung</translation>
    </message>
    <message>
        <source>Patch purification needs at least two reference images of %1; restore the reference set.</source>
        <translation>Die Patch-Bereinigung braucht mindestens zwei Referenzbilder von %1; stellen Sie die Referenzmenge wieder her.</translation>
    </message>
    <message>
        <source>Training folder screening</source>
        <translation>Durchsuchung des Trainingsordners</translation>
    </message>
    <message>
        <source>Reproduce paper</source>
        <translation>Paper reproduzieren</translation>
    </message>
    <message>
        <source>&amp;Reproduce paper…</source>
        <translation>Paper &amp;reproduzieren…</translation>
    </message>
    <message>
        <source>Run an experiment suite, the tables and figures of a paper, cell by cell in the background</source>
        <translation>Eine Experiment-Suite – die Tabellen und Abbildungen eines Papers – Zelle für Zelle im Hintergrund ausführen</translation>
    </message>
    <message>
        <source>Train detector</source>
        <translation>Detektor trainieren</translation>
    </message>
    <message>
        <source>&amp;Train detector…</source>
        <translation>Detektor &amp;trainieren…</translation>
    </message>
    <message>
        <source>Train the reconstruction detector on a product, alone or with MeDS, with live curves</source>
        <translation>Den Rekonstruktionsdetektor auf einem Produkt trainieren, allein oder mit MeDS, mit Live-Kurven</translation>
    </message>
    <message>
        <source>Open detector &amp;model…</source>
        <translation>Detektor&amp;modell öffnen…</translation>
    </message>
    <message>
        <source>Score the product&apos;s test images with a trained reconstruction model and show its training curves</source>
        <translation>Die Testbilder des Produkts mit einem trainierten Rekonstruktionsmodell bewerten und seine Trainingskurven zeigen</translation>
    </message>
    <message>
        <source>Open a detector model</source>
        <translation>Ein Detektormodell öffnen</translation>
    </message>
    <message>
        <source>Model files (*.safetensors);;All files (*)</source>
        <translation>Modelldateien (*.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The model file cannot be read: %1</source>
        <translation>Die Modelldatei ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>The model cannot be used: %1</source>
        <translation>Das Modell ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>%1 scored by the reconstruction model %2: %3 images, image AUROC %4, pixel AUROC %5</source>
        <translation>%1 mit dem Rekonstruktionsmodell %2 bewertet: %3 Bilder, Bild-AUROC %4, Pixel-AUROC %5</translation>
    </message>
    <message>
        <source>Train detector: %1</source>
        <translation>Detektor trainieren: %1</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>%1 cannot be removed: %2</source>
        <translation>%1 kann nicht gelöscht werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) scored by the detector model of %1.</source>
        <translation>
            <numerusform>%n Bild vom Detektormodell von %1 bewertet.</numerusform>
            <numerusform>%n Bilder vom Detektormodell von %1 bewertet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pb::ui::ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>PatchBank reads the Hugging Face &lt;tt&gt;model.safetensors&lt;/tt&gt; of these backbones directly and ships no weights. A download resumes where it stopped and is checked against the size and SHA-256 the hub announces.</source>
        <translation>PatchBank liest die Hugging-Face-Datei &lt;tt&gt;model.safetensors&lt;/tt&gt; dieser Backbones direkt und liefert keine Gewichte mit. Ein Download setzt dort fort, wo er aufgehört hat, und wird gegen die Größe und den SHA-256 geprüft, die der Hub angibt.</translation>
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
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Hugging Face repository</source>
        <translation>Hugging-Face-Repository</translation>
    </message>
    <message>
        <source>
Used by: %1</source>
        <translation>
Verwendet von: %1</translation>
    </message>
    <message>
        <source>%1 (gated)</source>
        <translation>%1 (zugangsbeschränkt)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the folder models are kept in</source>
        <translation>Den Ordner wählen, in dem Modelle liegen</translation>
    </message>
    <message>
        <source>only for gated models, e.g. DINOv3</source>
        <translation>nur für zugangsbeschränkte Modelle, z. B. DINOv3</translation>
    </message>
    <message>
        <source>taken from HF_TOKEN when left empty</source>
        <translation>aus HF_TOKEN, wenn leer</translation>
    </message>
    <message>
        <source>Remember</source>
        <translation>Merken</translation>
    </message>
    <message>
        <source>Keeps the token in PatchBank&apos;s settings file, in plain text</source>
        <translation>Speichert das Token im Klartext in der Einstellungsdatei von PatchBank</translation>
    </message>
    <message>
        <source>Models folder:</source>
        <translation>Modellordner:</translation>
    </message>
    <message>
        <source>Hugging Face token:</source>
        <translation>Hugging-Face-Token:</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>Dieses Modell verwenden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>heruntergeladen</translation>
    </message>
    <message>
        <source>present, not verified</source>
        <translation>vorhanden, nicht geprüft</translation>
    </message>
    <message>
        <source>partly downloaded</source>
        <translation>teilweise heruntergeladen</translation>
    </message>
    <message>
        <source>not downloaded</source>
        <translation>nicht heruntergeladen</translation>
    </message>
    <message>
        <source>Used by: %1</source>
        <translation>Verwendet von: %1</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>Lizenz: %1</translation>
    </message>
    <message>
        <source>Hub page: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Hub-Seite: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Gated: log in on the hub page, accept the licence, then enter an access token of that account above (or set HF_TOKEN).</source>
        <translation>Zugangsbeschränkt: Melden Sie sich auf der Hub-Seite an, akzeptieren Sie die Lizenz und geben Sie dann oben ein Zugriffstoken dieses Kontos ein (oder setzen Sie HF_TOKEN).</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1…</translation>
    </message>
    <message>
        <source>%1 downloaded (%2 MiB) and verified%3.</source>
        <translation>%1 heruntergeladen (%2 MiB) und geprüft%3.</translation>
    </message>
    <message>
        <source> with the SHA-256 the hub announced</source>
        <translation> mit dem vom Hub angegebenen SHA-256</translation>
    </message>
    <message>
        <source>%1 was already downloaded.</source>
        <translation>%1 war bereits heruntergeladen.</translation>
    </message>
    <message>
        <source>Download cancelled; what arrived is kept and the next download resumes from there.</source>
        <translation>Download abgebrochen; das Empfangene bleibt erhalten und der nächste Download setzt dort fort.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 / %2 MiB</source>
        <translation>%1 / %2 MiB</translation>
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
    <message>
        <source>nearest bank vector is a prototype
(no single training patch)</source>
        <translation>nächster Bankvektor ist ein Prototyp
(kein einzelner Trainings-Patch)</translation>
    </message>
</context>
<context>
    <name>pb::ui::PurificationPanel</name>
    <message>
        <source>imgmax — worst patch</source>
        <translation>imgmax — schlechtester Patch</translation>
    </message>
    <message>
        <source>q99 — 99th percentile</source>
        <translation>q99 — 99. Perzentil</translation>
    </message>
    <message>
        <source>top5 — mean of the top 5 %</source>
        <translation>top5 — Mittel der höchsten 5 %</translation>
    </message>
    <message>
        <source>mean — mean of all patches</source>
        <translation>mean — Mittel aller Patches</translation>
    </message>
    <message>
        <source>How an image&apos;s leave-one-out patch scores become its audit score</source>
        <translation>Wie die Leave-one-out-Bewertungen der Patches eines Bildes zu seiner Prüfbewertung werden</translation>
    </message>
    <message>
        <source>Flag images above median + k × 1.4826 × MAD of the audit scores (at most 40 % of them)</source>
        <translation>Bilder über Median + k × 1,4826 × MAD der Prüfbewertungen markieren (höchstens 40 % davon)</translation>
    </message>
    <message>
        <source>Audit references</source>
        <translation>Referenzen prüfen</translation>
    </message>
    <message>
        <source>Score every reference image by its patches&apos; distances to the other references</source>
        <translation>Jedes Referenzbild nach den Distanzen seiner Patches zu den übrigen Referenzen bewerten</translation>
    </message>
    <message>
        <source>loo — leave-one-out distance</source>
        <translation>loo — Leave-one-out-Distanz</translation>
    </message>
    <message>
        <source>loo_cosine — leave-one-out, cosine</source>
        <translation>loo_cosine — Leave-one-out, Kosinus</translation>
    </message>
    <message>
        <source>mahalanobis — Ledoit-Wolf</source>
        <translation>mahalanobis — Ledoit-Wolf</translation>
    </message>
    <message>
        <source>ensemble — loo and Mahalanobis</source>
        <translation>ensemble — loo und Mahalanobis</translation>
    </message>
    <message>
        <source>lof — local outlier factor</source>
        <translation>lof — Local Outlier Factor</translation>
    </message>
    <message>
        <source>pca — reconstruction error</source>
        <translation>pca — Rekonstruktionsfehler</translation>
    </message>
    <message>
        <source>The outlier score of every reference patch; the patches above its 95th percentile are removed</source>
        <translation>Die Ausreißerbewertung jedes Referenz-Patches; die Patches über ihrem 95. Perzentil werden entfernt</translation>
    </message>
    <message>
        <source>Score patches</source>
        <translation>Patches bewerten</translation>
    </message>
    <message>
        <source>Score the reference patches and show those a patch filter removes</source>
        <translation>Die Referenz-Patches bewerten und zeigen, welche ein Patch-Filter entfernt</translation>
    </message>
    <message>
        <source>Remove flagged</source>
        <translation>Markierte entfernen</translation>
    </message>
    <message>
        <source>Leave the flagged images out of the reference set and rebuild the bank</source>
        <translation>Die markierten Bilder aus der Referenzmenge nehmen und die Bank neu aufbauen</translation>
    </message>
    <message>
        <source>Recapture from unused</source>
        <translation>Aus ungenutzten ersetzen</translation>
    </message>
    <message>
        <source>Replace the flagged images by training images the reference set does not use, and rebuild the bank</source>
        <translation>Die markierten Bilder durch Trainingsbilder ersetzen, die die Referenzmenge nicht nutzt, und die Bank neu aufbauen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Go back to the original reference set and rebuild the bank</source>
        <translation>Zur ursprünglichen Referenzmenge zurückkehren und die Bank neu aufbauen</translation>
    </message>
    <message>
        <source>Screen training folder (MeDS)</source>
        <translation>Trainingsordner durchsuchen (MeDS)</translation>
    </message>
    <message>
        <source>Rank every training image of the product with the MeDS memory ensemble (100 bootstrap memories of 10 % of the images each)</source>
        <translation>Jedes Trainingsbild des Produkts mit dem MeDS-Speicherensemble ordnen (100 Bootstrap-Speicher aus je 10 % der Bilder)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Image audit</source>
        <translation>Bildprüfung</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>k (MADs)</source>
        <translation>k (MADs)</translation>
    </message>
    <message>
        <source>Patch purification</source>
        <translation>Patch-Bereinigung</translation>
    </message>
    <message>
        <source>Reference set</source>
        <translation>Referenzmenge</translation>
    </message>
    <message>
        <source>Audit the references to rank them; flagged images are outlined in red.</source>
        <translation>Prüfen Sie die Referenzen, um sie zu ordnen; markierte Bilder werden rot umrandet.</translation>
    </message>
    <message>
        <source>References, most suspicious first</source>
        <translation>Referenzen, verdächtigste zuerst</translation>
    </message>
    <message>
        <source>Audit score</source>
        <translation>Prüfbewertung</translation>
    </message>
    <message>
        <source>Audit scores by rank; flagged references in red, the MAD threshold dashed. Click a bar to show that reference.</source>
        <translation>Prüfbewertungen nach Rang; markierte Referenzen rot, die MAD-Schwelle gestrichelt. Ein Klick auf einen Balken zeigt diese Referenz.</translation>
    </message>
    <message>
        <source>Screen the whole training folder to rank its images by their MeDS score.</source>
        <translation>Durchsuchen Sie den ganzen Trainingsordner, um seine Bilder nach ihrer MeDS-Bewertung zu ordnen.</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>MeDS score</source>
        <translation>MeDS-Bewertung</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referenzen</translation>
    </message>
    <message>
        <source>Training folder (MeDS)</source>
        <translation>Trainingsordner (MeDS)</translation>
    </message>
    <message>
        <source>Click a reference to see its worst patches and their nearest neighbours.</source>
        <translation>Klicken Sie auf eine Referenz, um ihre schlechtesten Patches und deren nächste Nachbarn zu sehen.</translation>
    </message>
    <message>
        <source>Select a product.</source>
        <translation>Wählen Sie ein Produkt.</translation>
    </message>
    <message>
        <source>Audit the references of %1 to rank them; flagged images are outlined in red.</source>
        <translation>Prüfen Sie die Referenzen von %1, um sie zu ordnen; markierte Bilder werden rot umrandet.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in the bank&apos;s reference set.</source>
        <translation>
            <numerusform>%n Bild in der Referenzmenge der Bank.</numerusform>
            <numerusform>%n Bilder in der Referenzmenge der Bank.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 removed, %2 recaptured.</source>
        <translation>%1 entfernt, %2 ersetzt.</translation>
    </message>
    <message numerus="yes">
        <source>%n unused training image(s).</source>
        <translation>
            <numerusform>%n ungenutztes Trainingsbild.</numerusform>
            <numerusform>%n ungenutzte Trainingsbilder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replace the flagged images by training images the reference set does not use (%n left), and rebuild the bank</source>
        <translation>
            <numerusform>Die markierten Bilder durch Trainingsbilder ersetzen, die die Referenzmenge nicht nutzt (%n übrig), und die Bank neu aufbauen</numerusform>
            <numerusform>Die markierten Bilder durch Trainingsbilder ersetzen, die die Referenzmenge nicht nutzt (%n übrig), und die Bank neu aufbauen</numerusform>
        </translation>
    </message>
    <message>
        <source>No training image is left unused: every one is in the reference set or was removed</source>
        <translation>Kein Trainingsbild ist ungenutzt: Jedes ist in der Referenzmenge oder wurde entfernt</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n reference(s) audited (%2, k = %3): median %4, MAD %5, threshold %6.</source>
        <translation>
            <numerusform>%1: %n Referenz geprüft (%2, k = %3): Median %4, MAD %5, Schwelle %6.</numerusform>
            <numerusform>%1: %n Referenzen geprüft (%2, k = %3): Median %4, MAD %5, Schwelle %6.</numerusform>
        </translation>
    </message>
    <message>
        <source>The scores hardly vary (MAD below 1e-12): nothing is flagged.</source>
        <translation>Die Bewertungen streuen kaum (MAD unter 1e-12): Nichts wird markiert.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n flagged&lt;/b&gt; (at most %1).</source>
        <translation>
            <numerusform>&lt;b&gt;%n markiert&lt;/b&gt; (höchstens %1).</numerusform>
            <numerusform>&lt;b&gt;%n markiert&lt;/b&gt; (höchstens %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>None flagged.</source>
        <translation>Keines markiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be read.</source>
        <translation>
            <numerusform>%n Bild konnte nicht gelesen werden.</numerusform>
            <numerusform>%n Bilder konnten nicht gelesen werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n training image(s) screened with %2 memories of %3 image(s) each in %4 s: median %5, MAD %6, threshold %7 (median + %8 × MAD).</source>
        <translation>
            <numerusform>%1: %n Trainingsbild mit %2 Speichern aus je %3 Bild(ern) in %4 s durchsucht: Median %5, MAD %6, Schwelle %7 (Median + %8 × MAD).</numerusform>
            <numerusform>%1: %n Trainingsbilder mit %2 Speichern aus je %3 Bild(ern) in %4 s durchsucht: Median %5, MAD %6, Schwelle %7 (Median + %8 × MAD).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n suspicious&lt;/b&gt;.</source>
        <translation>
            <numerusform>&lt;b&gt;%n verdächtig&lt;/b&gt;.</numerusform>
            <numerusform>&lt;b&gt;%n verdächtig&lt;/b&gt;.</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>#%1 · %2
%3</source>
        <translation>#%1 · %2
%3</translation>
    </message>
    <message>
        <source>Flagged: audit score %1 &gt; threshold %2</source>
        <translation>Markiert: Prüfbewertung %1 &gt; Schwelle %2</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n patch(es) removed</source>
        <translation>
            <numerusform>%1
%n Patch entfernt</numerusform>
            <numerusform>%1
%n Patches entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>Out of the reference set now (Restore brings it back)</source>
        <translation>Jetzt nicht in der Referenzmenge (Wiederherstellen holt es zurück)</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>markiert</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
    <message>
        <source>median %1</source>
        <translation>Median %1</translation>
    </message>
    <message>
        <source>No reference to show yet.</source>
        <translation>Noch keine Referenz anzuzeigen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is flagged.&lt;/b&gt; Its worst patch (row %2, column %3) is %4 from its nearest other references; audit score %5 &amp;gt; threshold %6.</source>
        <translation>&lt;b&gt;%1 ist markiert.&lt;/b&gt; Sein schlechtester Patch (Zeile %2, Spalte %3) liegt %4 von seinen nächsten anderen Referenzen entfernt; Prüfbewertung %5 &amp;gt; Schwelle %6.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; scores %2, above the threshold %3, but the audit flags at most %4 images.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; erreicht %2, über der Schwelle %3, aber die Prüfung markiert höchstens %4 Bilder.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is not flagged: audit score %2 ≤ threshold %3. Its worst patch (row %4, column %5) is %6 from its nearest other references.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ist nicht markiert: Prüfbewertung %2 ≤ Schwelle %3. Sein schlechtester Patch (Zeile %4, Spalte %5) liegt %6 von seinen nächsten anderen Referenzen entfernt.</translation>
    </message>
    <message>
        <source>It is out of the reference set now.</source>
        <translation>Es ist jetzt nicht mehr in der Referenzmenge.</translation>
    </message>
    <message>
        <source>worst patch
row %1, col %2
score %3</source>
        <translation>schlechtester Patch
Zeile %1, Sp. %2
Bewertung %3</translation>
    </message>
    <message>
        <source>%1
row %2, col %3
distance %4</source>
        <translation>%1
Zeile %2, Sp. %3
Distanz %4</translation>
    </message>
    <message numerus="yes">
        <source>Its worst patch beside its %n nearest patches among the other references:</source>
        <translation>
            <numerusform>Sein schlechtester Patch neben seinem nächsten Patch unter den übrigen Referenzen:</numerusform>
            <numerusform>Sein schlechtester Patch neben seinen %n nächsten Patches unter den übrigen Referenzen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n patch(es) above the 95th percentile of the %2 scores.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n Patch über dem 95. Perzentil der %2-Bewertungen.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n Patches über dem 95. Perzentil der %2-Bewertungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit the references to see the nearest patches of the worst one.</source>
        <translation>Prüfen Sie die Referenzen, um die nächsten Patches des schlechtesten zu sehen.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is suspicious:&lt;/b&gt; MeDS score %2 &amp;gt; threshold %3.</source>
        <translation>&lt;b&gt;%1 ist verdächtig:&lt;/b&gt; MeDS-Bewertung %2 &amp;gt; Schwelle %3.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: MeDS score %2 ≤ threshold %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: MeDS-Bewertung %2 ≤ Schwelle %3.</translation>
    </message>
    <message>
        <source>MeDS compares each patch with bootstrap memories of other training images; the outlined patches are the ones its score averages.</source>
        <translation>MeDS vergleicht jeden Patch mit Bootstrap-Speichern aus anderen Trainingsbildern; die umrandeten Patches sind die, über die seine Bewertung mittelt.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 of %3 patches above the 95th percentile (%4) removed, in %5 of %n reference(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 von %3 Patches über dem 95. Perzentil (%4) entfernt, in %5 von %n Referenz.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 von %3 Patches über dem 95. Perzentil (%4) entfernt, in %5 von %n Referenzen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Painting them highest score first: %1 of %2.</source>
        <translation>Sie werden gezeichnet, höchste Bewertung zuerst: %1 von %2.</translation>
    </message>
    <message>
        <source>Test-set image AUROC (%1 normal, %2 anomalous): &lt;b&gt;%3&lt;/b&gt; with every patch, &lt;b&gt;%4&lt;/b&gt; with the kept ones (%5).</source>
        <translation>Bild-AUROC der Testmenge (%1 normal, %2 anomal): &lt;b&gt;%3&lt;/b&gt; mit allen Patches, &lt;b&gt;%4&lt;/b&gt; mit den behaltenen (%5).</translation>
    </message>
    <message>
        <source>not flagged</source>
        <translation>nicht markiert</translation>
    </message>
</context>
<context>
    <name>pb::ui::RouterPanel</name>
    <message>
        <source>Run a shared bank (Engine &gt; Shared bank…) to see how its images are routed.</source>
        <translation>Führen Sie eine gemeinsame Bank aus (Engine &gt; Gemeinsame Bank…), um zu sehen, wie ihre Bilder geleitet werden.</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>True product</source>
        <translation>Wahres Produkt</translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation>Geleitet zu</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Wrongly routed images are red; click one to inspect it</source>
        <translation>Falsch geleitete Bilder sind rot; klicken Sie eines an, um es zu prüfen</translation>
    </message>
    <message>
        <source>Rows: the true product; columns: the product the router chose</source>
        <translation>Zeilen: das wahre Produkt; Spalten: das vom Router gewählte Produkt</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Bank vectors</source>
        <translation>Bankvektoren</translation>
    </message>
    <message>
        <source>Image AUROC</source>
        <translation>Bild-AUROC</translation>
    </message>
    <message>
        <source>Pixel AUROC</source>
        <translation>Pixel-AUROC</translation>
    </message>
    <message>
        <source>Wrong-neighbour rate</source>
        <translation>Falschnachbarrate</translation>
    </message>
    <message>
        <source>Routing accuracy</source>
        <translation>Routing-Genauigkeit</translation>
    </message>
    <message>
        <source>Median margin</source>
        <translation>Medianer Abstand</translation>
    </message>
    <message>
        <source>Routed correctly</source>
        <translation>Richtig geleitet</translation>
    </message>
    <message>
        <source>Routed wrongly</source>
        <translation>Falsch geleitet</translation>
    </message>
    <message>
        <source>Routing margin (second-nearest minus nearest prototype distance)</source>
        <translation>Routing-Abstand (Distanz zum zweitnächsten minus zum nächsten Prototyp)</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>Verwechslung</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Abstände</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>No shared-bank run yet.</source>
        <translation>Noch kein Lauf mit gemeinsamer Bank.</translation>
    </message>
    <message>
        <source>routing accuracy %1 (%2 of %3 test images)</source>
        <translation>Routing-Genauigkeit %1 (%2 von %3 Testbildern)</translation>
    </message>
    <message>
        <source>no routing</source>
        <translation>kein Routing</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 products&lt;/b&gt; in one %2 bank (%3 allocator, %4 MB budget): %5 vectors, %6; %7.&lt;br&gt;Router: %8 bytes (%9 prototypes × %10 dimensions), %11. Average wrong-neighbour rate %12.</source>
        <translation>&lt;b&gt;%1 Produkte&lt;/b&gt; in einer %2-Bank (Verteiler %3, Budget %4 MB): %5 Vektoren, %6; %7.&lt;br&gt;Router: %8 Byte (%9 Prototypen × %10 Dimensionen), %11. Mittlere Falschnachbarrate %12.</translation>
    </message>
    <message>
        <source>each test image searched in its routed product&apos;s share only</source>
        <translation>jedes Testbild nur im Anteil seines zugewiesenen Produkts gesucht</translation>
    </message>
    <message>
        <source>each test image searched in the whole shared bank</source>
        <translation>jedes Testbild in der ganzen gemeinsamen Bank gesucht</translation>
    </message>
    <message>
        <source>anomalous (%1)</source>
        <translation>anomal (%1)</translation>
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
        <source>Routed to %1 instead of %2</source>
        <translation>Zu %1 statt zu %2 geleitet</translation>
    </message>
    <message>
        <source>%1 of %2 test images of %3 routed to %4 (%5)</source>
        <translation>%1 von %2 Testbildern von %3 zu %4 geleitet (%5)</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Mittel</translation>
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
        <source>threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
    <message>
        <source>Drag the dashed line to move the image threshold, the orange lines to move the review band</source>
        <translation>Ziehen Sie die gestrichelte Linie, um die Bildschwelle zu verschieben, und die orangefarbenen Linien, um den Prüfbereich zu verschieben</translation>
    </message>
    <message>
        <source>T1 %1</source>
        <translation>T1 %1</translation>
    </message>
    <message>
        <source>T2 %1</source>
        <translation>T2 %1</translation>
    </message>
</context>
<context>
    <name>pb::ui::SharedBankDialog</name>
    <message>
        <source>Shared bank</source>
        <translation>Gemeinsame Bank</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <source>Add data-set folder…</source>
        <translation>Datensatzordner hinzufügen…</translation>
    </message>
    <message>
        <source>Products of another data set can share the bank too; names must differ</source>
        <translation>Auch Produkte eines anderen Datensatzes können die Bank teilen; die Namen müssen sich unterscheiden</translation>
    </message>
    <message>
        <source>How every product&apos;s share of the bank is compressed</source>
        <translation>Wie der Anteil jedes Produkts an der Bank komprimiert wird</translation>
    </message>
    <message>
        <source>e.g. seed=1</source>
        <translation>z. B. seed=1</translation>
    </message>
    <message>
        <source>Options appended to every share&apos;s bank spec</source>
        <translation>Optionen, die an die Bankspezifikation jedes Anteils angehängt werden</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Total bank size in MiB of float32 vectors, split over the products</source>
        <translation>Gesamtgröße der Bank in MiB an float32-Vektoren, aufgeteilt auf die Produkte</translation>
    </message>
    <message>
        <source>Uniform: equal shares</source>
        <translation>Gleichmäßig: gleiche Anteile</translation>
    </message>
    <message>
        <source>Proportional to the training patches</source>
        <translation>Proportional zu den Trainings-Patches</translation>
    </message>
    <message>
        <source>Oracle (uses the test labels: a reference, not deployable)</source>
        <translation>Orakel (nutzt die Testlabels: eine Referenz, nicht einsetzbar)</translation>
    </message>
    <message>
        <source>Dispersion: mean nearest-neighbour distance</source>
        <translation>Streuung: mittlere Distanz zum nächsten Nachbarn</translation>
    </message>
    <message>
        <source>Complexity: k-means clusters needed</source>
        <translation>Komplexität: benötigte k-Means-Cluster</translation>
    </message>
    <message>
        <source>Route every test image to its product&apos;s share</source>
        <translation>Jedes Testbild zum Anteil seines Produkts leiten</translation>
    </message>
    <message>
        <source>Off: every image is searched in the whole shared bank (pollution); the router is evaluated either way</source>
        <translation>Aus: jedes Bild wird in der ganzen gemeinsamen Bank gesucht (Verschmutzung); der Router wird in jedem Fall bewertet</translation>
    </message>
    <message>
        <source>Euclidean (L2)</source>
        <translation>Euklidisch (L2)</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Compressor</source>
        <translation>Kompressor</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Total budget</source>
        <translation>Gesamtbudget</translation>
    </message>
    <message>
        <source>Allocator</source>
        <translation>Verteiler</translation>
    </message>
    <message>
        <source>Router metric</source>
        <translation>Router-Metrik</translation>
    </message>
    <message>
        <source>Products that share the bank:</source>
        <translation>Produkte, die sich die Bank teilen:</translation>
    </message>
    <message>
        <source>Add the products of a data-set folder</source>
        <translation>Die Produkte eines Datensatzordners hinzufügen</translation>
    </message>
    <message>
        <source>Still reading the previous folder.</source>
        <translation>Der vorige Ordner wird noch gelesen.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no product.</source>
        <translation>%1 enthält kein Produkt.</translation>
    </message>
    <message>
        <source>%1 is listed already.</source>
        <translation>%1 ist bereits aufgeführt.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n product(s) of %1.</source>
        <translation>
            <numerusform>%n Produkt von %1 hinzugefügt.</numerusform>
            <numerusform>%n Produkte von %1 hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check at least one product.</source>
        <translation>Wählen Sie mindestens ein Produkt.</translation>
    </message>
    <message>
        <source>Product &quot;%1&quot; is checked in two data sets; product names must be unique.</source>
        <translation>Produkt „%1“ ist in zwei Datensätzen gewählt; Produktnamen müssen eindeutig sein.</translation>
    </message>
    <message>
        <source>The feature size is not known yet.</source>
        <translation>Die Merkmalsgröße ist noch unbekannt.</translation>
    </message>
    <message>
        <source>= %1 vectors of dimension %2; the checked products have about %3 training patches%4</source>
        <translation>= %1 Vektoren der Dimension %2; die gewählten Produkte haben etwa %3 Trainings-Patches%4</translation>
    </message>
    <message>
        <source> (every patch fits: no compression)</source>
        <translation> (jeder Patch passt: keine Kompression)</translation>
    </message>
</context>
<context>
    <name>pb::ui::SuitePanel</name>
    <message>
        <source>Features: %1</source>
        <translation>Merkmale: %1</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>The experiment suites shipped with PatchBank and the suite files you opened</source>
        <translation>Die mit PatchBank gelieferten Experiment-Suiten und die von Ihnen geöffneten Suite-Dateien</translation>
    </message>
    <message>
        <source>Open suite file…</source>
        <translation>Suite-Datei öffnen…</translation>
    </message>
    <message>
        <source>Suite</source>
        <translation>Suite</translation>
    </message>
    <message>
        <source>Data-set folders</source>
        <translation>Datensatzordner</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Optional: a backbone without a weights file runs on random weights.</source>
        <translation>Optional: Ein Backbone ohne Gewichtsdatei läuft mit zufälligen Gewichten.</translation>
    </message>
    <message>
        <source>The results log: one line per finished cell, appended as each cell ends. A run goes on from the cells its log holds.</source>
        <translation>Das Ergebnisprotokoll: eine Zeile je fertiger Zelle, angehängt, sobald die Zelle endet. Ein Lauf setzt bei den Zellen fort, die sein Protokoll enthält.</translation>
    </message>
    <message>
        <source>Choose the results log</source>
        <translation>Ergebnisprotokoll wählen</translation>
    </message>
    <message>
        <source>Results log</source>
        <translation>Ergebnisprotokoll</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Zur Warteschlange hinzufügen</translation>
    </message>
    <message>
        <source>Queue this suite run; queued runs go one after the other</source>
        <translation>Diesen Suite-Lauf einreihen; eingereihte Läufe laufen nacheinander</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Start no further cell; the cell running now finishes and is kept</source>
        <translation>Keine weitere Zelle starten; die laufende Zelle wird beendet und behalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Go on from where the results logs stand</source>
        <translation>Dort weitermachen, wo die Ergebnisprotokolle stehen</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Stop the selected run now and take it off the queue; its log keeps the cells done</source>
        <translation>Den gewählten Lauf sofort anhalten und aus der Warteschlange nehmen; sein Protokoll behält die fertigen Zellen</translation>
    </message>
    <message>
        <source>Queue a run to see its cells, tables and figures.</source>
        <translation>Reihen Sie einen Lauf ein, um seine Zellen, Tabellen und Abbildungen zu sehen.</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>Alles exportieren…</translation>
    </message>
    <message>
        <source>Write the tables (CSV, Markdown, LaTeX), the figures and a copy of the results log into a folder</source>
        <translation>Die Tabellen (CSV, Markdown, LaTeX), die Abbildungen und eine Kopie des Ergebnisprotokolls in einen Ordner schreiben</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Abbildungen</translation>
    </message>
    <message>
        <source>New run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Cell %1 (%2, %3)</source>
        <translation>Zelle %1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n cell(s))</source>
        <translation>
            <numerusform>%1 (%n Zelle)</numerusform>
            <numerusform>%1 (%n Zellen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot use %1: %2</source>
        <translation>%1 ist nicht verwendbar: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s)</source>
        <translation>
            <numerusform>%n Zelle</numerusform>
            <numerusform>%n Zellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n experiment(s) (%1)</source>
        <translation>
            <numerusform>%n Experiment (%1)</numerusform>
            <numerusform>%n Experimente (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>data sets: %1</source>
        <translation>Datensätze: %1</translation>
    </message>
    <message>
        <source>No suite: open a suite file.</source>
        <translation>Keine Suite: Öffnen Sie eine Suite-Datei.</translation>
    </message>
    <message>
        <source>Open a suite file</source>
        <translation>Eine Suite-Datei öffnen</translation>
    </message>
    <message>
        <source>Suite files (*.json);;All files (*)</source>
        <translation>Suite-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>folder of %1</source>
        <translation>Ordner von %1</translation>
    </message>
    <message>
        <source>Choose the folder of the data set %1</source>
        <translation>Den Ordner des Datensatzes %1 wählen</translation>
    </message>
    <message>
        <source>Choose the weights file of %1</source>
        <translation>Die Gewichtsdatei von %1 wählen</translation>
    </message>
    <message>
        <source>none: random weights</source>
        <translation>keine: zufällige Gewichte</translation>
    </message>
    <message>
        <source>needs no weights</source>
        <translation>braucht keine Gewichte</translation>
    </message>
    <message>
        <source>Give the folder of the data set %1.</source>
        <translation>Geben Sie den Ordner des Datensatzes %1 an.</translation>
    </message>
    <message>
        <source>No folder %1.</source>
        <translation>Kein Ordner %1.</translation>
    </message>
    <message>
        <source>The open data set has this name: &lt;a href=&quot;use&quot;&gt;use %1&lt;/a&gt;</source>
        <translation>Der geöffnete Datensatz trägt diesen Namen: &lt;a href=&quot;use&quot;&gt;%1 verwenden&lt;/a&gt;</translation>
    </message>
    <message>
        <source>No weights file: %1 runs on random weights and its scores mean little.</source>
        <translation>Keine Gewichtsdatei: %1 läuft mit zufälligen Gewichten, und seine Bewertungen sagen wenig aus.</translation>
    </message>
    <message>
        <source>No file %1.</source>
        <translation>Keine Datei %1.</translation>
    </message>
    <message>
        <source>Give the results log.</source>
        <translation>Geben Sie das Ergebnisprotokoll an.</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file.</source>
        <translation>%1 ist ein Ordner; geben Sie eine Datei an.</translation>
    </message>
    <message>
        <source>The log exists: the run goes on from the cells it holds.</source>
        <translation>Das Protokoll existiert: Der Lauf setzt bei den Zellen fort, die es enthält.</translation>
    </message>
    <message>
        <source>A new log: every finished cell is appended to it.</source>
        <translation>Ein neues Protokoll: Jede fertige Zelle wird angehängt.</translation>
    </message>
    <message>
        <source>Choose a suite.</source>
        <translation>Wählen Sie eine Suite.</translation>
    </message>
    <message>
        <source>The data set %1 has no folder.</source>
        <translation>Der Datensatz %1 hat keinen Ordner.</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist: %2</source>
        <translation>Der Ordner von %1 existiert nicht: %2</translation>
    </message>
    <message>
        <source>The weights of %1 do not exist: %2</source>
        <translation>Die Gewichte von %1 existieren nicht: %2</translation>
    </message>
    <message>
        <source>The results log %1 is a folder.</source>
        <translation>Das Ergebnisprotokoll %1 ist ein Ordner.</translation>
    </message>
    <message>
        <source>Queued; the queue is paused: Resume starts it.</source>
        <translation>Eingereiht; die Warteschlange ist pausiert: „Fortsetzen“ startet ihn.</translation>
    </message>
    <message>
        <source>The folder of the data set %1</source>
        <translation>Der Ordner des Datensatzes %1</translation>
    </message>
    <message>
        <source>The weights of %1</source>
        <translation>Die Gewichte von %1</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pt *.pth);;All files (*)</source>
        <translation>Gewichte (*.safetensors *.pt *.pth);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The results log</source>
        <translation>Das Ergebnisprotokoll</translation>
    </message>
    <message>
        <source>Results logs (*.jsonl);;All files (*)</source>
        <translation>Ergebnisprotokolle (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Queue (%1)</source>
        <translation>Warteschlange (%1)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>waiting, %1</source>
        <translation>wartet, %1</translation>
    </message>
    <message>
        <source>running, %1</source>
        <translation>läuft, %1</translation>
    </message>
    <message>
        <source>paused, %1</source>
        <translation>pausiert, %1</translation>
    </message>
    <message>
        <source>done, %1, %2 failed</source>
        <translation>fertig, %1, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>done, %1</source>
        <translation>fertig, %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Take the run off the list; its results log stays</source>
        <translation>Den Lauf aus der Liste nehmen; sein Ergebnisprotokoll bleibt</translation>
    </message>
    <message>
        <source>No run queued.</source>
        <translation>Kein Lauf eingereiht.</translation>
    </message>
    <message>
        <source>The queue is paused.</source>
        <translation>Die Warteschlange ist pausiert.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 cells done, %4 failed</source>
        <translation>%1: %2 von %3 Zellen fertig, %4 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2 of %3 cells done</source>
        <translation>%1: %2 von %3 Zellen fertig</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>startet…</translation>
    </message>
    <message>
        <source>Every cell has run.</source>
        <translation>Alle Zellen sind gelaufen.</translation>
    </message>
    <message>
        <source>Opening the results log…</source>
        <translation>Das Ergebnisprotokoll wird geöffnet…</translation>
    </message>
    <message>
        <source>No cell running.</source>
        <translation>Keine Zelle läuft.</translation>
    </message>
    <message>
        <source>The queue is paused: Resume goes on from where the results logs stand.</source>
        <translation>Die Warteschlange ist pausiert: „Fortsetzen“ macht dort weiter, wo die Ergebnisprotokolle stehen.</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Verstrichen %1</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · noch etwa %1</translation>
    </message>
    <message>
        <source>The figures fill in as cells finish.</source>
        <translation>Die Abbildungen füllen sich, sobald Zellen fertig werden.</translation>
    </message>
    <message>
        <source>Nothing to export yet: no cell of this run has finished.</source>
        <translation>Noch nichts zu exportieren: Keine Zelle dieses Laufs ist fertig.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Export the tables, figures and log to</source>
        <translation>Tabellen, Abbildungen und Protokoll exportieren nach</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n table(s) as CSV, Markdown and LaTeX, %1 figure(s) as PNG and SVG and the results log (%2) to %3</source>
        <translation>
            <numerusform>%n Tabelle als CSV, Markdown und LaTeX, %1 Abbildung(en) als PNG und SVG und das Ergebnisprotokoll (%2) nach %3 geschrieben</numerusform>
            <numerusform>%n Tabellen als CSV, Markdown und LaTeX, %1 Abbildung(en) als PNG und SVG und das Ergebnisprotokoll (%2) nach %3 geschrieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pb::ui::SuiteQueue</name>
    <message>
        <source>The results log cannot be read: %1</source>
        <translation>Das Ergebnisprotokoll ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Choose a suite first.</source>
        <translation>Wählen Sie zuerst eine Suite.</translation>
    </message>
    <message>
        <source>The data set %1 has no folder.</source>
        <translation>Der Datensatz %1 hat keinen Ordner.</translation>
    </message>
    <message>
        <source>Choose a results log.</source>
        <translation>Wählen Sie ein Ergebnisprotokoll.</translation>
    </message>
    <message>
        <source>A queued run of %1 writes %2 already; give this one another results log.</source>
        <translation>Ein eingereihter Lauf von %1 schreibt bereits %2; geben Sie diesem ein anderes Ergebnisprotokoll.</translation>
    </message>
    <message>
        <source>Restored from the last session: Resume goes on from its results log.</source>
        <translation>Aus der letzten Sitzung wiederhergestellt: „Fortsetzen“ macht bei seinem Ergebnisprotokoll weiter.</translation>
    </message>
    <message>
        <source>Pausing after the cell running now…</source>
        <translation>Pause nach der laufenden Zelle…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <source>A torn last line (%n byte(s)) was cut from the results log; its cell runs again.</source>
        <translation>
            <numerusform>Eine abgerissene letzte Zeile (%n Byte) wurde aus dem Ergebnisprotokoll entfernt; ihre Zelle läuft erneut.</numerusform>
            <numerusform>Eine abgerissene letzte Zeile (%n Bytes) wurde aus dem Ergebnisprotokoll entfernt; ihre Zelle läuft erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) failed; queue the suite again to retry them.</source>
        <translation>
            <numerusform>%n Zelle ist fehlgeschlagen; reihen Sie die Suite erneut ein, um sie zu wiederholen.</numerusform>
            <numerusform>%n Zellen sind fehlgeschlagen; reihen Sie die Suite erneut ein, um sie zu wiederholen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The running cell was cancelled; Resume runs it again.</source>
        <translation>Die laufende Zelle wurde abgebrochen; „Fortsetzen“ führt sie erneut aus.</translation>
    </message>
    <message>
        <source>A queued run could not be restored: %1</source>
        <translation>Ein eingereihter Lauf konnte nicht wiederhergestellt werden: %1</translation>
    </message>
</context>
<context>
    <name>pb::ui::TrainingPanel</name>
    <message>
        <source>reconstruct</source>
        <translation>Rekonstruktion</translation>
    </message>
    <message>
        <source>distill (stage 2)</source>
        <translation>Destillation (Stufe 2)</translation>
    </message>
    <message>
        <source>fine-tune (stage 3)</source>
        <translation>Feinabstimmung (Stufe 3)</translation>
    </message>
    <message>
        <source>image AUROC</source>
        <translation>Bild-AUROC</translation>
    </message>
    <message>
        <source>pixel AP</source>
        <translation>Pixel-AP</translation>
    </message>
    <message>
        <source>AUPRO (30 %)</source>
        <translation>AUPRO (30 %)</translation>
    </message>
    <message>
        <source>target MSE (right axis)</source>
        <translation>Ziel-MSE (rechte Achse)</translation>
    </message>
    <message>
        <source>The product of the open data set to train on</source>
        <translation>Das Produkt des geöffneten Datensatzes, auf dem trainiert wird</translation>
    </message>
    <message>
        <source>none: the product&apos;s training images</source>
        <translation>keine: die Trainingsbilder des Produkts</translation>
    </message>
    <message>
        <source>A noisy training list (filename,clsname), as MeDS publishes them: the product&apos;s rows are its training images, defective test images among them</source>
        <translation>Eine verrauschte Trainingsliste (filename,clsname), wie MeDS sie veröffentlicht: Die Zeilen des Produkts sind seine Trainingsbilder, darunter fehlerhafte Testbilder</translation>
    </message>
    <message>
        <source>Choose a noisy training list</source>
        <translation>Eine verrauschte Trainingsliste wählen</translation>
    </message>
    <message>
        <source>Detector alone</source>
        <translation>Detektor allein</translation>
    </message>
    <message>
        <source>Detector with MeDS</source>
        <translation>Detektor mit MeDS</translation>
    </message>
    <message>
        <source>Reconstruct every training image (as Dinomaly trains)</source>
        <translation>Jedes Trainingsbild rekonstruieren (wie Dinomaly trainiert)</translation>
    </message>
    <message>
        <source>MeDS: screen the training images with a memory ensemble, distil its maps, then fine-tune on the images each selection round keeps</source>
        <translation>MeDS: Die Trainingsbilder mit einem Speicherensemble durchsuchen, seine Karten destillieren und dann auf den Bildern feinabstimmen, die jede Auswahlrunde behält</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <source>Optimiser steps (MeDS: of the distillation, stage 2)</source>
        <translation>Optimiererschritte (MeDS: der Destillation, Stufe 2)</translation>
    </message>
    <message>
        <source>Fine-tune iterations</source>
        <translation>Feinabstimmungs-Iterationen</translation>
    </message>
    <message>
        <source>MeDS stage 3: progressive selection and fine-tuning on the images kept</source>
        <translation>MeDS-Stufe 3: schrittweise Auswahl und Feinabstimmung auf den behaltenen Bildern</translation>
    </message>
    <message>
        <source>Training images per step</source>
        <translation>Trainingsbilder je Schritt</translation>
    </message>
    <message>
        <source>Decoder blocks, split evenly over the backbone&apos;s tapped layers</source>
        <translation>Decoder-Blöcke, gleichmäßig auf die abgegriffenen Schichten des Backbones verteilt</translation>
    </message>
    <message>
        <source>Seeds the initial weights and the order of the batches</source>
        <translation>Startwert für die Anfangsgewichte und die Reihenfolge der Batches</translation>
    </message>
    <message>
        <source>Ensemble members</source>
        <translation>Ensemble-Mitglieder</translation>
    </message>
    <message>
        <source>MeDS stage 1: bootstrap memories of 10 % of the training images each</source>
        <translation>MeDS-Stufe 1: Bootstrap-Speicher aus je 10 % der Trainingsbilder</translation>
    </message>
    <message>
        <source>Validate on the test split</source>
        <translation>Auf der Testaufteilung validieren</translation>
    </message>
    <message>
        <source>Score the product&apos;s test images as training goes: image AUROC, pixel AP and AUPRO show when the detector starts to over-fit (with a noisy list: the test images it does not list)</source>
        <translation>Die Testbilder des Produkts während des Trainings bewerten: Bild-AUROC, Pixel-AP und AUPRO zeigen, wann beim Detektor die Überanpassung beginnt (mit einer verrauschten Liste: die Testbilder, die sie nicht aufführt)</translation>
    </message>
    <message>
        <source>The model file (safetensors): written as training goes, so that a stopped run goes on from it</source>
        <translation>Die Modelldatei (safetensors): wird während des Trainings geschrieben, sodass ein angehaltener Lauf mit ihr fortgesetzt werden kann</translation>
    </message>
    <message>
        <source>Choose where the model is written</source>
        <translation>Wählen, wohin das Modell geschrieben wird</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Train the detector; an unfinished run in the model file goes on from where it stopped</source>
        <translation>Den Detektor trainieren; ein unfertiger Lauf in der Modelldatei wird dort fortgesetzt, wo er aufgehört hat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop training; the model file keeps the run so far and Train goes on from it</source>
        <translation>Das Training anhalten; die Modelldatei behält den bisherigen Lauf, und „Trainieren“ setzt ihn fort</translation>
    </message>
    <message>
        <source>Start over (replace the model file)</source>
        <translation>Neu beginnen (Modelldatei ersetzen)</translation>
    </message>
    <message>
        <source>Delete the model file in the way and train from the start</source>
        <translation>Die im Weg stehende Modelldatei löschen und von vorn trainieren</translation>
    </message>
    <message>
        <source>Use model</source>
        <translation>Modell verwenden</translation>
    </message>
    <message>
        <source>Score the product&apos;s test images with the model: the inspection view, the histogram and the metrics show its maps</source>
        <translation>Die Testbilder des Produkts mit dem Modell bewerten: Prüfansicht, Histogramm und Metriken zeigen seine Karten</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>Modell öffnen…</translation>
    </message>
    <message>
        <source>Show the curves and selection rounds a model file records</source>
        <translation>Die Kurven und Auswahlrunden zeigen, die eine Modelldatei aufzeichnet</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>Trainingsmenge</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Noisy list</source>
        <translation>Verrauschte Liste</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Decoder blocks</source>
        <translation>Decoder-Blöcke</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>Loss (log)</source>
        <translation>Verlust (log)</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>Testaufteilung</translation>
    </message>
    <message>
        <source>Target MSE (log)</source>
        <translation>Ziel-MSE (log)</translation>
    </message>
    <message>
        <source>The loss of every iteration appears here as training runs.</source>
        <translation>Der Verlust jeder Iteration erscheint hier, während das Training läuft.</translation>
    </message>
    <message>
        <source>Image AUROC, pixel AP and AUPRO on the test split (and MeDS&apos;s target MSE) appear here.</source>
        <translation>Bild-AUROC, Pixel-AP und AUPRO auf der Testaufteilung (und der Ziel-MSE von MeDS) erscheinen hier.</translation>
    </message>
    <message>
        <source> fine-tune →</source>
        <translation> Feinabstimmung →</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Runde</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>w</source>
        <translation>w</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Weight of the distilled model&apos;s scores</source>
        <translation>Gewicht der Bewertungen des destillierten Modells</translation>
    </message>
    <message>
        <source>Normal images among those kept (needs the noisy list&apos;s labels)</source>
        <translation>Normale Bilder unter den behaltenen (braucht die Labels der verrauschten Liste)</translation>
    </message>
    <message>
        <source>Normal images kept among all normal ones</source>
        <translation>Behaltene normale Bilder unter allen normalen</translation>
    </message>
    <message>
        <source>MeDS&apos;s selection rounds appear here as stage 3 runs.</source>
        <translation>Die Auswahlrunden von MeDS erscheinen hier, während Stufe 3 läuft.</translation>
    </message>
    <message>
        <source>Selection rounds</source>
        <translation>Auswahlrunden</translation>
    </message>
    <message>
        <source>Distillation iterations</source>
        <translation>Destillations-Iterationen</translation>
    </message>
    <message>
        <source>Features (Engine panel): %1, %2 px</source>
        <translation>Merkmale (Engine-Bereich): %1, %2 px</translation>
    </message>
    <message>
        <source>, crop %1</source>
        <translation>, Ausschnitt %1</translation>
    </message>
    <message>
        <source>, layers %1</source>
        <translation>, Schichten %1</translation>
    </message>
    <message>
        <source>random weights: its scores mean little</source>
        <translation>zufällige Gewichte: seine Bewertungen sagen wenig aus</translation>
    </message>
    <message>
        <source>Open a data set to read the list against.</source>
        <translation>Öffnen Sie einen Datensatz, um die Liste mit ihm abzugleichen.</translation>
    </message>
    <message>
        <source>Training images of the product: %1.</source>
        <translation>Trainingsbilder des Produkts: %1.</translation>
    </message>
    <message>
        <source>Training images listed: %1, injected defects among them: %2. Validation on the test images not listed: %3.</source>
        <translation>Aufgeführte Trainingsbilder: %1, davon eingefügte Fehler: %2. Validierung auf den nicht aufgeführten Testbildern: %3.</translation>
    </message>
    <message>
        <source>Choose the model file to write.</source>
        <translation>Wählen Sie die zu schreibende Modelldatei.</translation>
    </message>
    <message>
        <source>%1 is a folder; name the model file inside it.</source>
        <translation>%1 ist ein Ordner; geben Sie die Modelldatei darin an.</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to.</source>
        <translation>In den Ordner %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Exists: Train goes on from it when it holds an unfinished run of these settings.</source>
        <translation>Existiert: „Trainieren“ macht mit ihr weiter, wenn sie einen unfertigen Lauf mit diesen Einstellungen enthält.</translation>
    </message>
    <message>
        <source>A new model file.</source>
        <translation>Eine neue Modelldatei.</translation>
    </message>
    <message>
        <source>Noisy training list</source>
        <translation>Verrauschte Trainingsliste</translation>
    </message>
    <message>
        <source>Training lists (*.csv);;All files (*)</source>
        <translation>Trainingslisten (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Model files (*.safetensors);;All files (*)</source>
        <translation>Modelldateien (*.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>Eine Modelldatei öffnen</translation>
    </message>
    <message>
        <source>Open a data set first (File &gt; Open data set folder): training uses its images.</source>
        <translation>Öffnen Sie zuerst einen Datensatz (Datei &gt; Datensatzordner öffnen): Das Training verwendet seine Bilder.</translation>
    </message>
    <message>
        <source>The data set has no product to train on.</source>
        <translation>Der Datensatz hat kein Produkt zum Trainieren.</translation>
    </message>
    <message>
        <source>The noisy list cannot be used: %1</source>
        <translation>Die verrauschte Liste ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>%1 has fewer than two training images.</source>
        <translation>%1 hat weniger als zwei Trainingsbilder.</translation>
    </message>
    <message>
        <source>Training %1 (%2, %3)…</source>
        <translation>%1 wird trainiert (%2, %3)…</translation>
    </message>
    <message>
        <source>Resumed at iteration %1 of %2 from %3.</source>
        <translation>Bei Iteration %1 von %2 aus %3 fortgesetzt.</translation>
    </message>
    <message>
        <source>%1 + %2 iterations</source>
        <translation>%1 + %2 Iterationen</translation>
    </message>
    <message>
        <source>%1 iterations</source>
        <translation>%1 Iterationen</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>%1 already holds this finished run; its curves are shown. Change a setting or the model file to train another, or start over.</source>
        <translation>%1 enthält diesen Lauf bereits fertig; seine Kurven werden gezeigt. Ändern Sie eine Einstellung oder die Modelldatei, um einen weiteren zu trainieren, oder beginnen Sie neu.</translation>
    </message>
    <message>
        <source>Resumed at iteration %1 and finished %2 iterations in %3; the model is in %4.</source>
        <translation>Bei Iteration %1 fortgesetzt und %2 Iterationen in %3 abgeschlossen; das Modell liegt in %4.</translation>
    </message>
    <message>
        <source>Trained %1 in %2 iterations (%3); the model is in %4.</source>
        <translation>%1 in %2 Iterationen trainiert (%3); das Modell liegt in %4.</translation>
    </message>
    <message>
        <source>Cancelled at iteration %1; %2 keeps the run so far and Train goes on from there.</source>
        <translation>Bei Iteration %1 abgebrochen; %2 behält den bisherigen Lauf, und „Trainieren“ setzt dort fort.</translation>
    </message>
    <message>
        <source>Cancelled before the first iteration.</source>
        <translation>Vor der ersten Iteration abgebrochen.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1: a finished run of %2 (%3).</source>
        <translation>%1: ein fertiger Lauf von %2 (%3).</translation>
    </message>
    <message>
        <source>%1: an unfinished run of %2 (%3), stopped at iteration %4; Train with the same settings goes on from it.</source>
        <translation>%1: ein unfertiger Lauf von %2 (%3), angehalten bei Iteration %4; „Trainieren“ mit denselben Einstellungen setzt ihn fort.</translation>
    </message>
    <message>
        <source>Its training images are not those of the dock&apos;s settings: the rounds show scores without pictures.</source>
        <translation>Seine Trainingsbilder sind nicht die der Einstellungen dieses Bereichs: Die Runden zeigen Bewertungen ohne Bilder.</translation>
    </message>
    <message>
        <source>Training %1 (%2, %3): iteration %4.</source>
        <translation>%1 wird trainiert (%2, %3): Iteration %4.</translation>
    </message>
    <message>
        <source>Resumed at iteration %1; now at iteration %2 of %3.</source>
        <translation>Bei Iteration %1 fortgesetzt; jetzt bei Iteration %2 von %3.</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>Runde %1</translation>
    </message>
    <message>
        <source>Stage 1 screen</source>
        <translation>Durchsuchung in Stufe 1</translation>
    </message>
    <message>
        <source>Selection rounds (%1)</source>
        <translation>Auswahlrunden (%1)</translation>
    </message>
    <message>
        <source>screen</source>
        <translation>Durchsuchung</translation>
    </message>
    <message>
        <source>before</source>
        <translation>vorher</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at iteration %2: kept %3 of %4 below the threshold %5 (w = %6).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; bei Iteration %2: %3 von %4 unter der Schwelle %5 behalten (w = %6).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: the memory ensemble flagged %2 of %3 above %4.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: Das Speicherensemble hat %2 von %3 über %4 markiert.</translation>
    </message>
    <message>
        <source>%1 of the %2 injected defects kept; precision %3, recall %4.</source>
        <translation>%1 der %2 eingefügten Fehler behalten; Präzision %3, Trefferquote %4.</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>injected defect</source>
        <translation>eingefügter Fehler</translation>
    </message>
    <message>
        <source>The training images of this run are not known here: scores only.</source>
        <translation>Die Trainingsbilder dieses Laufs sind hier nicht bekannt: nur Bewertungen.</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <source>#%1 · %2
%3</source>
        <translation>#%1 · %2
%3</translation>
    </message>
    <message>
        <source>training image %1</source>
        <translation>Trainingsbild %1</translation>
    </message>
    <message>
        <source>kept: score %1 below the threshold %2</source>
        <translation>behalten: Bewertung %1 unter der Schwelle %2</translation>
    </message>
    <message>
        <source>dropped: score %1 at or above the threshold %2</source>
        <translation>verworfen: Bewertung %1 auf oder über der Schwelle %2</translation>
    </message>
    <message>
        <source>a defect the noisy list injected (%1)</source>
        <translation>ein von der verrauschten Liste eingefügter Fehler (%1)</translation>
    </message>
</context>
<context>
    <name>pb::ui::VerdictRule</name>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>review</source>
        <translation>prüfen</translation>
    </message>
    <message>
        <source>anomalous</source>
        <translation>anomal</translation>
    </message>
</context>
<context>
    <name>pb::ui::Workbench</name>
    <message>
        <source>Open a data set and select a product first.</source>
        <translation>Öffnen Sie zuerst einen Datensatz und wählen Sie ein Produkt.</translation>
    </message>
    <message>
        <source>Build bank</source>
        <translation>Bank aufbauen</translation>
    </message>
    <message>
        <source>Score test set</source>
        <translation>Testmenge bewerten</translation>
    </message>
    <message>
        <source>Cannot score the images</source>
        <translation>Die Bilder können nicht bewertet werden</translation>
    </message>
    <message>
        <source>Build a bank first: the images are scored against it.</source>
        <translation>Bauen Sie zuerst eine Bank auf: Die Bilder werden gegen sie bewertet.</translation>
    </message>
    <message>
        <source>Cannot add images to the bank</source>
        <translation>Die Bilder können nicht zur Bank hinzugefügt werden</translation>
    </message>
    <message>
        <source>Build or open a bank first.</source>
        <translation>Bauen oder öffnen Sie zuerst eine Bank.</translation>
    </message>
    <message>
        <source>Cannot save the bank</source>
        <translation>Die Bank kann nicht gespeichert werden</translation>
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
        <source>Score the test set of the product first.</source>
        <translation>Bewerten Sie zuerst die Testmenge des Produkts.</translation>
    </message>
    <message>
        <source>Review band of %1</source>
        <translation>Prüfbereich von %1</translation>
    </message>
    <message>
        <source>Audit the references</source>
        <translation>Referenzen prüfen</translation>
    </message>
    <message>
        <source>The audit needs at least two reference images of %1; restore the reference set.</source>
        <translation>Die Prüfung braucht mindestens zwei Referenzbilder von %1; stellen Sie die Referenzmenge wieder her.</translation>
    </message>
    <message>
        <source>Audit rule</source>
        <translation>Prüfregel</translation>
    </message>
    <message>
        <source>Audit the reference images of %1 first.</source>
        <translation>Prüfen Sie zuerst die Referenzbilder von %1.</translation>
    </message>
    <message>
        <source>The audit of %1 flagged no reference image.</source>
        <translation>Die Prüfung von %1 hat kein Referenzbild markiert.</translation>
    </message>
    <message>
        <source>Remove flagged</source>
        <translation>Markierte entfernen</translation>
    </message>
    <message>
        <source>The flagged images of %1 are already out of its reference set.</source>
        <translation>Die markierten Bilder von %1 sind schon nicht mehr in seiner Referenzmenge.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n flagged reference image(s) of %1; rebuilding its bank.</source>
        <translation>
            <numerusform>%n markiertes Referenzbild von %1 entfernt; seine Bank wird neu aufgebaut.</numerusform>
            <numerusform>%n markierte Referenzbilder von %1 entfernt; seine Bank wird neu aufgebaut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recapture</source>
        <translation>Ersetzen</translation>
    </message>
    <message numerus="yes">
        <source>The reference set of %1 already holds its %n original image(s).</source>
        <translation>
            <numerusform>Die Referenzmenge von %1 enthält schon ihr %n ursprüngliches Bild.</numerusform>
            <numerusform>Die Referenzmenge von %1 enthält schon ihre %n ursprünglichen Bilder.</numerusform>
        </translation>
    </message>
    <message>
        <source>No unused training images of %1 remain: every one is in the reference set or was removed. Use Remove flagged instead, or set a training-image limit in the engine panel to keep some in reserve.</source>
        <translation>Von %1 sind keine ungenutzten Trainingsbilder mehr übrig: Jedes ist in der Referenzmenge oder wurde entfernt. Verwenden Sie stattdessen „Markierte entfernen“ oder setzen Sie im Engine-Bereich eine Grenze für die Trainingsbilder, um einige in Reserve zu halten.</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n flagged reference image(s) of %1 by unused training images; rebuilding its bank.</source>
        <translation>
            <numerusform>%n markiertes Referenzbild von %1 durch ungenutzte Trainingsbilder ersetzt; seine Bank wird neu aufgebaut.</numerusform>
            <numerusform>%n markierte Referenzbilder von %1 durch ungenutzte Trainingsbilder ersetzt; seine Bank wird neu aufgebaut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n unused image(s) remained.</source>
        <translation>
            <numerusform>Nur %n ungenutztes Bild war übrig.</numerusform>
            <numerusform>Nur %n ungenutzte Bilder waren übrig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>The reference set of %1 is already the original one.</source>
        <translation>Die Referenzmenge von %1 ist schon die ursprüngliche.</translation>
    </message>
    <message>
        <source>Restored the original reference set of %1; rebuilding its bank.</source>
        <translation>Ursprüngliche Referenzmenge von %1 wiederhergestellt; seine Bank wird neu aufgebaut.</translation>
    </message>
    <message>
        <source>The test set of %1 was scored by a reconstruction model; leave-one-out scores need a memory bank. Score the test set with a bank first.</source>
        <translation>Die Testmenge von %1 wurde mit einem Rekonstruktionsmodell bewertet; Leave-one-out-Bewertungen brauchen eine Speicherbank. Bewerten Sie die Testmenge zuerst mit einer Bank.</translation>
    </message>
    <message>
        <source>Use the detector</source>
        <translation>Detektor verwenden</translation>
    </message>
    <message>
        <source>Open a data set first: the model scores its test images.</source>
        <translation>Öffnen Sie zuerst einen Datensatz: Das Modell bewertet seine Testbilder.</translation>
    </message>
    <message>
        <source>Choose a model file first.</source>
        <translation>Wählen Sie zuerst eine Modelldatei.</translation>
    </message>
</context>
</TS>
