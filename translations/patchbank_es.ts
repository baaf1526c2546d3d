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
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%1 (built with %2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FAISS&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCustomPlot&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BLAS&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%1 (compilado con %2)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FAISS&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QCustomPlot&lt;/td&gt;&lt;td&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BLAS&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>pb::ui::BankPanel</name>
    <message>
        <source>%1 bytes (%2)</source>
        <translation>%1 bytes (%2)</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>m = %1 does not divide the feature dimension %2</source>
        <translation>m = %1 no divide la dimensión de las características %2</translation>
    </message>
    <message>
        <source>IVF-PQ needs at least nlist and 2^nbits training vectors (%1 here)</source>
        <translation>IVF-PQ necesita al menos nlist y 2^nbits vectores de entrenamiento (aquí %1)</translation>
    </message>
    <message>
        <source>Flat: every training patch</source>
        <translation>Plano: todos los parches de entrenamiento</translation>
    </message>
    <message>
        <source>Random subsample</source>
        <translation>Submuestra aleatoria</translation>
    </message>
    <message>
        <source>Greedy coreset (PatchCore)</source>
        <translation>Coreset voraz (PatchCore)</translation>
    </message>
    <message>
        <source>Variance-weighted coreset</source>
        <translation>Coreset ponderado por varianza</translation>
    </message>
    <message>
        <source>k-means prototypes</source>
        <translation>Prototipos k-means</translation>
    </message>
    <message>
        <source>k-means + residual patches</source>
        <translation>k-means + parches residuales</translation>
    </message>
    <message>
        <source>IVF-PQ (product quantisation)</source>
        <translation>IVF-PQ (cuantización de producto)</translation>
    </message>
    <message>
        <source>How the product&apos;s training patches are compressed into its memory bank</source>
        <translation>Cómo se comprimen los parches de entrenamiento del producto en su banco de memoria</translation>
    </message>
    <message>
        <source>fraction of the patches</source>
        <translation>fracción de los parches</translation>
    </message>
    <message>
        <source>vectors</source>
        <translation>vectores</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>A fraction of the training patches, a number of vectors, or megabytes of float32 vectors (MB = MiB)</source>
        <translation>Una fracción de los parches de entrenamiento, un número de vectores o megabytes de vectores float32 (MB = MiB)</translation>
    </message>
    <message>
        <source>Seed of the random choices (start point, subsample, k-means++)</source>
        <translation>Semilla de las elecciones aleatorias (punto inicial, submuestra, k-means++)</translation>
    </message>
    <message>
        <source>Coarse cells (inverted lists)</source>
        <translation>Celdas gruesas (listas invertidas)</translation>
    </message>
    <message>
        <source>Sub-quantisers; must divide the feature dimension</source>
        <translation>Subcuantizadores; debe dividir la dimensión de las características</translation>
    </message>
    <message>
        <source>Bits per sub-quantiser code</source>
        <translation>Bits por código de subcuantizador</translation>
    </message>
    <message>
        <source>Cells searched per query</source>
        <translation>Celdas buscadas por consulta</translation>
    </message>
    <message>
        <source>The bank&apos;s factory string; type one (e.g. coreset:1/16,seed=3) and press Enter</source>
        <translation>La especificación del banco; escriba una (p. ej. coreset:1/16,seed=3) y pulse Intro</translation>
    </message>
    <message>
        <source>Add images to bank…</source>
        <translation>Añadir imágenes al banco…</translation>
    </message>
    <message>
        <source>Add the patches of more normal images to the bank, compressed the same way, without rebuilding it (or drop images on the window with Shift held)</source>
        <translation>Añadir al banco los parches de más imágenes normales, comprimidos igual, sin reconstruirlo (o soltar imágenes en la ventana con Mayús pulsada)</translation>
    </message>
    <message>
        <source>Save bank…</source>
        <translation>Guardar banco…</translation>
    </message>
    <message>
        <source>Write the bank and the features it was built from to one file</source>
        <translation>Escribir el banco y las características de las que se construyó en un archivo</translation>
    </message>
    <message>
        <source>Open bank…</source>
        <translation>Abrir banco…</translation>
    </message>
    <message>
        <source>Use a bank file; it must come from the same backbone, layers and input size</source>
        <translation>Usar un archivo de banco; debe proceder del mismo backbone, capas y tamaño de entrada</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
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
        <translation>Especificación</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Select a product to see the size of its bank.</source>
        <translation>Seleccione un producto para ver el tamaño de su banco.</translation>
    </message>
    <message>
        <source>Measuring the feature size of the backbone…</source>
        <translation>Midiendo el tamaño de las características del backbone…</translation>
    </message>
    <message>
        <source>The feature size is not known yet: check the backbone.</source>
        <translation>El tamaño de las características aún no se conoce: compruebe el backbone.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Estimate&lt;/b&gt; for %1: %2 training images × %3 patches × %4 dimensions = %5 source patches (%6).&lt;br&gt;Bank: %7 vectors, %8, compression %9.</source>
        <translation>&lt;b&gt;Estimación&lt;/b&gt; para %1: %2 imágenes de entrenamiento × %3 parches × %4 dimensiones = %5 parches de origen (%6).&lt;br&gt;Banco: %7 vectores, %8, compresión %9.</translation>
    </message>
    <message>
        <source>No bank in use yet.</source>
        <translation>Aún no hay ningún banco en uso.</translation>
    </message>
    <message>
        <source>from %1 patches of %2 training images</source>
        <translation>a partir de %1 parches de %2 imágenes de entrenamiento</translation>
    </message>
    <message>
        <source>from %1 source patches, opened from %2</source>
        <translation>a partir de %1 parches de origen, abierto desde %2</translation>
    </message>
    <message numerus="yes">
        <source>, %n image(s) added</source>
        <translation>
            <numerusform>, %n imagen añadida</numerusform>
            <numerusform>, %n imágenes añadidas</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Bank in use&lt;/b&gt; (%1, &lt;tt&gt;%2&lt;/tt&gt;): %3 vectors × %4 dimensions, %5, compression %6, %7.</source>
        <translation>&lt;b&gt;Banco en uso&lt;/b&gt; (%1, &lt;tt&gt;%2&lt;/tt&gt;): %3 vectores × %4 dimensiones, %5, compresión %6, %7.</translation>
    </message>
</context>
<context>
    <name>pb::ui::BudgetSweepPanel</name>
    <message>
        <source>IVF-PQ keeps every vector and varies its code size (sub-quantisers m)</source>
        <translation>IVF-PQ conserva todos los vectores y varía el tamaño de su código (subcuantizadores m)</translation>
    </message>
    <message>
        <source>Budgets of the compressors as fractions of the training patches, e.g. 1/64, 0.05</source>
        <translation>Presupuestos de los compresores como fracciones de los parches de entrenamiento, p. ej. 1/64, 0.05</translation>
    </message>
    <message>
        <source>Pixel AUROC too</source>
        <translation>También el AUROC de píxel</translation>
    </message>
    <message>
        <source>Also measure the pixel AUROC of every point (slower); it goes into the CSV</source>
        <translation>Medir también el AUROC de píxel de cada punto (más lento); va al CSV</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>Ejecutar barrido</translation>
    </message>
    <message>
        <source>Build a bank per method and budget for the current product and score its test set</source>
        <translation>Construir un banco por método y presupuesto para el producto actual y puntuar su conjunto de prueba</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Bank size (MB, log scale)</source>
        <translation>Tamaño del banco (MB, escala logarítmica)</translation>
    </message>
    <message>
        <source>Image AUROC</source>
        <translation>AUROC de imagen</translation>
    </message>
    <message>
        <source>Right-click to export the sweep as CSV or the chart as PNG</source>
        <translation>Clic derecho para exportar el barrido como CSV o el gráfico como PNG</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Presupuestos</translation>
    </message>
    <message>
        <source>Check at least one method.</source>
        <translation>Marque al menos un método.</translation>
    </message>
    <message>
        <source>Select a product.</source>
        <translation>Seleccione un producto.</translation>
    </message>
    <message>
        <source>Product: %1</source>
        <translation>Producto: %1</translation>
    </message>
    <message>
        <source>Sweeping %1…</source>
        <translation>Barriendo %1…</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 de %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n point(s) from %2 training patches × %3 dimensions (%4), %5 test images, in %6 s.</source>
        <translation>
            <numerusform>%1: %n punto a partir de %2 parches de entrenamiento × %3 dimensiones (%4), %5 imágenes de prueba, en %6 s.</numerusform>
            <numerusform>%1: %n puntos a partir de %2 parches de entrenamiento × %3 dimensiones (%4), %5 imágenes de prueba, en %6 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) skipped: %1</source>
        <translation>
            <numerusform>%n punto omitido: %1</numerusform>
            <numerusform>%n puntos omitidos: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export sweep as CSV…</source>
        <translation>Exportar barrido como CSV…</translation>
    </message>
    <message>
        <source>Export chart as PNG…</source>
        <translation>Exportar gráfico como PNG…</translation>
    </message>
    <message>
        <source>Run a budget sweep first.</source>
        <translation>Ejecute primero un barrido de presupuesto.</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>No se pudo escribir %1</translation>
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
    <message>
        <source>Measuring the feature size</source>
        <translation>Midiendo el tamaño de las características</translation>
    </message>
    <message>
        <source>Adding images to the bank</source>
        <translation>Añadiendo imágenes al banco</translation>
    </message>
    <message>
        <source>Saving the bank</source>
        <translation>Guardando el banco</translation>
    </message>
    <message>
        <source>Opening the bank</source>
        <translation>Abriendo el banco</translation>
    </message>
    <message>
        <source>Budget sweep</source>
        <translation>Barrido de presupuesto</translation>
    </message>
    <message>
        <source>Shared bank</source>
        <translation>Banco compartido</translation>
    </message>
    <message>
        <source>Auditing the reference images</source>
        <translation>Auditando las imágenes de referencia</translation>
    </message>
    <message>
        <source>Scoring the reference patches</source>
        <translation>Puntuando los parches de referencia</translation>
    </message>
    <message>
        <source>Comparing the purified bank</source>
        <translation>Comparando el banco depurado</translation>
    </message>
    <message>
        <source>Screening the training folder</source>
        <translation>Examinando la carpeta de entrenamiento</translation>
    </message>
    <message>
        <source>Running a suite cell</source>
        <translation>Ejecutando una celda de la suite</translation>
    </message>
    <message>
        <source>Summarising a suite&apos;s results</source>
        <translation>Resumiendo los resultados de una suite</translation>
    </message>
    <message>
        <source>Training the detector</source>
        <translation>Entrenando el detector</translation>
    </message>
    <message>
        <source>Scoring with the detector</source>
        <translation>Puntuando con el detector</translation>
    </message>
    <message>
        <source>Reading the model file</source>
        <translation>Leyendo el archivo del modelo</translation>
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
        <source> MP</source>
        <translation> MP</translation>
    </message>
    <message>
        <source>default (%1 MP)</source>
        <translation>predeterminado (%1 MP)</translation>
    </message>
    <message>
        <source>Images declaring more pixels than this are refused before they are decoded</source>
        <translation>Las imágenes que declaran más píxeles se rechazan antes de decodificarlas</translation>
    </message>
    <message>
        <source>Largest image</source>
        <translation>Imagen más grande</translation>
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
        <source>Extract the features of the product&apos;s training images into a memory bank (Ctrl+B)</source>
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
    <message>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <source>Feature layers, comma-separated (e.g. layer2,layer3); for a Vision Transformer the block whose tokens are used, counted from the end as in Python (-6)</source>
        <translation>Capas de características, separadas por comas (p. ej. layer2,layer3); en un Vision Transformer, el bloque cuyos tokens se usan, contado desde el final como en Python (-6)</translation>
    </message>
    <message>
        <source>Final LayerNorm</source>
        <translation>LayerNorm final</translation>
    </message>
    <message>
        <source>Apply the model&apos;s final LayerNorm to the tapped tokens</source>
        <translation>Aplicar la LayerNorm final del modelo a los tokens extraídos</translation>
    </message>
    <message>
        <source>L2-normalise</source>
        <translation>Normalizar L2</translation>
    </message>
    <message>
        <source>Scale every patch feature to unit length</source>
        <translation>Escalar cada característica de parche a longitud unitaria</translation>
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
        <translation>Aritmética de los bloques del transformer; las normas y el softmax siguen en fp32</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Square centre crop after the resize (e.g. 448 then 392); none keeps the whole image</source>
        <translation>Recorte central cuadrado tras el redimensionado (p. ej. 448 y luego 392); ninguno conserva la imagen entera</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Capas</translation>
    </message>
    <message>
        <source>Centre crop</source>
        <translation>Recorte central</translation>
    </message>
    <message>
        <source>unknown backbone &quot;%1&quot;</source>
        <translation>backbone desconocido «%1»</translation>
    </message>
    <message>
        <source>Bank of &lt;b&gt;%1&lt;/b&gt;: %2 training images, %3 vectors × %4 dimensions (%5, %6), %7, built in %8</source>
        <translation>Banco de &lt;b&gt;%1&lt;/b&gt;: %2 imágenes de entrenamiento, %3 vectores × %4 dimensiones (%5, %6), %7, construido en %8</translation>
    </message>
    <message>
        <source>Nearest bank vectors averaged into a patch score (5 in the papers)</source>
        <translation>Vectores del banco más cercanos que se promedian en la puntuación de un parche (5 en los artículos)</translation>
    </message>
    <message>
        <source>Scale k with the compression</source>
        <translation>Escalar k con la compresión</translation>
    </message>
    <message>
        <source>Count k in the full bank: a compressed bank keeping 1/r of the patches averages max(1, round(k/r)) vectors. Off: every bank averages k (the papers&apos; setting).</source>
        <translation>Contar k en el banco completo: un banco comprimido que conserva 1/r de los parches promedia max(1, round(k/r)) vectores. Desactivado: cada banco promedia k (el ajuste de los artículos).</translation>
    </message>
    <message>
        <source>⚠ No weights file: this backbone runs on random weights and its scores mean little. Choose the file, or download one with Tools &gt; Models.</source>
        <translation>⚠ Sin archivo de pesos: esta red troncal funciona con pesos aleatorios y sus puntuaciones significan poco. Elija el archivo o descargue uno con Herramientas &gt; Modelos.</translation>
    </message>
    <message>
        <source>⚠ %1 runs on random weights (no weights file): its scores mean little. Choose the file, or download one with Tools &gt; Models.</source>
        <translation>⚠ %1 funciona con pesos aleatorios (sin archivo de pesos): sus puntuaciones significan poco. Elija el archivo o descargue uno con Herramientas &gt; Modelos.</translation>
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
        <source>99th percentile of the training images&apos; scores, each scored against the bank without its own patches. Needs no defective images.</source>
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
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>From normal data</source>
        <translation>A partir de datos normales</translation>
    </message>
    <message>
        <source>From labels</source>
        <translation>A partir de etiquetas</translation>
    </message>
    <message>
        <source>Images scoring between T1 and T2 go to a person for review.
