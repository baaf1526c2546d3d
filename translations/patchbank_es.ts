<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>main</name>
    <message>
        <source>Industrial visual anomaly detection workbench</source>
        <translation>Banco de trabajo para la detección visual de anomalías industriales</translation>
    </message>
    <message>
        <source>Data set folder to open (optional).</source>
        <translation>Carpeta del conjunto de datos que se abrirá (opcional).</translation>
    </message>
</context>
<context>
    <name>pb::ui::AboutDialog</name>
    <message>
        <source>About PatchBank</source>
        <translation>Acerca de PatchBank</translation>
    </message>
    <message>
        <source>&lt;h2&gt;PatchBank %1&lt;/h2&gt;&lt;p&gt;A workbench for industrial visual anomaly detection with patch-feature memory banks: frozen backbone features, per-product banks, kNN anomaly maps and the standard metrics.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;PatchBank %1&lt;/h2&gt;&lt;p&gt;Un banco de trabajo para la detección visual de anomalías industriales con bancos de memoria de características de parches: características congeladas de la red troncal, un banco por producto, mapas de anomalías kNN y las métricas habituales.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%1 (built with %2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FAISS&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCustomPlot&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%1 (compilado con %2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FAISS&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCustomPlot&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>pb::ui::DatasetPanel</name>
    <message>
        <source>Data set</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>%1 (layout: %2)</source>
        <translation>%1 (estructura: %2)</translation>
    </message>
    <message>
        <source>(unlabelled)</source>
        <translation>(sin etiqueta)</translation>
    </message>
    <message>
        <source>listing</source>
        <translation>listado</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problemas (%1)</translation>
    </message>
</context>
<context>
    <name>pb::ui::EngineController</name>
    <message>
        <source>Opening the data set</source>
        <translation>Abriendo el conjunto de datos</translation>
    </message>
    <message>
        <source>Checking the backbone</source>
        <translation>Comprobando la red troncal</translation>
    </message>
    <message>
        <source>Building the bank</source>
        <translation>Construyendo el banco</translation>
    </message>
    <message>
        <source>Scoring the test set</source>
        <translation>Puntuando el conjunto de prueba</translation>
    </message>
    <message>
        <source>Scoring dropped images</source>
        <translation>Puntuando las imágenes soltadas</translation>
    </message>
    <message>
        <source>Leave-one-out scores</source>
        <translation>Puntuaciones leave-one-out</translation>
    </message>
</context>
<context>
    <name>pb::ui::EnginePanel</name>
    <message>
        <source>Feature cache: off</source>
        <translation>Caché de características: desactivada</translation>
    </message>
    <message>
        <source>Feature cache: %1 entries, %2
%3</source>
        <translation>Caché de características: %1 entradas, %2
%3</translation>
    </message>
    <message>
        <source>model.safetensors or TorchScript file</source>
        <translation>model.safetensors o archivo TorchScript</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the weights file; it is checked by loading the backbone</source>
        <translation>Elija el archivo de pesos; se comprueba cargando la red troncal</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>95th percentile of patches</source>
        <translation>Percentil 95 de los parches</translation>
    </message>
    <message>
        <source>Maximum patch</source>
        <translation>Parche máximo</translation>
    </message>
    <message>
        <source>Mean of the top 10 patches</source>
        <translation>Media de los 10 parches más altos</translation>
    </message>
    <message>
        <source>Mean of the top 1%</source>
        <translation>Media del 1 % más alto</translation>
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
        <translation>Dónde se ejecutan la red troncal y la búsqueda kNN</translation>
    </message>
    <message>
        <source>No GPU is visible to LibTorch on this machine</source>
        <translation>LibTorch no ve ninguna GPU en este equipo</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todas</translation>
    </message>
    <message>
        <source>Use only the first N training images (sorted by name); 0 = all</source>
        <translation>Usar solo las N primeras imágenes de entrenamiento (por nombre); 0 = todas</translation>
    </message>
    <message>
        <source>Cache features on disk</source>
        <translation>Guardar características en caché en disco</translation>
    </message>
    <message>
        <source>Build bank</source>
        <translation>Construir banco</translation>
    </message>
    <message>
        <source>Extract the features of the product's training images into a memory bank (Ctrl+B)</source>
        <translation>Extraer las características de las imágenes de entrenamiento del producto a un banco de memoria (Ctrl+B)</translation>
    </message>
    <message>
        <source>Score test set</source>
        <translation>Puntuar conjunto de prueba</translation>
    </message>
    <message>
        <source>Score every test image of the product against its bank (Ctrl+R)</source>
        <translation>Puntuar cada imagen de prueba del producto con su banco (Ctrl+R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>No bank yet.</source>
        <translation>Todavía no hay banco.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Red troncal</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>k neighbours</source>
        <translation>k vecinos</translation>
    </message>
    <message>
        <source>Image score</source>
        <translation>Puntuación de imagen</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Imágenes de entrenamiento</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Select a product in the data set tree or the image browser.</source>
        <translation>Seleccione un producto en el árbol del conjunto de datos o en el explorador de imágenes.</translation>
    </message>
    <message>
        <source>Product: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Producto: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Choose backbone weights</source>
        <translation>Elegir los pesos de la red troncal</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pt *.pth *.ts);;All files (*)</source>
        <translation>Pesos (*.safetensors *.pt *.pth *.ts);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>This backbone needs no weights file.</source>
        <translation>Esta red troncal no necesita archivo de pesos.</translation>
    </message>
    <message>
        <source>Choose the weights file of this backbone.</source>
        <translation>Elija el archivo de pesos de esta red troncal.</translation>
    </message>
    <message>
        <source>Not checked yet: it is loaded when the bank is built.</source>
        <translation>Aún sin comprobar: se carga al construir el banco.</translation>
    </message>
    <message>
        <source>✓ Loaded %1 (one patch per %2 px)</source>
        <translation>✓ Cargada %1 (un parche cada %2 px)</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Checking the backbone…</source>
        <translation>Comprobando la red troncal…</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 de %3</translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation>Terminado en %1</translation>
    </message>
    <message>
        <source>Bank of &lt;b&gt;%1&lt;/b&gt;: %2 training images, %3 patches × %4 dimensions (%5), %6, built in %7</source>
        <translation>Banco de &lt;b&gt;%1&lt;/b&gt;: %2 imágenes de entrenamiento, %3 parches × %4 dimensiones (%5), %6, construido en %7</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Transcurrido %1</translation>
    </message>
    <message>
        <source> · about %1 left in this stage</source>
        <translation> · faltan unos %1 en esta etapa</translation>
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
        <translation>memoria insuficiente</translation>
    </message>
</context>
<context>
    <name>pb::ui::HistogramPanel</name>
    <message>
        <source>F1-optimal</source>
        <translation>Óptimo F1</translation>
    </message>
    <message>
        <source>Threshold with the best F1 over the labelled test images</source>
        <translation>Umbral con el mejor F1 sobre las imágenes de prueba etiquetadas</translation>
    </message>
    <message>
        <source>Normal-only p99 (leave-one-out)</source>
        <translation>p99 solo normales (leave-one-out)</translation>
    </message>
    <message>
        <source>99th percentile of the training images' scores, each scored against the bank without its own patches. Needs no defective images.</source>
        <translation>Percentil 99 de las puntuaciones de las imágenes de entrenamiento, cada una puntuada con el banco sin sus propios parches. No necesita imágenes defectuosas.</translation>
    </message>
    <message>
        <source>Image threshold</source>
        <translation>Umbral de imagen</translation>
    </message>
    <message>
        <source>Needs a scored test set with normal and anomalous images</source>
        <translation>Necesita un conjunto de prueba puntuado con imágenes normales y anómalas</translation>
    </message>
    <message>
        <source>Build a bank and score the test set to see the metrics.</source>
        <translation>Construya un banco y puntúe el conjunto de prueba para ver las métricas.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — image AUROC &lt;b&gt;%2&lt;/b&gt; · AP &lt;b&gt;%3&lt;/b&gt; · F1-max &lt;b&gt;%4&lt;/b&gt; · pixel AUROC &lt;b&gt;%5&lt;/b&gt; · AUPRO&lt;sub&gt;30%&lt;/sub&gt; &lt;b&gt;%6&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — AUROC de imagen &lt;b&gt;%2&lt;/b&gt; · AP &lt;b&gt;%3&lt;/b&gt; · F1 máx. &lt;b&gt;%4&lt;/b&gt; · AUROC de píxel &lt;b&gt;%5&lt;/b&gt; · AUPRO&lt;sub&gt;30%&lt;/sub&gt; &lt;b&gt;%6&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Computing leave-one-out scores…</source>
        <translation>Calculando puntuaciones leave-one-out…</translation>
    </message>
    <message>
        <source>At %1: %2 of %3 images flagged</source>
        <translation>Con %1: %2 de %3 imágenes marcadas</translation>
    </message>
    <message>
        <source> · precision %1 · recall %2 · F1 %3 · false alarms %4 of %5 normal</source>
        <translation> · precisión %1 · exhaustividad %2 · F1 %3 · falsas alarmas %4 de %5 normales</translation>
    </message>
</context>
<context>
    <name>pb::ui::ImageBrowser</name>
    <message>
        <source>All splits</source>
        <translation>Todas las particiones</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validación</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>Cualquier etiqueta</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Anomalous</source>
        <translation>Anómala</translation>
    </message>
    <message>
        <source>Unlabelled</source>
        <translation>Sin etiqueta</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Show only images whose score is at least this value</source>
        <translation>Mostrar solo las imágenes con una puntuación de al menos este valor</translation>
    </message>
    <message>
        <source>Scored only</source>
        <translation>Solo puntuadas</translation>
    </message>
    <message>
        <source>Sort by score</source>
        <translation>Ordenar por puntuación</translation>
    </message>
    <message>
        <source>Score ≥</source>
        <translation>Puntuación ≥</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>Todos los productos</translation>
    </message>
    <message>
        <source>All defects</source>
        <translation>Todos los defectos</translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>%1 de %2 imágenes</translation>
    </message>
</context>
<context>
    <name>pb::ui::InspectionListPanel</name>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>%1 — score %2</source>
        <translation>%1 — puntuación %2</translation>
    </message>
    <message>
        <source>anomalous</source>
        <translation>anómala</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>%1
bank: %2</source>
        <translation>%1
banco: %2</translation>
    </message>
</context>
<context>
    <name>pb::ui::InspectionPanel</name>
    <message>
        <source>anomalous</source>
        <translation>anómala</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Mapa de calor</translation>
    </message>
    <message>
        <source>Show or hide the heatmap overlay (O)</source>
        <translation>Mostrar u ocultar la superposición del mapa de calor (O)</translation>
    </message>
    <message>
        <source>Heatmap opacity</source>
        <translation>Opacidad del mapa de calor</translation>
    </message>
    <message>
        <source>Colour map of the heatmap</source>
        <translation>Mapa de colores del mapa de calor</translation>
    </message>
    <message>
        <source>Pixel threshold: pixels at or above it form the predicted defect regions</source>
        <translation>Umbral de píxel: los píxeles iguales o superiores forman las regiones de defecto predichas</translation>
    </message>
    <message>
        <source>Ground truth</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Outline the ground-truth defect regions in green</source>
        <translation>Contornear en verde las regiones de defecto de referencia</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Predicción</translation>
    </message>
    <message>
        <source>Outline the regions at or above the pixel threshold in red</source>
        <translation>Contornear en rojo las regiones que alcanzan el umbral de píxel</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacidad</translation>
    </message>
    <message>
        <source>Pixel threshold</source>
        <translation>Umbral de píxel</translation>
    </message>
    <message>
        <source>Move the cursor over a scored image to compare it with the bank.</source>
        <translation>Mueva el cursor sobre una imagen puntuada para compararla con el banco.</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Ninguna imagen</translation>
    </message>
    <message>
        <source>Select an image in the browser, or drop image files on the window to score them.</source>
        <translation>Seleccione una imagen en el explorador o suelte archivos de imagen en la ventana para puntuarlos.</translation>
    </message>
    <message>
        <source>Cannot show this image</source>
        <translation>No se puede mostrar esta imagen</translation>
    </message>
    <message>
        <source>Move the cursor over the image to compare it with the bank.</source>
        <translation>Mueva el cursor sobre la imagen para compararla con el banco.</translation>
    </message>
    <message>
        <source>This image has not been scored.</source>
        <translation>Esta imagen no se ha puntuado.</translation>
    </message>
    <message>
        <source>Ground truth: %1 (%2)</source>
        <translation>Referencia: %1 (%2)</translation>
    </message>
    <message>
        <source>Ground truth: %1</source>
        <translation>Referencia: %1</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Sin puntuar</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>Puntuación %1</translation>
    </message>
    <message>
        <source>Score %1 ≥ %2: ANOMALOUS</source>
        <translation>Puntuación %1 ≥ %2: ANÓMALA</translation>
    </message>
    <message>
        <source>Score %1 &lt; %2: NORMAL</source>
        <translation>Puntuación %1 &lt; %2: NORMAL</translation>
    </message>
    <message>
        <source>%1 · %2 · %3×%4 px · product %5</source>
        <translation>%1 · %2 · %3×%4 px · producto %5</translation>
    </message>
    <message>
        <source>row %1, column %2
patch score %3</source>
        <translation>fila %1, columna %2
puntuación del parche %3</translation>
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
        <translation>Sin banco</translation>
    </message>
    <message>
        <source>Open a data set folder (Ctrl+O) or drop one on the window.</source>
        <translation>Abra una carpeta de conjunto de datos (Ctrl+O) o suéltela en la ventana.</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <source>Inspection list</source>
        <translation>Lista de inspección</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
    <message>
        <source>Score histogram</source>
        <translation>Histograma de puntuaciones</translation>
    </message>
    <message>
        <source>Leave-one-out scores</source>
        <translation>Puntuaciones leave-one-out</translation>
    </message>
    <message>
        <source>Build the bank of %1 first.</source>
        <translation>Construya primero el banco de %1.</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>visor</translation>
    </message>
    <message>
        <source>Exporting maps: %1 of %2</source>
        <translation>Exportando mapas: %1 de %2</translation>
    </message>
    <message>
        <source>Map export cancelled after %1 images.</source>
        <translation>Exportación de mapas cancelada tras %1 imágenes.</translation>
    </message>
    <message>
        <source>Exported the maps of %1 images.</source>
        <translation>Se exportaron los mapas de %1 imágenes.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 fallaron.</translation>
    </message>
    <message>
        <source>export</source>
        <translation>exportación</translation>
    </message>
    <message>
        <source>Image exported.</source>
        <translation>Imagen exportada.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>La exportación falló</translation>
    </message>
    <message>
        <source>The demo data set could not be generated</source>
        <translation>No se pudo generar el conjunto de datos de demostración</translation>
    </message>
    <message>
        <source>&amp;Open data set folder…</source>
        <translation>&amp;Abrir carpeta de conjunto de datos…</translation>
    </message>
    <message>
        <source>Open a data set: MVTec AD, VisA, BTAD, MVTec LOCO or a plain folder of images</source>
        <translation>Abrir un conjunto de datos: MVTec AD, VisA, BTAD, MVTec LOCO o una carpeta simple de imágenes</translation>
    </message>
    <message>
        <source>Open the &amp;demo data set</source>
        <translation>Abrir el conjunto de &amp;demostración</translation>
    </message>
    <message>
        <source>Open the embedded synthetic data set</source>
        <translation>Abrir el conjunto de datos sintético incluido</translation>
    </message>
    <message>
        <source>&amp;Build bank</source>
        <translation>&amp;Construir banco</translation>
    </message>
    <message>
        <source>Build the memory bank of the current product from its training images</source>
        <translation>Construir el banco de memoria del producto actual a partir de sus imágenes de entrenamiento</translation>
    </message>
    <message>
        <source>&amp;Score test set</source>
        <translation>&amp;Puntuar conjunto de prueba</translation>
    </message>
    <message>
        <source>Score the test images of the current product</source>
        <translation>Puntuar las imágenes de prueba del producto actual</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>C&amp;ancelar</translation>
    </message>
    <message>
        <source>Stop the running engine work</source>
        <translation>Detener el trabajo del motor en curso</translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation>Imagen &amp;siguiente</translation>
    </message>
    <message>
        <source>Show the next image of the browser</source>
        <translation>Mostrar la siguiente imagen del explorador</translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation>Imagen &amp;anterior</translation>
    </message>
    <message>
        <source>Show the previous image of the browser</source>
        <translation>Mostrar la imagen anterior del explorador</translation>
    </message>
    <message>
        <source>Toggle heatmap &amp;overlay</source>
        <translation>Alternar &amp;superposición del mapa de calor</translation>
    </message>
    <message>
        <source>Show or hide the heatmap</source>
        <translation>Mostrar u ocultar el mapa de calor</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom o&amp;ut</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>&amp;Ajustar a la ventana</translation>
    </message>
    <message>
        <source>Show the whole image</source>
        <translation>Mostrar la imagen completa</translation>
    </message>
    <message>
        <source>&amp;Actual pixels</source>
        <translation>&amp;Píxeles reales</translation>
    </message>
    <message>
        <source>One image pixel per screen pixel</source>
        <translation>Un píxel de imagen por píxel de pantalla</translation>
    </message>
    <message>
        <source>&amp;Paste images to score</source>
        <translation>&amp;Pegar imágenes para puntuar</translation>
    </message>
    <message>
        <source>Score the images (or image files) on the clipboard against the current bank</source>
        <translation>Puntuar con el banco actual las imágenes (o archivos de imagen) del portapapeles</translation>
    </message>
    <message>
        <source>Add to &amp;inspection list</source>
        <translation>Añadir a la lista de &amp;inspección</translation>
    </message>
    <message>
        <source>Keep the image in view in the inspection list</source>
        <translation>Guardar la imagen mostrada en la lista de inspección</translation>
    </message>
    <message>
        <source>Export current &amp;heatmap, overlay and mask (PNG)…</source>
        <translation>Exportar &amp;mapa de calor, superposición y máscara actuales (PNG)…</translation>
    </message>
    <message>
        <source>Write the maps of the image in view</source>
        <translation>Escribir los mapas de la imagen mostrada</translation>
    </message>
    <message>
        <source>Export &amp;metrics and scores (CSV)…</source>
        <translation>Exportar &amp;métricas y puntuaciones (CSV)…</translation>
    </message>
    <message>
        <source>Write metrics.csv and scores.csv of the current product</source>
        <translation>Escribir metrics.csv y scores.csv del producto actual</translation>
    </message>
    <message>
        <source>Export &amp;histogram (PNG)…</source>
        <translation>Exportar &amp;histograma (PNG)…</translation>
    </message>
    <message>
        <source>Save the score histogram</source>
        <translation>Guardar el histograma de puntuaciones</translation>
    </message>
    <message>
        <source>Export &amp;all maps of the product…</source>
        <translation>Exportar &amp;todos los mapas del producto…</translation>
    </message>
    <message>
        <source>Write the heatmap, overlay and mask of every scored test image</source>
        <translation>Escribir el mapa de calor, la superposición y la máscara de cada imagen de prueba puntuada</translation>
    </message>
    <message>
        <source>&amp;About PatchBank</source>
        <translation>&amp;Acerca de PatchBank</translation>
    </message>
    <message>
        <source>Versions and libraries</source>
        <translation>Versiones y bibliotecas</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close PatchBank</source>
        <translation>Cerrar PatchBank</translation>
    </message>
    <message>
        <source>Open data set folder</source>
        <translation>Abrir carpeta de conjunto de datos</translation>
    </message>
    <message>
        <source>Export the maps of this image to</source>
        <translation>Exportar los mapas de esta imagen a</translation>
    </message>
    <message>
        <source>Export metrics.csv and scores.csv to</source>
        <translation>Exportar metrics.csv y scores.csv a</translation>
    </message>
    <message>
        <source>Save the histogram</source>
        <translation>Guardar el histograma</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Export every map of the product to</source>
        <translation>Exportar todos los mapas del producto a</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>The language changes the next time PatchBank starts.</source>
        <translation>El idioma cambiará la próxima vez que se inicie PatchBank.</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Motor</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Backbone loaded: %1</source>
        <translation>Red troncal cargada: %1</translation>
    </message>
    <message>
        <source>Bank: %1 (%2 patches)</source>
        <translation>Banco: %1 (%2 parches)</translation>
    </message>
    <message>
        <source>Bank of %1 built from %2 images.</source>
        <translation>Banco de %1 construido con %2 imágenes.</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: cancelado</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1: error</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Abriendo %1…</translation>
    </message>
    <message>
        <source>Generating the demo data set in %1…</source>
        <translation>Generando el conjunto de datos de demostración en %1…</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>no se puede escribir %1</translation>
    </message>
    <message>
        <source>PatchBank — %1</source>
        <translation>PatchBank — %1</translation>
    </message>
    <message>
        <source>%1: %2 products, %3 images, %4 problems (layout: %5)</source>
        <translation>%1: %2 productos, %3 imágenes, %4 problemas (estructura: %5)</translation>
    </message>
    <message>
        <source>Open a data set and select a product first.</source>
        <translation>Abra primero un conjunto de datos y seleccione un producto.</translation>
    </message>
    <message>
        <source>%1 scored: %2 images, image AUROC %3, pixel AUROC %4</source>
        <translation>%1 puntuado: %2 imágenes, AUROC de imagen %3, AUROC de píxel %4</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) scored against the bank of %1.</source>
        <translation><numerusform>%n imagen puntuada con el banco de %1.</numerusform><numerusform>%n imágenes puntuadas con el banco de %1.</numerusform></translation>
    </message>
    <message>
        <source>Cannot score the images</source>
        <translation>No se pueden puntuar las imágenes</translation>
    </message>
    <message>
        <source>Build a bank first: the images are scored against it.</source>
        <translation>Construya primero un banco: las imágenes se puntúan con él.</translation>
    </message>
    <message numerus="yes">
        <source>Scoring %n image(s)…</source>
        <translation><numerusform>Puntuando %n imagen…</numerusform><numerusform>Puntuando %n imágenes…</numerusform></translation>
    </message>
    <message>
        <source>Only scored images can be added to the inspection list.</source>
        <translation>Solo se pueden añadir imágenes puntuadas a la lista de inspección.</translation>
    </message>
    <message>
        <source>Added to the inspection list.</source>
        <translation>Añadida a la lista de inspección.</translation>
    </message>
    <message>
        <source>Drop a data set folder, or image files to score them.</source>
        <translation>Suelte una carpeta de conjunto de datos o archivos de imagen para puntuarlos.</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>El portapapeles no contiene ninguna imagen.</translation>
    </message>
    <message>
        <source>No image in view.</source>
        <translation>No se muestra ninguna imagen.</translation>
    </message>
    <message>
        <source>Score the test set of the product first.</source>
        <translation>Puntúe primero el conjunto de prueba del producto.</translation>
    </message>
    <message>
        <source>Wrote metrics.csv and scores.csv to %1</source>
        <translation>Se escribieron metrics.csv y scores.csv en %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado %1</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>No se pudo escribir %1</translation>
    </message>
    <message>
        <source>Exporting the maps of %1…</source>
        <translation>Exportando los mapas de %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>pb::ui::NearestPatchView</name>
    <message>
        <source>&lt;b&gt;Under the cursor&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bajo el cursor&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nearest normal patch&lt;/b&gt;</source>
        <translation>&lt;b&gt;Parche normal más cercano&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation>No se pudo leer %1</translation>
    </message>
    <message>
        <source>Move the cursor over a scored image to compare it with the bank.</source>
        <translation>Mueva el cursor sobre una imagen puntuada para compararla con el banco.</translation>
    </message>
    <message>
        <source>%1
row %2, column %3</source>
        <translation>%1
fila %2, columna %3</translation>
    </message>
</context>
<context>
    <name>pb::ui::SampleListModel</name>
    <message>
        <source>Split: %1</source>
        <translation>Partición: %1</translation>
    </message>
    <message>
        <source>Defect: %1</source>
        <translation>Defecto: %1</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>Puntuación: %1</translation>
    </message>
    <message>
        <source>(anomalous)</source>
        <translation>(anómala)</translation>
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
        <translation>Normales</translation>
    </message>
    <message>
        <source>Anomalous</source>
        <translation>Anómalas</translation>
    </message>
    <message>
        <source>Unlabelled</source>
        <translation>Sin etiqueta</translation>
    </message>
    <message>
        <source>Train (leave-one-out)</source>
        <translation>Entrenamiento (leave-one-out)</translation>
    </message>
    <message>
        <source>Image score</source>
        <translation>Puntuación de imagen</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>Imágenes de prueba</translation>
    </message>
    <message>
        <source>Train images</source>
        <translation>Imágenes de entrenamiento</translation>
    </message>
    <message>
        <source>Drag the dashed line to move the image threshold</source>
        <translation>Arrastre la línea discontinua para mover el umbral de imagen</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>umbral %1</translation>
    </message>
</context>
</TS>