From normal data: T1 = p99 of the training images&apos; leave-one-out scores, T2 = their maximum × margin.
From labels: T2 = the F1-optimal threshold, T1 lets at most the chosen share of defects pass.</source>
        <translation>Las imágenes con una puntuación entre T1 y T2 pasan a una persona para su revisión.
A partir de datos normales: T1 = p99 de las puntuaciones leave-one-out de las imágenes de entrenamiento, T2 = su máximo × margen.
A partir de etiquetas: T2 = el umbral óptimo F1, T1 deja pasar como máximo la proporción elegida de defectos.</translation>
    </message>
    <message>
        <source>Review band</source>
        <translation>Banda de revisión</translation>
    </message>
    <message>
        <source>escape ≤ </source>
        <translation>fuga ≤ </translation>
    </message>
    <message>
        <source>The largest share of the defective test images allowed to pass as normal</source>
        <translation>La mayor proporción de imágenes de prueba defectuosas que se permite pasar como normales</translation>
    </message>
    <message>
        <source>margin × </source>
        <translation>margen × </translation>
    </message>
    <message>
        <source>T2 = the largest leave-one-out score of the training images × this margin</source>
        <translation>T2 = la mayor puntuación leave-one-out de las imágenes de entrenamiento × este margen</translation>
    </message>
    <message>
        <source>T1 %1 · T2 %2: %3 normal · %4 review · %5 anomalous · %6 defects pass</source>
        <translation>T1 %1 · T2 %2: %3 normales · %4 a revisar · %5 anómalas · %6 defectos pasan</translation>
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
    <message>
        <source>Anomaly map</source>
        <translation>Mapa de anomalías</translation>
    </message>
    <message>
        <source>Neighbour product</source>
        <translation>Producto vecino</translation>
    </message>
    <message>
        <source>Colour the overlay by anomaly score, or (images scored against a shared bank) by the product each patch&apos;s nearest bank vector came from</source>
        <translation>Colorear la superposición por puntuación de anomalía o (imágenes puntuadas contra un banco compartido) por el producto del que procede el vector más cercano de cada parche</translation>
    </message>
    <message>
        <source>Nearest neighbour from: %1</source>
        <translation>Vecino más cercano de: %1</translation>
    </message>
    <message>
        <source>routed to %1 (margin %2)</source>
        <translation>enrutado a %1 (margen %2)</translation>
    </message>
    <message>
        <source>row %1, column %2, patch score %3
nearest bank vector from product %4%5</source>
        <translation>fila %1, columna %2, puntuación del parche %3
vector del banco más cercano del producto %4%5</translation>
    </message>
    <message>
        <source> (another product)</source>
        <translation> (otro producto)</translation>
    </message>
    <message>
        <source>Scale: test set</source>
        <translation>Escala: conjunto de prueba</translation>
    </message>
    <message>
        <source>Scale: normal data</source>
        <translation>Escala: datos normales</translation>
    </message>
    <message>
        <source>Test set: the colours span every map of the product&apos;s test set.
Normal data: 0 at the median and 1 at the 99.9th percentile of the training patches&apos; leave-one-out scores, the same for every image and run, so heatmaps compare by eye.</source>
        <translation>Conjunto de prueba: los colores abarcan todos los mapas del conjunto de prueba del producto.
Datos normales: 0 en la mediana y 1 en el percentil 99,9 de las puntuaciones leave-one-out de los parches de entrenamiento, igual para cada imagen y ejecución, de modo que los mapas de calor se comparan a simple vista.</translation>
    </message>
    <message>
        <source>Score %1 in [%2, %3): REVIEW</source>
        <translation>Puntuación %1 en [%2, %3): REVISAR</translation>
    </message>
    <message>
        <source>row %1, column %2, patch score %3
reconstruction model: 1 - cosine between the patch&apos;s features and the decoder&apos;s reconstruction of them</source>
        <translation>fila %1, columna %2, puntuación del parche %3
modelo de reconstrucción: 1 - coseno entre las características del parche y su reconstrucción por el decodificador</translation>
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
        <translation>
            <numerusform>%n imagen puntuada con el banco de %1.</numerusform>
            <numerusform>%n imágenes puntuadas con el banco de %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scoring %n image(s)…</source>
        <translation>
            <numerusform>Puntuando %n imagen…</numerusform>
            <numerusform>Puntuando %n imágenes…</numerusform>
        </translation>
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
    <message>
        <source>Memory bank</source>
        <translation>Banco de memoria</translation>
    </message>
    <message>
        <source>Budget sweep</source>
        <translation>Barrido de presupuesto</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Enrutador</translation>
    </message>
    <message>
        <source>Add normal images to the bank</source>
        <translation>Añadir imágenes normales al banco</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Save the bank</source>
        <translation>Guardar el banco</translation>
    </message>
    <message>
        <source>Bank files (*.safetensors);;All files (*)</source>
        <translation>Archivos de banco (*.safetensors);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open a bank file</source>
        <translation>Abrir un archivo de banco</translation>
    </message>
    <message>
        <source>Export budget &amp;sweep (CSV)…</source>
        <translation>Exportar &amp;barrido de presupuesto (CSV)…</translation>
    </message>
    <message>
        <source>Write the points of the budget sweep: method, bank size, AUROC</source>
        <translation>Escribir los puntos del barrido de presupuesto: método, tamaño del banco, AUROC</translation>
    </message>
    <message>
        <source>Export budget sweep &amp;chart (PNG)…</source>
        <translation>Exportar &amp;gráfico del barrido (PNG)…</translation>
    </message>
    <message>
        <source>Save the AUROC-versus-bank-size chart</source>
        <translation>Guardar el gráfico de AUROC frente al tamaño del banco</translation>
    </message>
    <message>
        <source>&amp;Add images to bank…</source>
        <translation>&amp;Añadir imágenes al banco…</translation>
    </message>
    <message>
        <source>Add more normal images to the bank in use without rebuilding it</source>
        <translation>Añadir más imágenes normales al banco en uso sin reconstruirlo</translation>
    </message>
    <message>
        <source>Sa&amp;ve bank…</source>
        <translation>&amp;Guardar banco…</translation>
    </message>
    <message>
        <source>Write the bank in use to a file</source>
        <translation>Escribir el banco en uso en un archivo</translation>
    </message>
    <message>
        <source>Open ban&amp;k…</source>
        <translation>Abrir ban&amp;co…</translation>
    </message>
    <message>
        <source>Use a bank saved earlier</source>
        <translation>Usar un banco guardado antes</translation>
    </message>
    <message>
        <source>Budget s&amp;weep</source>
        <translation>&amp;Barrido de presupuesto</translation>
    </message>
    <message>
        <source>Image AUROC against bank size for every compression method of the current product</source>
        <translation>AUROC de imagen frente al tamaño del banco para cada método de compresión del producto actual</translation>
    </message>
    <message>
        <source>S&amp;hared bank…</source>
        <translation>Banco &amp;compartido…</translation>
    </message>
    <message>
        <source>Several products in one memory bank: pollution, budget allocation and routing</source>
        <translation>Varios productos en un banco de memoria: contaminación, reparto del presupuesto y enrutamiento</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelos…</translation>
    </message>
    <message>
        <source>Download pretrained backbones and use one</source>
        <translation>Descargar backbones preentrenados y usar uno</translation>
    </message>
    <message>
        <source>Save the budget sweep</source>
        <translation>Guardar el barrido de presupuesto</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save the budget sweep chart</source>
        <translation>Guardar el gráfico del barrido de presupuesto</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>Saved the bank to %1</source>
        <translation>Banco guardado en %1</translation>
    </message>
    <message numerus="yes">
        <source>Budget sweep of %1: %n point(s).</source>
        <translation>
            <numerusform>Barrido de presupuesto de %1: %n punto.</numerusform>
            <numerusform>Barrido de presupuesto de %1: %n puntos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bank: %1 (%2 vectors, %3)</source>
        <translation>Banco: %1 (%2 vectores, %3)</translation>
    </message>
    <message>
        <source>Budget sweep cancelled.</source>
        <translation>Barrido de presupuesto cancelado.</translation>
    </message>
    <message>
        <source>The shared-bank run was cancelled.</source>
        <translation>La ejecución del banco compartido se canceló.</translation>
    </message>
    <message>
        <source>Budget sweep failed: %1</source>
        <translation>El barrido de presupuesto falló: %1</translation>
    </message>
    <message>
        <source>The shared-bank run failed: %1</source>
        <translation>La ejecución del banco compartido falló: %1</translation>
    </message>
    <message>
        <source>Drop a data set folder, or image files to score them (Shift: add them to the bank).</source>
        <translation>Suelte una carpeta de conjunto de datos, o archivos de imagen para puntuarlos (Mayús: añadirlos al banco).</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n image(s) to the bank of %1…</source>
        <translation>
            <numerusform>Añadiendo %n imagen al banco de %1…</numerusform>
            <numerusform>Añadiendo %n imágenes al banco de %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened the bank of %1 from %2.</source>
        <translation>Banco de %1 abierto desde %2.</translation>
    </message>
    <message>
        <source>The bank of %1 now holds %2 vectors from %3 images; score again to use them.</source>
        <translation>El banco de %1 contiene ahora %2 vectores de %3 imágenes; vuelva a puntuar para usarlos.</translation>
    </message>
    <message>
        <source>shared bank</source>
        <translation>banco compartido</translation>
    </message>
    <message>
        <source>Shared bank</source>
        <translation>Banco compartido</translation>
    </message>
    <message>
        <source>Check at least one product.</source>
        <translation>Marque al menos un producto.</translation>
    </message>
    <message numerus="yes">
        <source>Running a shared bank of %n product(s)…</source>
        <translation>
            <numerusform>Ejecutando un banco compartido de %n producto…</numerusform>
            <numerusform>Ejecutando un banco compartido de %n productos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shared bank of %n product(s): %1 vectors, average wrong-neighbour rate %2 %, routing accuracy %3 %.</source>
        <translation>
            <numerusform>Banco compartido de %n producto: %1 vectores, tasa media de vecinos erróneos %2 %, precisión del enrutamiento %3 %.</numerusform>
            <numerusform>Banco compartido de %n productos: %1 vectores, tasa media de vecinos erróneos %2 %, precisión del enrutamiento %3 %.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backbone %1 with %2</source>
        <translation>Backbone %1 con %2</translation>
    </message>
    <message>
        <source>Reference purification</source>
        <translation>Depuración de referencias</translation>
    </message>
    <message>
        <source>A&amp;udit reference images</source>
        <translation>A&amp;uditar imágenes de referencia</translation>
    </message>
    <message>
        <source>Rank the current product&apos;s reference images by how far their patches lie from the other references, and flag the outliers</source>
        <translation>Ordenar las imágenes de referencia del producto actual según lo lejos que quedan sus parches de las demás referencias y marcar las atípicas</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: hecho.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 falló: %2</translation>
    </message>
    <message numerus="yes">
        <source>Audit of %1: %n reference image(s) flagged.</source>
        <translation>
            <numerusform>Auditoría de %1: %n imagen de referencia marcada.</numerusform>
            <numerusform>Auditoría de %1: %n imágenes de referencia marcadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scoring the test set with every reference patch and with the kept ones…</source>
        <translation>Puntuando el conjunto de prueba con todos los parches de referencia y con los conservados…</translation>
    </message>
    <message>
        <source>No AUROC to compare: the test set needs labelled normal and anomalous images.</source>
        <translation>No hay AUROC que comparar: el conjunto de prueba necesita imágenes normales y anómalas etiquetadas.</translation>
    </message>
    <message>
        <source>The AUROC comparison was cancelled.</source>
        <translation>La comparación de AUROC se canceló.</translation>
    </message>
    <message>
        <source>The AUROC comparison failed: %1</source>
        <translation>La comparación de AUROC falló: %1</translation>
    </message>
    <message>
        <source>Patch purification</source>
        <translation>Depuración de parches</translation>
    </message>
    <message>
        <source>Patch purification needs at least two reference images of %1; restore the reference set.</source>
        <translation>La depuración de parches necesita al menos dos imágenes de referencia de %1; restaure el conjunto de referencia.</translation>
    </message>
    <message>
        <source>Training folder screening</source>
        <translation>Examen de la carpeta de entrenamiento</translation>
    </message>
    <message>
        <source>Reproduce paper</source>
        <translation>Reproducir artículo</translation>
    </message>
    <message>
        <source>&amp;Reproduce paper…</source>
        <translation>&amp;Reproducir artículo…</translation>
    </message>
    <message>
        <source>Run an experiment suite, the tables and figures of a paper, cell by cell in the background</source>
        <translation>Ejecutar una suite de experimentos, las tablas y figuras de un artículo, celda a celda en segundo plano</translation>
    </message>
    <message>
        <source>Train detector</source>
        <translation>Entrenar detector</translation>
    </message>
    <message>
        <source>&amp;Train detector…</source>
        <translation>&amp;Entrenar detector…</translation>
    </message>
    <message>
        <source>Train the reconstruction detector on a product, alone or with MeDS, with live curves</source>
        <translation>Entrenar el detector de reconstrucción con un producto, solo o con MeDS, con curvas en directo</translation>
    </message>
    <message>
        <source>Open detector &amp;model…</source>
        <translation>Abrir &amp;modelo de detector…</translation>
    </message>
    <message>
        <source>Score the product&apos;s test images with a trained reconstruction model and show its training curves</source>
        <translation>Puntuar las imágenes de prueba del producto con un modelo de reconstrucción entrenado y mostrar sus curvas de entrenamiento</translation>
    </message>
    <message>
        <source>Open a detector model</source>
        <translation>Abrir un modelo de detector</translation>
    </message>
    <message>
        <source>Model files (*.safetensors);;All files (*)</source>
        <translation>Archivos de modelo (*.safetensors);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The model file cannot be read: %1</source>
        <translation>No se puede leer el archivo del modelo: %1</translation>
    </message>
    <message>
        <source>The model cannot be used: %1</source>
        <translation>No se puede usar el modelo: %1</translation>
    </message>
    <message>
        <source>%1 scored by the reconstruction model %2: %3 images, image AUROC %4, pixel AUROC %5</source>
        <translation>%1 puntuado con el modelo de reconstrucción %2: %3 imágenes, AUROC de imagen %4, AUROC de píxel %5</translation>
    </message>
    <message>
        <source>Train detector: %1</source>
        <translation>Entrenar detector: %1</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>%1 cannot be removed: %2</source>
        <translation>No se puede eliminar %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) scored by the detector model of %1.</source>
        <translation>
            <numerusform>%n imagen puntuada con el modelo detector de %1.</numerusform>
            <numerusform>%n imágenes puntuadas con el modelo detector de %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pb::ui::ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>PatchBank reads the Hugging Face &lt;tt&gt;model.safetensors&lt;/tt&gt; of these backbones directly and ships no weights. A download resumes where it stopped and is checked against the size and SHA-256 the hub announces.</source>
        <translation>PatchBank lee directamente el &lt;tt&gt;model.safetensors&lt;/tt&gt; de Hugging Face de estos backbones y no incluye pesos. Una descarga continúa donde se detuvo y se comprueba con el tamaño y el SHA-256 que anuncia el hub.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Hugging Face repository</source>
        <translation>Repositorio de Hugging Face</translation>
    </message>
    <message>
        <source>
Used by: %1</source>
        <translation>
Usado por: %1</translation>
    </message>
    <message>
        <source>%1 (gated)</source>
        <translation>%1 (con acceso restringido)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the folder models are kept in</source>
        <translation>Elegir la carpeta donde se guardan los modelos</translation>
    </message>
    <message>
        <source>only for gated models, e.g. DINOv3</source>
        <translation>solo para modelos con acceso restringido, p. ej. DINOv3</translation>
    </message>
    <message>
        <source>taken from HF_TOKEN when left empty</source>
        <translation>se toma de HF_TOKEN si se deja vacío</translation>
    </message>
    <message>
        <source>Remember</source>
        <translation>Recordar</translation>
    </message>
    <message>
        <source>Keeps the token in PatchBank&apos;s settings file, in plain text</source>
        <translation>Guarda el token en el archivo de configuración de PatchBank, en texto plano</translation>
    </message>
    <message>
        <source>Models folder:</source>
        <translation>Carpeta de modelos:</translation>
    </message>
    <message>
        <source>Hugging Face token:</source>
        <translation>Token de Hugging Face:</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Cancelar descarga</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>Usar este modelo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>descargado</translation>
    </message>
    <message>
        <source>present, not verified</source>
        <translation>presente, no verificado</translation>
    </message>
    <message>
        <source>partly downloaded</source>
        <translation>descargado en parte</translation>
    </message>
    <message>
        <source>not downloaded</source>
        <translation>no descargado</translation>
    </message>
    <message>
        <source>Used by: %1</source>
        <translation>Usado por: %1</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>Licencia: %1</translation>
    </message>
    <message>
        <source>Hub page: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Página del hub: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Gated: log in on the hub page, accept the licence, then enter an access token of that account above (or set HF_TOKEN).</source>
        <translation>Acceso restringido: inicie sesión en la página del hub, acepte la licencia y luego introduzca arriba un token de acceso de esa cuenta (o defina HF_TOKEN).</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Carpeta: %1</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>Carpeta de modelos</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>%1 downloaded (%2 MiB) and verified%3.</source>
        <translation>%1 descargado (%2 MiB) y verificado%3.</translation>
    </message>
    <message>
        <source> with the SHA-256 the hub announced</source>
        <translation> con el SHA-256 que anunció el hub</translation>
    </message>
    <message>
        <source>%1 was already downloaded.</source>
        <translation>%1 ya estaba descargado.</translation>
    </message>
    <message>
        <source>Download cancelled; what arrived is kept and the next download resumes from there.</source>
        <translation>Descarga cancelada; lo recibido se conserva y la próxima descarga continúa desde ahí.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
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
    <message>
        <source>nearest bank vector is a prototype
(no single training patch)</source>
        <translation>el vector del banco más cercano es un prototipo
(ningún parche de entrenamiento concreto)</translation>
    </message>
</context>
<context>
    <name>pb::ui::PurificationPanel</name>
    <message>
        <source>imgmax — worst patch</source>
        <translation>imgmax — peor parche</translation>
    </message>
    <message>
        <source>q99 — 99th percentile</source>
        <translation>q99 — percentil 99</translation>
    </message>
    <message>
        <source>top5 — mean of the top 5 %</source>
        <translation>top5 — media del 5 % más alto</translation>
    </message>
    <message>
        <source>mean — mean of all patches</source>
        <translation>mean — media de todos los parches</translation>
    </message>
    <message>
        <source>How an image&apos;s leave-one-out patch scores become its audit score</source>
        <translation>Cómo las puntuaciones leave-one-out de los parches de una imagen dan su puntuación de auditoría</translation>
    </message>
    <message>
        <source>Flag images above median + k × 1.4826 × MAD of the audit scores (at most 40 % of them)</source>
        <translation>Marcar las imágenes por encima de mediana + k × 1,4826 × MAD de las puntuaciones de auditoría (como mucho el 40 %)</translation>
    </message>
    <message>
        <source>Audit references</source>
        <translation>Auditar referencias</translation>
    </message>
    <message>
        <source>Score every reference image by its patches&apos; distances to the other references</source>
        <translation>Puntuar cada imagen de referencia por las distancias de sus parches a las demás referencias</translation>
    </message>
    <message>
        <source>loo — leave-one-out distance</source>
        <translation>loo — distancia leave-one-out</translation>
    </message>
    <message>
        <source>loo_cosine — leave-one-out, cosine</source>
        <translation>loo_cosine — leave-one-out, coseno</translation>
    </message>
    <message>
        <source>mahalanobis — Ledoit-Wolf</source>
        <translation>mahalanobis — Ledoit-Wolf</translation>
    </message>
    <message>
        <source>ensemble — loo and Mahalanobis</source>
        <translation>ensemble — loo y Mahalanobis</translation>
    </message>
    <message>
        <source>lof — local outlier factor</source>
        <translation>lof — factor local de atipicidad</translation>
    </message>
    <message>
        <source>pca — reconstruction error</source>
        <translation>pca — error de reconstrucción</translation>
    </message>
    <message>
        <source>The outlier score of every reference patch; the patches above its 95th percentile are removed</source>
        <translation>La puntuación de atipicidad de cada parche de referencia; se eliminan los parches por encima de su percentil 95</translation>
    </message>
    <message>
        <source>Score patches</source>
        <translation>Puntuar parches</translation>
    </message>
    <message>
        <source>Score the reference patches and show those a patch filter removes</source>
        <translation>Puntuar los parches de referencia y mostrar los que elimina un filtro de parches</translation>
    </message>
    <message>
        <source>Remove flagged</source>
        <translation>Quitar marcadas</translation>
    </message>
    <message>
        <source>Leave the flagged images out of the reference set and rebuild the bank</source>
        <translation>Dejar fuera del conjunto de referencia las imágenes marcadas y reconstruir el banco</translation>
    </message>
    <message>
        <source>Recapture from unused</source>
        <translation>Recapturar de las no usadas</translation>
    </message>
    <message>
        <source>Replace the flagged images by training images the reference set does not use, and rebuild the bank</source>
        <translation>Sustituir las imágenes marcadas por imágenes de entrenamiento que el conjunto de referencia no usa y reconstruir el banco</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Go back to the original reference set and rebuild the bank</source>
        <translation>Volver al conjunto de referencia original y reconstruir el banco</translation>
    </message>
    <message>
        <source>Screen training folder (MeDS)</source>
        <translation>Examinar carpeta de entrenamiento (MeDS)</translation>
    </message>
    <message>
        <source>Rank every training image of the product with the MeDS memory ensemble (100 bootstrap memories of 10 % of the images each)</source>
        <translation>Ordenar cada imagen de entrenamiento del producto con el conjunto de memorias de MeDS (100 memorias bootstrap del 10 % de las imágenes cada una)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Image audit</source>
        <translation>Auditoría de imágenes</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>k (MADs)</source>
        <translation>k (MAD)</translation>
    </message>
    <message>
        <source>Patch purification</source>
        <translation>Depuración de parches</translation>
    </message>
    <message>
        <source>Reference set</source>
        <translation>Conjunto de referencia</translation>
    </message>
    <message>
        <source>Audit the references to rank them; flagged images are outlined in red.</source>
        <translation>Audite las referencias para ordenarlas; las imágenes marcadas se contornean en rojo.</translation>
    </message>
    <message>
        <source>References, most suspicious first</source>
        <translation>Referencias, las más sospechosas primero</translation>
    </message>
    <message>
        <source>Audit score</source>
        <translation>Puntuación de auditoría</translation>
    </message>
    <message>
        <source>Audit scores by rank; flagged references in red, the MAD threshold dashed. Click a bar to show that reference.</source>
        <translation>Puntuaciones de auditoría por rango; referencias marcadas en rojo, el umbral MAD discontinuo. Haga clic en una barra para ver esa referencia.</translation>
    </message>
    <message>
        <source>Screen the whole training folder to rank its images by their MeDS score.</source>
        <translation>Examine toda la carpeta de entrenamiento para ordenar sus imágenes por su puntuación MeDS.</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rango</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>MeDS score</source>
        <translation>Puntuación MeDS</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Marcada</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Referencias</translation>
    </message>
    <message>
        <source>Training folder (MeDS)</source>
        <translation>Carpeta de entrenamiento (MeDS)</translation>
    </message>
    <message>
        <source>Click a reference to see its worst patches and their nearest neighbours.</source>
        <translation>Haga clic en una referencia para ver sus peores parches y sus vecinos más cercanos.</translation>
    </message>
    <message>
        <source>Select a product.</source>
        <translation>Seleccione un producto.</translation>
    </message>
    <message>
        <source>Audit the references of %1 to rank them; flagged images are outlined in red.</source>
        <translation>Audite las referencias de %1 para ordenarlas; las imágenes marcadas se contornean en rojo.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in the bank&apos;s reference set.</source>
        <translation>
            <numerusform>%n imagen en el conjunto de referencia del banco.</numerusform>
            <numerusform>%n imágenes en el conjunto de referencia del banco.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 removed, %2 recaptured.</source>
        <translation>%1 quitadas, %2 recapturadas.</translation>
    </message>
    <message numerus="yes">
        <source>%n unused training image(s).</source>
        <translation>
            <numerusform>%n imagen de entrenamiento sin usar.</numerusform>
            <numerusform>%n imágenes de entrenamiento sin usar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replace the flagged images by training images the reference set does not use (%n left), and rebuild the bank</source>
        <translation>
            <numerusform>Sustituir las imágenes marcadas por imágenes de entrenamiento que el conjunto de referencia no usa (queda %n) y reconstruir el banco</numerusform>
            <numerusform>Sustituir las imágenes marcadas por imágenes de entrenamiento que el conjunto de referencia no usa (quedan %n) y reconstruir el banco</numerusform>
        </translation>
    </message>
    <message>
        <source>No training image is left unused: every one is in the reference set or was removed</source>
        <translation>No queda ninguna imagen de entrenamiento sin usar: todas están en el conjunto de referencia o se quitaron</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n reference(s) audited (%2, k = %3): median %4, MAD %5, threshold %6.</source>
        <translation>
            <numerusform>%1: %n referencia auditada (%2, k = %3): mediana %4, MAD %5, umbral %6.</numerusform>
            <numerusform>%1: %n referencias auditadas (%2, k = %3): mediana %4, MAD %5, umbral %6.</numerusform>
        </translation>
    </message>
    <message>
        <source>The scores hardly vary (MAD below 1e-12): nothing is flagged.</source>
        <translation>Las puntuaciones apenas varían (MAD inferior a 1e-12): no se marca nada.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n flagged&lt;/b&gt; (at most %1).</source>
        <translation>
            <numerusform>&lt;b&gt;%n marcada&lt;/b&gt; (como mucho %1).</numerusform>
            <numerusform>&lt;b&gt;%n marcadas&lt;/b&gt; (como mucho %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>None flagged.</source>
        <translation>Ninguna marcada.</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) could not be read.</source>
        <translation>
            <numerusform>%n imagen no se pudo leer.</numerusform>
            <numerusform>%n imágenes no se pudieron leer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n training image(s) screened with %2 memories of %3 image(s) each in %4 s: median %5, MAD %6, threshold %7 (median + %8 × MAD).</source>
        <translation>
            <numerusform>%1: %n imagen de entrenamiento examinada con %2 memorias de %3 imagen(es) cada una en %4 s: mediana %5, MAD %6, umbral %7 (mediana + %8 × MAD).</numerusform>
            <numerusform>%1: %n imágenes de entrenamiento examinadas con %2 memorias de %3 imagen(es) cada una en %4 s: mediana %5, MAD %6, umbral %7 (mediana + %8 × MAD).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n suspicious&lt;/b&gt;.</source>
        <translation>
            <numerusform>&lt;b&gt;%n sospechosa&lt;/b&gt;.</numerusform>
            <numerusform>&lt;b&gt;%n sospechosas&lt;/b&gt;.</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 de %3</translation>
    </message>
    <message>
        <source>#%1 · %2
%3</source>
        <translation>#%1 · %2
%3</translation>
    </message>
    <message>
        <source>Flagged: audit score %1 &gt; threshold %2</source>
        <translation>Marcada: puntuación de auditoría %1 &gt; umbral %2</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n patch(es) removed</source>
        <translation>
            <numerusform>%1
%n parche eliminado</numerusform>
            <numerusform>%1
%n parches eliminados</numerusform>
        </translation>
    </message>
    <message>
        <source>Out of the reference set now (Restore brings it back)</source>
        <translation>Ahora fuera del conjunto de referencia (Restaurar la devuelve)</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>quitada</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>marcadas</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>umbral %1</translation>
    </message>
    <message>
        <source>median %1</source>
        <translation>mediana %1</translation>
    </message>
    <message>
        <source>No reference to show yet.</source>
        <translation>Todavía no hay ninguna referencia que mostrar.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is flagged.&lt;/b&gt; Its worst patch (row %2, column %3) is %4 from its nearest other references; audit score %5 &amp;gt; threshold %6.</source>
        <translation>&lt;b&gt;%1 está marcada.&lt;/b&gt; Su peor parche (fila %2, columna %3) está a %4 de sus referencias más cercanas; puntuación de auditoría %5 &amp;gt; umbral %6.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; scores %2, above the threshold %3, but the audit flags at most %4 images.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; puntúa %2, por encima del umbral %3, pero la auditoría marca como mucho %4 imágenes.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is not flagged: audit score %2 ≤ threshold %3. Its worst patch (row %4, column %5) is %6 from its nearest other references.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; no está marcada: puntuación de auditoría %2 ≤ umbral %3. Su peor parche (fila %4, columna %5) está a %6 de sus referencias más cercanas.</translation>
    </message>
    <message>
        <source>It is out of the reference set now.</source>
        <translation>Ahora está fuera del conjunto de referencia.</translation>
    </message>
    <message>
        <source>worst patch
row %1, col %2
score %3</source>
        <translation>peor parche
fila %1, col. %2
puntuación %3</translation>
    </message>
    <message>
        <source>%1
row %2, col %3
distance %4</source>
        <translation>%1
fila %2, col. %3
distancia %4</translation>
    </message>
    <message numerus="yes">
        <source>Its worst patch beside its %n nearest patches among the other references:</source>
        <translation>
            <numerusform>Su peor parche junto a su parche más cercano entre las demás referencias:</numerusform>
            <numerusform>Su peor parche junto a sus %n parches más cercanos entre las demás referencias:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n patch(es) above the 95th percentile of the %2 scores.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n parche por encima del percentil 95 de las puntuaciones %2.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n parches por encima del percentil 95 de las puntuaciones %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit the references to see the nearest patches of the worst one.</source>
        <translation>Audite las referencias para ver los parches más cercanos al peor.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is suspicious:&lt;/b&gt; MeDS score %2 &amp;gt; threshold %3.</source>
        <translation>&lt;b&gt;%1 es sospechosa:&lt;/b&gt; puntuación MeDS %2 &amp;gt; umbral %3.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: MeDS score %2 ≤ threshold %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: puntuación MeDS %2 ≤ umbral %3.</translation>
    </message>
    <message>
        <source>MeDS compares each patch with bootstrap memories of other training images; the outlined patches are the ones its score averages.</source>
        <translation>MeDS compara cada parche con memorias bootstrap de otras imágenes de entrenamiento; los parches contorneados son los que promedia su puntuación.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>No se pudo leer %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 of %3 patches above the 95th percentile (%4) removed, in %5 of %n reference(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 de %3 parches por encima del percentil 95 (%4) eliminados, en %5 de %n referencia.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 de %3 parches por encima del percentil 95 (%4) eliminados, en %5 de %n referencias.</numerusform>
        </translation>
    </message>
    <message>
        <source>Painting them highest score first: %1 of %2.</source>
        <translation>Dibujándolos de mayor a menor puntuación: %1 de %2.</translation>
    </message>
    <message>
        <source>Test-set image AUROC (%1 normal, %2 anomalous): &lt;b&gt;%3&lt;/b&gt; with every patch, &lt;b&gt;%4&lt;/b&gt; with the kept ones (%5).</source>
        <translation>AUROC de imagen del conjunto de prueba (%1 normales, %2 anómalas): &lt;b&gt;%3&lt;/b&gt; con todos los parches, &lt;b&gt;%4&lt;/b&gt; con los conservados (%5).</translation>
    </message>
    <message>
        <source>not flagged</source>
        <translation>no marcadas</translation>
    </message>
</context>
<context>
    <name>pb::ui::RouterPanel</name>
    <message>
        <source>Run a shared bank (Engine &gt; Shared bank…) to see how its images are routed.</source>
        <translation>Ejecute un banco compartido (Motor &gt; Banco compartido…) para ver cómo se enrutan sus imágenes.</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>True product</source>
        <translation>Producto real</translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation>Enrutado a</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margen</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Wrongly routed images are red; click one to inspect it</source>
        <translation>Las imágenes mal enrutadas están en rojo; haga clic en una para inspeccionarla</translation>
    </message>
    <message>
        <source>Rows: the true product; columns: the product the router chose</source>
        <translation>Filas: el producto real; columnas: el producto que eligió el enrutador</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Bank vectors</source>
        <translation>Vectores del banco</translation>
    </message>
    <message>
        <source>Image AUROC</source>
        <translation>AUROC de imagen</translation>
    </message>
    <message>
        <source>Pixel AUROC</source>
        <translation>AUROC de píxel</translation>
    </message>
    <message>
        <source>Wrong-neighbour rate</source>
        <translation>Tasa de vecinos erróneos</translation>
    </message>
    <message>
        <source>Routing accuracy</source>
        <translation>Precisión del enrutamiento</translation>
    </message>
    <message>
        <source>Median margin</source>
        <translation>Margen mediano</translation>
    </message>
    <message>
        <source>Routed correctly</source>
        <translation>Enrutadas correctamente</translation>
    </message>
    <message>
        <source>Routed wrongly</source>
        <translation>Enrutadas erróneamente</translation>
    </message>
    <message>
        <source>Routing margin (second-nearest minus nearest prototype distance)</source>
        <translation>Margen de enrutamiento (distancia al segundo prototipo más cercano menos al más cercano)</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>Imágenes de prueba</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Confusion</source>
        <translation>Confusión</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Márgenes</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <source>No shared-bank run yet.</source>
        <translation>Aún no hay ejecución de banco compartido.</translation>
    </message>
    <message>
        <source>routing accuracy %1 (%2 of %3 test images)</source>
        <translation>precisión del enrutamiento %1 (%2 de %3 imágenes de prueba)</translation>
    </message>
    <message>
        <source>no routing</source>
        <translation>sin enrutamiento</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 products&lt;/b&gt; in one %2 bank (%3 allocator, %4 MB budget): %5 vectors, %6; %7.&lt;br&gt;Router: %8 bytes (%9 prototypes × %10 dimensions), %11. Average wrong-neighbour rate %12.</source>
        <translation>&lt;b&gt;%1 productos&lt;/b&gt; en un banco %2 (repartidor %3, presupuesto de %4 MB): %5 vectores, %6; %7.&lt;br&gt;Enrutador: %8 bytes (%9 prototipos × %10 dimensiones), %11. Tasa media de vecinos erróneos %12.</translation>
    </message>
    <message>
        <source>each test image searched in its routed product&apos;s share only</source>
        <translation>cada imagen de prueba se busca solo en la parte de su producto enrutado</translation>
    </message>
    <message>
        <source>each test image searched in the whole shared bank</source>
        <translation>cada imagen de prueba se busca en todo el banco compartido</translation>
    </message>
    <message>
        <source>anomalous (%1)</source>
        <translation>anómala (%1)</translation>
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
        <source>Routed to %1 instead of %2</source>
        <translation>Enrutada a %1 en lugar de a %2</translation>
    </message>
    <message>
        <source>%1 of %2 test images of %3 routed to %4 (%5)</source>
        <translation>%1 de %2 imágenes de prueba de %3 enrutadas a %4 (%5)</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Media</translation>
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
        <source>threshold %1</source>
        <translation>umbral %1</translation>
    </message>
    <message>
        <source>Drag the dashed line to move the image threshold, the orange lines to move the review band</source>
        <translation>Arrastre la línea discontinua para mover el umbral de imagen y las líneas naranjas para mover la banda de revisión</translation>
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
        <translation>Banco compartido</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Imágenes de entrenamiento</translation>
    </message>
    <message>
        <source>Test images</source>
        <translation>Imágenes de prueba</translation>
    </message>
    <message>
        <source>Add data-set folder…</source>
        <translation>Añadir carpeta de conjunto de datos…</translation>
    </message>
    <message>
        <source>Products of another data set can share the bank too; names must differ</source>
        <translation>Los productos de otro conjunto de datos también pueden compartir el banco; los nombres deben ser distintos</translation>
    </message>
    <message>
        <source>How every product&apos;s share of the bank is compressed</source>
        <translation>Cómo se comprime la parte del banco de cada producto</translation>
    </message>
    <message>
        <source>e.g. seed=1</source>
        <translation>p. ej. seed=1</translation>
    </message>
    <message>
        <source>Options appended to every share&apos;s bank spec</source>
        <translation>Opciones añadidas a la especificación de banco de cada parte</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Total bank size in MiB of float32 vectors, split over the products</source>
        <translation>Tamaño total del banco en MiB de vectores float32, repartido entre los productos</translation>
    </message>
    <message>
        <source>Uniform: equal shares</source>
        <translation>Uniforme: partes iguales</translation>
    </message>
    <message>
        <source>Proportional to the training patches</source>
        <translation>Proporcional a los parches de entrenamiento</translation>
    </message>
    <message>
        <source>Oracle (uses the test labels: a reference, not deployable)</source>
        <translation>Oráculo (usa las etiquetas de prueba: una referencia, no desplegable)</translation>
    </message>
    <message>
        <source>Dispersion: mean nearest-neighbour distance</source>
        <translation>Dispersión: distancia media al vecino más cercano</translation>
    </message>
    <message>
        <source>Complexity: k-means clusters needed</source>
        <translation>Complejidad: clústeres k-means necesarios</translation>
    </message>
    <message>
        <source>Route every test image to its product&apos;s share</source>
        <translation>Enrutar cada imagen de prueba a la parte de su producto</translation>
    </message>
    <message>
        <source>Off: every image is searched in the whole shared bank (pollution); the router is evaluated either way</source>
        <translation>Desactivado: cada imagen se busca en todo el banco compartido (contaminación); el enrutador se evalúa en ambos casos</translation>
    </message>
    <message>
        <source>Euclidean (L2)</source>
        <translation>Euclídea (L2)</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Coseno</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>Compressor</source>
        <translation>Compresor</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <source>Total budget</source>
        <translation>Presupuesto total</translation>
    </message>
    <message>
        <source>Allocator</source>
        <translation>Repartidor</translation>
    </message>
    <message>
        <source>Router metric</source>
        <translation>Métrica del enrutador</translation>
    </message>
    <message>
        <source>Products that share the bank:</source>
        <translation>Productos que comparten el banco:</translation>
    </message>
    <message>
        <source>Add the products of a data-set folder</source>
        <translation>Añadir los productos de una carpeta de conjunto de datos</translation>
    </message>
    <message>
        <source>Still reading the previous folder.</source>
        <translation>Todavía se está leyendo la carpeta anterior.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no product.</source>
        <translation>%1 no contiene ningún producto.</translation>
    </message>
    <message>
        <source>%1 is listed already.</source>
        <translation>%1 ya está en la lista.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n product(s) of %1.</source>
        <translation>
            <numerusform>Añadido %n producto de %1.</numerusform>
            <numerusform>Añadidos %n productos de %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check at least one product.</source>
        <translation>Marque al menos un producto.</translation>
    </message>
    <message>
        <source>Product &quot;%1&quot; is checked in two data sets; product names must be unique.</source>
        <translation>El producto «%1» está marcado en dos conjuntos de datos; los nombres de producto deben ser únicos.</translation>
    </message>
    <message>
        <source>The feature size is not known yet.</source>
        <translation>El tamaño de las características aún no se conoce.</translation>
    </message>
    <message>
        <source>= %1 vectors of dimension %2; the checked products have about %3 training patches%4</source>
        <translation>= %1 vectores de dimensión %2; los productos marcados tienen unos %3 parches de entrenamiento%4</translation>
    </message>
    <message>
        <source> (every patch fits: no compression)</source>
        <translation> (caben todos los parches: sin compresión)</translation>
    </message>
</context>
<context>
    <name>pb::ui::SuitePanel</name>
    <message>
        <source>Features: %1</source>
        <translation>Características: %1</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Celda</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experimento</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecha</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <source>The experiment suites shipped with PatchBank and the suite files you opened</source>
        <translation>Las suites de experimentos incluidas en PatchBank y los archivos de suite que ha abierto</translation>
    </message>
    <message>
        <source>Open suite file…</source>
        <translation>Abrir archivo de suite…</translation>
    </message>
    <message>
        <source>Suite</source>
        <translation>Suite</translation>
    </message>
    <message>
        <source>Data-set folders</source>
        <translation>Carpetas de conjuntos de datos</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <source>Optional: a backbone without a weights file runs on random weights.</source>
        <translation>Opcional: una red troncal sin archivo de pesos funciona con pesos aleatorios.</translation>
    </message>
    <message>
        <source>The results log: one line per finished cell, appended as each cell ends. A run goes on from the cells its log holds.</source>
        <translation>El registro de resultados: una línea por celda terminada, añadida al terminar cada celda. Una ejecución continúa a partir de las celdas que contiene su registro.</translation>
    </message>
    <message>
        <source>Choose the results log</source>
        <translation>Elegir el registro de resultados</translation>
    </message>
    <message>
        <source>Results log</source>
        <translation>Registro de resultados</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Añadir a la cola</translation>
    </message>
    <message>
        <source>Queue this suite run; queued runs go one after the other</source>
        <translation>Poner en cola esta ejecución de la suite; las ejecuciones en cola se realizan una tras otra</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Start no further cell; the cell running now finishes and is kept</source>
        <translation>No iniciar más celdas; la celda en curso termina y se conserva</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Go on from where the results logs stand</source>
        <translation>Continuar desde donde están los registros de resultados</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Cancelar ejecución</translation>
    </message>
    <message>
        <source>Stop the selected run now and take it off the queue; its log keeps the cells done</source>
        <translation>Detener ya la ejecución seleccionada y quitarla de la cola; su registro conserva las celdas hechas</translation>
    </message>
    <message>
        <source>Queue a run to see its cells, tables and figures.</source>
        <translation>Ponga en cola una ejecución para ver sus celdas, tablas y figuras.</translation>
    </message>
    <message>
        <source>Export all…</source>
        <translation>Exportar todo…</translation>
    </message>
    <message>
        <source>Write the tables (CSV, Markdown, LaTeX), the figures and a copy of the results log into a folder</source>
        <translation>Escribir las tablas (CSV, Markdown, LaTeX), las figuras y una copia del registro de resultados en una carpeta</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Celdas</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figuras</translation>
    </message>
    <message>
        <source>New run</source>
        <translation>Nueva ejecución</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Cell %1 (%2, %3)</source>
        <translation>Celda %1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 de %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n cell(s))</source>
        <translation>
            <numerusform>%1 (%n celda)</numerusform>
            <numerusform>%1 (%n celdas)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot use %1: %2</source>
        <translation>No se puede usar %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s)</source>
        <translation>
            <numerusform>%n celda</numerusform>
            <numerusform>%n celdas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n experiment(s) (%1)</source>
        <translation>
            <numerusform>%n experimento (%1)</numerusform>
            <numerusform>%n experimentos (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>data sets: %1</source>
        <translation>conjuntos de datos: %1</translation>
    </message>
    <message>
        <source>No suite: open a suite file.</source>
        <translation>Sin suite: abra un archivo de suite.</translation>
    </message>
    <message>
        <source>Open a suite file</source>
        <translation>Abrir un archivo de suite</translation>
    </message>
    <message>
        <source>Suite files (*.json);;All files (*)</source>
        <translation>Archivos de suite (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>folder of %1</source>
        <translation>carpeta de %1</translation>
    </message>
    <message>
        <source>Choose the folder of the data set %1</source>
        <translation>Elegir la carpeta del conjunto de datos %1</translation>
    </message>
    <message>
        <source>Choose the weights file of %1</source>
        <translation>Elegir el archivo de pesos de %1</translation>
    </message>
    <message>
        <source>none: random weights</source>
        <translation>ninguno: pesos aleatorios</translation>
    </message>
    <message>
        <source>needs no weights</source>
        <translation>no necesita pesos</translation>
    </message>
    <message>
        <source>Give the folder of the data set %1.</source>
        <translation>Indique la carpeta del conjunto de datos %1.</translation>
    </message>
    <message>
        <source>No folder %1.</source>
        <translation>No existe la carpeta %1.</translation>
    </message>
    <message>
        <source>The open data set has this name: &lt;a href=&quot;use&quot;&gt;use %1&lt;/a&gt;</source>
        <translation>El conjunto de datos abierto tiene este nombre: &lt;a href=&quot;use&quot;&gt;usar %1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>No weights file: %1 runs on random weights and its scores mean little.</source>
        <translation>Sin archivo de pesos: %1 funciona con pesos aleatorios y sus puntuaciones significan poco.</translation>
    </message>
    <message>
        <source>No file %1.</source>
        <translation>No existe el archivo %1.</translation>
    </message>
    <message>
        <source>Give the results log.</source>
        <translation>Indique el registro de resultados.</translation>
    </message>
    <message>
        <source>%1 is a folder; give a file.</source>
        <translation>%1 es una carpeta; indique un archivo.</translation>
    </message>
    <message>
        <source>The log exists: the run goes on from the cells it holds.</source>
        <translation>El registro existe: la ejecución continúa a partir de las celdas que contiene.</translation>
    </message>
    <message>
        <source>A new log: every finished cell is appended to it.</source>
        <translation>Un registro nuevo: cada celda terminada se le añade.</translation>
    </message>
    <message>
        <source>Choose a suite.</source>
        <translation>Elija una suite.</translation>
    </message>
    <message>
        <source>The data set %1 has no folder.</source>
        <translation>El conjunto de datos %1 no tiene carpeta.</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist: %2</source>
        <translation>La carpeta de %1 no existe: %2</translation>
    </message>
    <message>
        <source>The weights of %1 do not exist: %2</source>
        <translation>Los pesos de %1 no existen: %2</translation>
    </message>
    <message>
        <source>The results log %1 is a folder.</source>
        <translation>El registro de resultados %1 es una carpeta.</translation>
    </message>
    <message>
        <source>Queued; the queue is paused: Resume starts it.</source>
        <translation>En cola; la cola está en pausa: «Reanudar» la inicia.</translation>
    </message>
    <message>
        <source>The folder of the data set %1</source>
        <translation>La carpeta del conjunto de datos %1</translation>
    </message>
    <message>
        <source>The weights of %1</source>
        <translation>Los pesos de %1</translation>
    </message>
    <message>
        <source>Weights (*.safetensors *.pt *.pth);;All files (*)</source>
        <translation>Pesos (*.safetensors *.pt *.pth);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The results log</source>
        <translation>El registro de resultados</translation>
    </message>
    <message>
        <source>Results logs (*.jsonl);;All files (*)</source>
        <translation>Registros de resultados (*.jsonl);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Queue (%1)</source>
        <translation>Cola (%1)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>waiting, %1</source>
        <translation>en espera, %1</translation>
    </message>
    <message>
        <source>running, %1</source>
        <translation>en curso, %1</translation>
    </message>
    <message>
        <source>paused, %1</source>
        <translation>en pausa, %1</translation>
    </message>
    <message>
        <source>done, %1, %2 failed</source>
        <translation>hecha, %1, %2 fallidas</translation>
    </message>
    <message>
        <source>done, %1</source>
        <translation>hecha, %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Take the run off the list; its results log stays</source>
        <translation>Quitar la ejecución de la lista; su registro de resultados se conserva</translation>
    </message>
    <message>
        <source>No run queued.</source>
        <translation>Ninguna ejecución en cola.</translation>
    </message>
    <message>
        <source>The queue is paused.</source>
        <translation>La cola está en pausa.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 cells done, %4 failed</source>
        <translation>%1: %2 de %3 celdas hechas, %4 fallidas</translation>
    </message>
    <message>
        <source>%1: %2 of %3 cells done</source>
        <translation>%1: %2 de %3 celdas hechas</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>iniciando…</translation>
    </message>
    <message>
        <source>Every cell has run.</source>
        <translation>Todas las celdas se han ejecutado.</translation>
    </message>
    <message>
        <source>Opening the results log…</source>
        <translation>Abriendo el registro de resultados…</translation>
    </message>
    <message>
        <source>No cell running.</source>
        <translation>Ninguna celda en curso.</translation>
    </message>
    <message>
        <source>The queue is paused: Resume goes on from where the results logs stand.</source>
        <translation>La cola está en pausa: «Reanudar» continúa desde donde están los registros de resultados.</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Transcurrido %1</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · faltan unos %1</translation>
    </message>
    <message>
        <source>The figures fill in as cells finish.</source>
        <translation>Las figuras se completan a medida que terminan las celdas.</translation>
    </message>
    <message>
        <source>Nothing to export yet: no cell of this run has finished.</source>
        <translation>Aún no hay nada que exportar: ninguna celda de esta ejecución ha terminado.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>No se puede crear %1.</translation>
    </message>
    <message>
        <source>Export the tables, figures and log to</source>
        <translation>Exportar las tablas, figuras y el registro a</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n table(s) as CSV, Markdown and LaTeX, %1 figure(s) as PNG and SVG and the results log (%2) to %3</source>
        <translation>
            <numerusform>Se escribió %n tabla como CSV, Markdown y LaTeX, %1 figura(s) como PNG y SVG y el registro de resultados (%2) en %3</numerusform>
            <numerusform>Se escribieron %n tablas como CSV, Markdown y LaTeX, %1 figura(s) como PNG y SVG y el registro de resultados (%2) en %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pb::ui::SuiteQueue</name>
    <message>
        <source>The results log cannot be read: %1</source>
        <translation>No se puede leer el registro de resultados: %1</translation>
    </message>
    <message>
        <source>Choose a suite first.</source>
        <translation>Elija primero una suite.</translation>
    </message>
    <message>
        <source>The data set %1 has no folder.</source>
        <translation>El conjunto de datos %1 no tiene carpeta.</translation>
    </message>
    <message>
        <source>Choose a results log.</source>
        <translation>Elija un registro de resultados.</translation>
    </message>
    <message>
        <source>A queued run of %1 writes %2 already; give this one another results log.</source>
        <translation>Una ejecución en cola de %1 ya escribe %2; indique otro registro de resultados para esta.</translation>
    </message>
    <message>
        <source>Restored from the last session: Resume goes on from its results log.</source>
        <translation>Restaurada de la última sesión: «Reanudar» continúa desde su registro de resultados.</translation>
    </message>
    <message>
        <source>Pausing after the cell running now…</source>
        <translation>Pausa tras la celda en curso…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message numerus="yes">
        <source>A torn last line (%n byte(s)) was cut from the results log; its cell runs again.</source>
        <translation>
            <numerusform>Se cortó una última línea incompleta (%n byte) del registro de resultados; su celda se ejecuta de nuevo.</numerusform>
            <numerusform>Se cortó una última línea incompleta (%n bytes) del registro de resultados; su celda se ejecuta de nuevo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) failed; queue the suite again to retry them.</source>
        <translation>
            <numerusform>%n celda falló; vuelva a poner la suite en cola para reintentarla.</numerusform>
            <numerusform>%n celdas fallaron; vuelva a poner la suite en cola para reintentarlas.</numerusform>
        </translation>
    </message>
    <message>
        <source>The running cell was cancelled; Resume runs it again.</source>
        <translation>La celda en curso se canceló; «Reanudar» la vuelve a ejecutar.</translation>
    </message>
    <message>
        <source>A queued run could not be restored: %1</source>
        <translation>No se pudo restaurar una ejecución en cola: %1</translation>
    </message>
</context>
<context>
    <name>pb::ui::TrainingPanel</name>
    <message>
        <source>reconstruct</source>
        <translation>reconstrucción</translation>
    </message>
    <message>
        <source>distill (stage 2)</source>
        <translation>destilación (etapa 2)</translation>
    </message>
    <message>
        <source>fine-tune (stage 3)</source>
        <translation>ajuste fino (etapa 3)</translation>
    </message>
    <message>
        <source>image AUROC</source>
        <translation>AUROC de imagen</translation>
    </message>
    <message>
        <source>pixel AP</source>
        <translation>AP de píxel</translation>
    </message>
    <message>
        <source>AUPRO (30 %)</source>
        <translation>AUPRO (30 %)</translation>
    </message>
    <message>
        <source>target MSE (right axis)</source>
        <translation>MSE objetivo (eje derecho)</translation>
    </message>
    <message>
        <source>The product of the open data set to train on</source>
        <translation>El producto del conjunto de datos abierto con el que se entrena</translation>
    </message>
    <message>
        <source>none: the product&apos;s training images</source>
        <translation>ninguna: las imágenes de entrenamiento del producto</translation>
    </message>
    <message>
        <source>A noisy training list (filename,clsname), as MeDS publishes them: the product&apos;s rows are its training images, defective test images among them</source>
        <translation>Una lista de entrenamiento ruidosa (filename,clsname), como las publica MeDS: las filas del producto son sus imágenes de entrenamiento, entre ellas imágenes de prueba defectuosas</translation>
    </message>
    <message>
        <source>Choose a noisy training list</source>
        <translation>Elegir una lista de entrenamiento ruidosa</translation>
    </message>
    <message>
        <source>Detector alone</source>
        <translation>Detector solo</translation>
    </message>
    <message>
        <source>Detector with MeDS</source>
        <translation>Detector con MeDS</translation>
    </message>
    <message>
        <source>Reconstruct every training image (as Dinomaly trains)</source>
        <translation>Reconstruir cada imagen de entrenamiento (como entrena Dinomaly)</translation>
    </message>
    <message>
        <source>MeDS: screen the training images with a memory ensemble, distil its maps, then fine-tune on the images each selection round keeps</source>
        <translation>MeDS: examinar las imágenes de entrenamiento con un conjunto de memorias, destilar sus mapas y luego hacer un ajuste fino con las imágenes que conserva cada ronda de selección</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iteraciones</translation>
    </message>
    <message>
        <source>Optimiser steps (MeDS: of the distillation, stage 2)</source>
        <translation>Pasos del optimizador (MeDS: de la destilación, etapa 2)</translation>
    </message>
    <message>
        <source>Fine-tune iterations</source>
        <translation>Iteraciones de ajuste fino</translation>
    </message>
    <message>
        <source>MeDS stage 3: progressive selection and fine-tuning on the images kept</source>
        <translation>Etapa 3 de MeDS: selección progresiva y ajuste fino con las imágenes conservadas</translation>
    </message>
    <message>
        <source>Training images per step</source>
        <translation>Imágenes de entrenamiento por paso</translation>
    </message>
    <message>
        <source>Decoder blocks, split evenly over the backbone&apos;s tapped layers</source>
        <translation>Bloques del decodificador, repartidos por igual entre las capas extraídas de la red troncal</translation>
    </message>
    <message>
        <source>Seeds the initial weights and the order of the batches</source>
        <translation>Semilla de los pesos iniciales y del orden de los lotes</translation>
    </message>
    <message>
        <source>Ensemble members</source>
        <translation>Miembros del conjunto</translation>
    </message>
    <message>
        <source>MeDS stage 1: bootstrap memories of 10 % of the training images each</source>
        <translation>Etapa 1 de MeDS: memorias bootstrap del 10 % de las imágenes de entrenamiento cada una</translation>
    </message>
    <message>
        <source>Validate on the test split</source>
        <translation>Validar con la partición de prueba</translation>
    </message>
    <message>
        <source>Score the product&apos;s test images as training goes: image AUROC, pixel AP and AUPRO show when the detector starts to over-fit (with a noisy list: the test images it does not list)</source>
        <translation>Puntuar las imágenes de prueba del producto durante el entrenamiento: el AUROC de imagen, el AP de píxel y el AUPRO muestran cuándo el detector empieza a sobreajustarse (con una lista ruidosa: las imágenes de prueba que no incluye)</translation>
    </message>
    <message>
        <source>The model file (safetensors): written as training goes, so that a stopped run goes on from it</source>
        <translation>El archivo del modelo (safetensors): se escribe durante el entrenamiento, de modo que una ejecución detenida continúa a partir de él</translation>
    </message>
    <message>
        <source>Choose where the model is written</source>
        <translation>Elegir dónde se escribe el modelo</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <source>Train the detector; an unfinished run in the model file goes on from where it stopped</source>
        <translation>Entrenar el detector; una ejecución sin terminar del archivo del modelo continúa donde se detuvo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop training; the model file keeps the run so far and Train goes on from it</source>
        <translation>Detener el entrenamiento; el archivo del modelo conserva la ejecución hasta ahora y «Entrenar» la continúa</translation>
    </message>
    <message>
        <source>Start over (replace the model file)</source>
        <translation>Empezar de nuevo (reemplazar el archivo del modelo)</translation>
    </message>
    <message>
        <source>Delete the model file in the way and train from the start</source>
        <translation>Eliminar el archivo del modelo que lo impide y entrenar desde el principio</translation>
    </message>
    <message>
        <source>Use model</source>
        <translation>Usar modelo</translation>
    </message>
    <message>
        <source>Score the product&apos;s test images with the model: the inspection view, the histogram and the metrics show its maps</source>
        <translation>Puntuar las imágenes de prueba del producto con el modelo: la vista de inspección, el histograma y las métricas muestran sus mapas</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>Abrir modelo…</translation>
    </message>
    <message>
        <source>Show the curves and selection rounds a model file records</source>
        <translation>Mostrar las curvas y las rondas de selección que registra un archivo de modelo</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>Conjunto de entrenamiento</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Noisy list</source>
        <translation>Lista ruidosa</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Tamaño del lote</translation>
    </message>
    <message>
        <source>Decoder blocks</source>
        <translation>Bloques del decodificador</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>Archivo del modelo</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>Iteración</translation>
    </message>
    <message>
        <source>Loss (log)</source>
        <translation>Pérdida (log)</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>Partición de prueba</translation>
    </message>
    <message>
        <source>Target MSE (log)</source>
        <translation>MSE objetivo (log)</translation>
    </message>
    <message>
        <source>The loss of every iteration appears here as training runs.</source>
        <translation>La pérdida de cada iteración aparece aquí mientras se ejecuta el entrenamiento.</translation>
    </message>
    <message>
        <source>Image AUROC, pixel AP and AUPRO on the test split (and MeDS&apos;s target MSE) appear here.</source>
        <translation>El AUROC de imagen, el AP de píxel y el AUPRO en la partición de prueba (y el MSE objetivo de MeDS) aparecen aquí.</translation>
    </message>
    <message>
        <source> fine-tune →</source>
        <translation> ajuste fino →</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Curvas</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Ronda</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Conservadas</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <source>w</source>
        <translation>w</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Exhaustividad</translation>
    </message>
    <message>
        <source>Weight of the distilled model&apos;s scores</source>
        <translation>Peso de las puntuaciones del modelo destilado</translation>
    </message>
    <message>
        <source>Normal images among those kept (needs the noisy list&apos;s labels)</source>
        <translation>Imágenes normales entre las conservadas (necesita las etiquetas de la lista ruidosa)</translation>
    </message>
    <message>
        <source>Normal images kept among all normal ones</source>
        <translation>Imágenes normales conservadas entre todas las normales</translation>
    </message>
    <message>
        <source>MeDS&apos;s selection rounds appear here as stage 3 runs.</source>
        <translation>Las rondas de selección de MeDS aparecen aquí mientras se ejecuta la etapa 3.</translation>
    </message>
    <message>
        <source>Selection rounds</source>
        <translation>Rondas de selección</translation>
    </message>
    <message>
        <source>Distillation iterations</source>
        <translation>Iteraciones de destilación</translation>
    </message>
    <message>
        <source>Features (Engine panel): %1, %2 px</source>
        <translation>Características (panel del motor): %1, %2 px</translation>
    </message>
    <message>
        <source>, crop %1</source>
        <translation>, recorte %1</translation>
    </message>
    <message>
        <source>, layers %1</source>
        <translation>, capas %1</translation>
    </message>
    <message>
        <source>random weights: its scores mean little</source>
        <translation>pesos aleatorios: sus puntuaciones significan poco</translation>
    </message>
    <message>
        <source>Open a data set to read the list against.</source>
        <translation>Abra un conjunto de datos para contrastar la lista con él.</translation>
    </message>
    <message>
        <source>Training images of the product: %1.</source>
        <translation>Imágenes de entrenamiento del producto: %1.</translation>
    </message>
    <message>
        <source>Training images listed: %1, injected defects among them: %2. Validation on the test images not listed: %3.</source>
        <translation>Imágenes de entrenamiento en la lista: %1, defectos inyectados entre ellas: %2. Validación con las imágenes de prueba que no están en la lista: %3.</translation>
    </message>
    <message>
        <source>Choose the model file to write.</source>
        <translation>Elija el archivo del modelo que se escribirá.</translation>
    </message>
    <message>
        <source>%1 is a folder; name the model file inside it.</source>
        <translation>%1 es una carpeta; indique el archivo del modelo dentro de ella.</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>No se puede escribir %1.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>La carpeta %1 no existe.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to.</source>
        <translation>No se puede escribir en la carpeta %1.</translation>
    </message>
    <message>
        <source>Exists: Train goes on from it when it holds an unfinished run of these settings.</source>
        <translation>Existe: «Entrenar» continúa a partir de él si contiene una ejecución sin terminar con estos ajustes.</translation>
    </message>
    <message>
        <source>A new model file.</source>
        <translation>Un archivo de modelo nuevo.</translation>
    </message>
    <message>
        <source>Noisy training list</source>
        <translation>Lista de entrenamiento ruidosa</translation>
    </message>
    <message>
        <source>Training lists (*.csv);;All files (*)</source>
        <translation>Listas de entrenamiento (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Model files (*.safetensors);;All files (*)</source>
        <translation>Archivos de modelo (*.safetensors);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>Abrir un archivo de modelo</translation>
    </message>
    <message>
        <source>Open a data set first (File &gt; Open data set folder): training uses its images.</source>
        <translation>Abra primero un conjunto de datos (Archivo &gt; Abrir carpeta de conjunto de datos): el entrenamiento usa sus imágenes.</translation>
    </message>
    <message>
        <source>The data set has no product to train on.</source>
        <translation>El conjunto de datos no tiene ningún producto con el que entrenar.</translation>
    </message>
    <message>
        <source>The noisy list cannot be used: %1</source>
        <translation>No se puede usar la lista ruidosa: %1</translation>
    </message>
    <message>
        <source>%1 has fewer than two training images.</source>
        <translation>%1 tiene menos de dos imágenes de entrenamiento.</translation>
    </message>
    <message>
        <source>Training %1 (%2, %3)…</source>
        <translation>Entrenando %1 (%2, %3)…</translation>
    </message>
    <message>
        <source>Resumed at iteration %1 of %2 from %3.</source>
        <translation>Reanudado en la iteración %1 de %2 desde %3.</translation>
    </message>
    <message>
        <source>%1 + %2 iterations</source>
        <translation>%1 + %2 iteraciones</translation>
    </message>
    <message>
        <source>%1 iterations</source>
        <translation>%1 iteraciones</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 de %3</translation>
    </message>
    <message>
        <source>%1 already holds this finished run; its curves are shown. Change a setting or the model file to train another, or start over.</source>
        <translation>%1 ya contiene esta ejecución terminada; se muestran sus curvas. Cambie un ajuste o el archivo del modelo para entrenar otra, o empiece de nuevo.</translation>
    </message>
    <message>
        <source>Resumed at iteration %1 and finished %2 iterations in %3; the model is in %4.</source>
        <translation>Reanudado en la iteración %1 y completadas %2 iteraciones en %3; el modelo está en %4.</translation>
    </message>
    <message>
        <source>Trained %1 in %2 iterations (%3); the model is in %4.</source>
        <translation>%1 entrenado en %2 iteraciones (%3); el modelo está en %4.</translation>
    </message>
    <message>
        <source>Cancelled at iteration %1; %2 keeps the run so far and Train goes on from there.</source>
        <translation>Cancelado en la iteración %1; %2 conserva la ejecución hasta ahora y «Entrenar» continúa desde ahí.</translation>
    </message>
    <message>
        <source>Cancelled before the first iteration.</source>
        <translation>Cancelado antes de la primera iteración.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>El entrenamiento falló: %1</translation>
    </message>
    <message>
        <source>%1: a finished run of %2 (%3).</source>
        <translation>%1: una ejecución terminada de %2 (%3).</translation>
    </message>
    <message>
        <source>%1: an unfinished run of %2 (%3), stopped at iteration %4; Train with the same settings goes on from it.</source>
        <translation>%1: una ejecución sin terminar de %2 (%3), detenida en la iteración %4; «Entrenar» con los mismos ajustes la continúa.</translation>
    </message>
    <message>
        <source>Its training images are not those of the dock&apos;s settings: the rounds show scores without pictures.</source>
        <translation>Sus imágenes de entrenamiento no son las de los ajustes del panel: las rondas muestran puntuaciones sin imágenes.</translation>
    </message>
    <message>
        <source>Training %1 (%2, %3): iteration %4.</source>
        <translation>Entrenando %1 (%2, %3): iteración %4.</translation>
    </message>
    <message>
        <source>Resumed at iteration %1; now at iteration %2 of %3.</source>
        <translation>Reanudado en la iteración %1; ahora en la iteración %2 de %3.</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>Ronda %1</translation>
    </message>
    <message>
        <source>Stage 1 screen</source>
        <translation>Examen de la etapa 1</translation>
    </message>
    <message>
        <source>Selection rounds (%1)</source>
        <translation>Rondas de selección (%1)</translation>
    </message>
    <message>
        <source>screen</source>
        <translation>examen</translation>
    </message>
    <message>
        <source>before</source>
        <translation>antes</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; at iteration %2: kept %3 of %4 below the threshold %5 (w = %6).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; en la iteración %2: conservadas %3 de %4 por debajo del umbral %5 (w = %6).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: the memory ensemble flagged %2 of %3 above %4.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: el conjunto de memorias marcó %2 de %3 por encima de %4.</translation>
    </message>
    <message>
        <source>%1 of the %2 injected defects kept; precision %3, recall %4.</source>
        <translation>%1 de los %2 defectos inyectados conservados; precisión %3, exhaustividad %4.</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>conservadas</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>descartadas</translation>
    </message>
    <message>
        <source>injected defect</source>
        <translation>defecto inyectado</translation>
    </message>
    <message>
        <source>The training images of this run are not known here: scores only.</source>
        <translation>Las imágenes de entrenamiento de esta ejecución no se conocen aquí: solo puntuaciones.</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>imagen %1</translation>
    </message>
    <message>
        <source>#%1 · %2
%3</source>
        <translation>#%1 · %2
%3</translation>
    </message>
    <message>
        <source>training image %1</source>
        <translation>imagen de entrenamiento %1</translation>
    </message>
    <message>
        <source>kept: score %1 below the threshold %2</source>
        <translation>conservada: puntuación %1 por debajo del umbral %2</translation>
    </message>
    <message>
        <source>dropped: score %1 at or above the threshold %2</source>
        <translation>descartada: puntuación %1 igual o superior al umbral %2</translation>
    </message>
    <message>
        <source>a defect the noisy list injected (%1)</source>
        <translation>un defecto inyectado por la lista ruidosa (%1)</translation>
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
        <translation>revisar</translation>
    </message>
    <message>
        <source>anomalous</source>
        <translation>anómala</translation>
    </message>
</context>
<context>
    <name>pb::ui::Workbench</name>
    <message>
        <source>Open a data set and select a product first.</source>
        <translation>Abra primero un conjunto de datos y seleccione un producto.</translation>
    </message>
    <message>
        <source>Build bank</source>
        <translation>Construir banco</translation>
    </message>
    <message>
        <source>Score test set</source>
        <translation>Puntuar conjunto de prueba</translation>
    </message>
    <message>
        <source>Cannot score the images</source>
        <translation>No se pueden puntuar las imágenes</translation>
    </message>
    <message>
        <source>Build a bank first: the images are scored against it.</source>
        <translation>Construya primero un banco: las imágenes se puntúan con él.</translation>
    </message>
    <message>
        <source>Cannot add images to the bank</source>
        <translation>No se pueden añadir imágenes al banco</translation>
    </message>
    <message>
        <source>Build or open a bank first.</source>
        <translation>Construya o abra primero un banco.</translation>
    </message>
    <message>
        <source>Cannot save the bank</source>
        <translation>No se puede guardar el banco</translation>
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
        <source>Score the test set of the product first.</source>
        <translation>Puntúe primero el conjunto de prueba del producto.</translation>
    </message>
    <message>
        <source>Review band of %1</source>
        <translation>Banda de revisión de %1</translation>
    </message>
    <message>
        <source>Audit the references</source>
        <translation>Auditar las referencias</translation>
    </message>
    <message>
        <source>The audit needs at least two reference images of %1; restore the reference set.</source>
        <translation>La auditoría necesita al menos dos imágenes de referencia de %1; restaure el conjunto de referencia.</translation>
    </message>
    <message>
        <source>Audit rule</source>
        <translation>Regla de auditoría</translation>
    </message>
    <message>
        <source>Audit the reference images of %1 first.</source>
        <translation>Audite primero las imágenes de referencia de %1.</translation>
    </message>
    <message>
        <source>The audit of %1 flagged no reference image.</source>
        <translation>La auditoría de %1 no marcó ninguna imagen de referencia.</translation>
    </message>
    <message>
        <source>Remove flagged</source>
        <translation>Quitar marcadas</translation>
    </message>
    <message>
        <source>The flagged images of %1 are already out of its reference set.</source>
        <translation>Las imágenes marcadas de %1 ya están fuera de su conjunto de referencia.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n flagged reference image(s) of %1; rebuilding its bank.</source>
        <translation>
            <numerusform>Se quitó %n imagen de referencia marcada de %1; reconstruyendo su banco.</numerusform>
            <numerusform>Se quitaron %n imágenes de referencia marcadas de %1; reconstruyendo su banco.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recapture</source>
        <translation>Recapturar</translation>
    </message>
    <message numerus="yes">
        <source>The reference set of %1 already holds its %n original image(s).</source>
        <translation>
            <numerusform>El conjunto de referencia de %1 ya tiene su %n imagen original.</numerusform>
            <numerusform>El conjunto de referencia de %1 ya tiene sus %n imágenes originales.</numerusform>
        </translation>
    </message>
    <message>
        <source>No unused training images of %1 remain: every one is in the reference set or was removed. Use Remove flagged instead, or set a training-image limit in the engine panel to keep some in reserve.</source>
        <translation>No quedan imágenes de entrenamiento sin usar de %1: todas están en el conjunto de referencia o se quitaron. Use «Quitar marcadas» en su lugar o fije un límite de imágenes de entrenamiento en el panel del motor para reservar algunas.</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n flagged reference image(s) of %1 by unused training images; rebuilding its bank.</source>
        <translation>
            <numerusform>Se sustituyó %n imagen de referencia marcada de %1 por imágenes de entrenamiento sin usar; reconstruyendo su banco.</numerusform>
            <numerusform>Se sustituyeron %n imágenes de referencia marcadas de %1 por imágenes de entrenamiento sin usar; reconstruyendo su banco.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n unused image(s) remained.</source>
        <translation>
            <numerusform>Solo quedaba %n imagen sin usar.</numerusform>
            <numerusform>Solo quedaban %n imágenes sin usar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>The reference set of %1 is already the original one.</source>
        <translation>El conjunto de referencia de %1 ya es el original.</translation>
    </message>
    <message>
        <source>Restored the original reference set of %1; rebuilding its bank.</source>
        <translation>Se restauró el conjunto de referencia original de %1; reconstruyendo su banco.</translation>
    </message>
    <message>
        <source>The test set of %1 was scored by a reconstruction model; leave-one-out scores need a memory bank. Score the test set with a bank first.</source>
        <translation>El conjunto de prueba de %1 se puntuó con un modelo de reconstrucción; las puntuaciones leave-one-out necesitan un banco de memoria. Puntúe primero el conjunto de prueba con un banco.</translation>
    </message>
    <message>
        <source>Use the detector</source>
        <translation>Usar el detector</translation>
    </message>
    <message>
        <source>Open a data set first: the model scores its test images.</source>
        <translation>Abra primero un conjunto de datos: el modelo puntúa sus imágenes de prueba.</translation>
    </message>
    <message>
        <source>Choose a model file first.</source>
        <translation>Elija primero un archivo de modelo.</translation>
    </message>
</context>
</TS>
