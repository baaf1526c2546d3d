#!/usr/bin/env python3
r"""Python PatchCore reference for PatchBank's benchmarks: what a user runs instead of the C++
engine. numpy (OpenBLAS sgemm + argmin) exact kNN, PatchCore's greedy coreset in torch, and the
whole PatchCore evaluation of one MVTec-layout product with the same features and scores as
`patchbank-cli evaluate --backbone mobilenetv2_100`. Each subcommand prints one JSON line last.

    python3 bench/patchcore_reference.py knn --bank B.f32 --bank-rows N --queries Q.f32 \
        --query-rows M --dim D [--k 1] [--chunk 1024] [--repeats 1] [--indices-out I.i64]
    python3 bench/patchcore_reference.py coreset --features F.f32 --rows N --dim D --count C \
        --projection P.f32 --proj P --start S [--indices-out I.i64]
    python3 bench/patchcore_reference.py pipeline --data DIR --product bottle \
        --weights mobilenetv2_100.safetensors [--resolution 224] [--k 1] [--batch 8] [--chunk 1024]
    python3 bench/patchcore_reference.py selftest

Threads: OMP_NUM_THREADS (torch) and OPENBLAS_NUM_THREADS / OPENBLAS_CORETYPE (numpy's and
torch's OpenBLAS) as set by the caller, or --threads N before the subcommand.
Use Debian's /usr/bin/python3 (numpy, torch, PIL); nothing else is needed.
"""
import time

_T_START = time.perf_counter()  # before the heavy imports, so the pipeline can report them

import argparse  # noqa: E402
import ctypes  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import struct  # noqa: E402
import sys  # noqa: E402

IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"}  # PatchBank's DatasetReader


def parse(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--threads", type=int, default=0,
                   help="sets OMP/OPENBLAS_NUM_THREADS when unset (0 = keep the environment)")
    sub = p.add_subparsers(dest="command", required=True)

    k = sub.add_parser("knn", help="exact kNN of raw float32 matrices, numpy sgemm + argmin")
    k.add_argument("--bank", required=True)
    k.add_argument("--bank-rows", type=int, required=True)
    k.add_argument("--queries", required=True)
    k.add_argument("--query-rows", type=int, required=True)
    k.add_argument("--dim", type=int, required=True)
    k.add_argument("--k", type=int, default=1)
    k.add_argument("--chunk", type=int, default=1024, help="queries per sgemm")
    k.add_argument("--repeats", type=int, default=1)
    k.add_argument("--indices-out", help="raw int64 [queries][k]")

    c = sub.add_parser("coreset", help="PatchCore's greedy coreset (torch), as bench/CoresetBaseline.cpp")
    c.add_argument("--features", required=True)
    c.add_argument("--rows", type=int, required=True)
    c.add_argument("--dim", type=int, required=True)
    c.add_argument("--count", type=int, required=True)
    c.add_argument("--projection", help="raw float32 [dim][proj]; unused when --proj is 0 or >= --dim")
    c.add_argument("--proj", type=int, default=0)
    c.add_argument("--start", type=int, default=0)
    c.add_argument("--indices-out", help="raw int64 [count], in selection order")
    c.add_argument("--loop", choices=["tuned", "patchcore"], default="tuned",
                   help="tuned: squared norms once, running minimum in place (what a careful user writes); "
                        "patchcore: PatchCore's loop verbatim (norms of every row recomputed per pick)")

    e = sub.add_parser("pipeline", help="PatchCore evaluation of one MVTec-layout product")
    e.add_argument("--data", required=True)
    e.add_argument("--product", default="bottle")
    e.add_argument("--weights", required=True, help="timm mobilenetv2_100 model.safetensors")
    e.add_argument("--resolution", type=int, default=224)
    e.add_argument("--k", type=int, default=1, help="neighbours averaged into a patch score")
    e.add_argument("--batch", type=int, default=8, help="images per backbone batch")
    e.add_argument("--chunk", type=int, default=1024, help="queries per sgemm")
    e.add_argument("--image-score", default="p95", choices=["p95", "max", "top1pct"])
    e.add_argument("--smoothing", type=float, default=0.0, help="Gaussian sigma on the map (0 = none)")
    e.add_argument("--channels-last", action="store_true",
                   help="NHWC convolutions (faster on CPU; a plain timm user runs NCHW)")
    e.add_argument("--scores-out", help="CSV of image,label,score")
    e.add_argument("--features-out", help="raw float32 test patch features [patches][dim] (debugging)")

    sub.add_parser("selftest", help="knn and coreset against float64 brute force; non-zero exit on a mismatch")
    return p.parse_args(argv)


args = parse()
if args.threads > 0:  # before numpy / torch load OpenBLAS and OpenMP
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    os.environ.setdefault("OPENBLAS_NUM_THREADS", str(args.threads))
import numpy as np  # noqa: E402


# ---------------------------------------------------------------------------------------------
# OpenBLAS introspection

def _openblas():
    """The OpenBLAS numpy (and Debian's torch) call into, found among the loaded libraries."""
    paths = []
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                if "blas" in os.path.basename(path) and path.startswith("/") and path not in paths:
                    paths.append(path)
    except OSError:
        return None
    # libblas.so.3 is what numpy links; the others export the same OpenBLAS symbols.
    paths.sort(key=lambda p: 0 if os.path.basename(p).startswith("libblas") else 1)
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return lib
        except (OSError, AttributeError):
            continue
    return None


def blas_core():
    lib = _openblas()
    try:
        return lib.openblas_get_corename().decode() if lib else "unknown"
    except (AttributeError, UnicodeDecodeError):
        return "unknown"


def blas_threads():
    lib = _openblas()
    try:
        return int(lib.openblas_get_num_threads()) if lib else 0
    except AttributeError:
        return 0


def emit(obj):
    # One flat line: PatchBank's runPythonReference parses from the line's last '{', so no nested
    # objects (lists are fine), and NaN as null, which its JSON parser accepts.
    clean = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in obj.items()}
    assert not any(isinstance(v, dict) for v in clean.values())
    print(json.dumps(clean), flush=True)


def read_matrix(path, rows, cols, dtype=np.float32):
    a = np.fromfile(path, dtype=np.dtype(dtype).newbyteorder("<"), count=rows * cols)
    if a.size != rows * cols:
        sys.exit(f"{path}: expected {rows}x{cols} values, the file holds {a.size}")
    return a.astype(dtype, copy=False).reshape(rows, cols)


# ---------------------------------------------------------------------------------------------
# Exact kNN, as a PatchCore user writes it without faiss

def sq_norms(x):
    return np.einsum("ij,ij->i", x, x)


def knn_search(bank, bank_sq, queries, k, chunk):
    """Returns (distances float32 [M][k], indices int64 [M][k]), nearest first."""
    m = queries.shape[0]
    k = min(k, bank.shape[0])
    dist = np.empty((m, k), np.float32)
    idx = np.empty((m, k), np.int64)
    rows = np.arange(min(chunk, m))[:, None]
    # One product buffer for all chunks: a fresh chunk x bank array per sgemm spends seconds in page faults.
    buffer = np.empty((min(chunk, m), bank.shape[0]), np.float32)
    for begin in range(0, m, chunk):
        q = queries[begin:begin + chunk]
        d = np.matmul(q, bank.T, out=buffer[:len(q)])  # the one sgemm
        # |q|^2 - 2 q.b + |b|^2 in place; |q|^2 does not move the argmin, so it is added after.
        np.multiply(d, -2.0, out=d)
        np.add(d, bank_sq, out=d)
        if k == 1:
            best = np.argmin(d, axis=1)[:, None]
        else:
            part = np.argpartition(d, k - 1, axis=1)[:, :k]
            order = np.argsort(np.take_along_axis(d, part, axis=1), axis=1, kind="stable")
            best = np.take_along_axis(part, order, axis=1)
        vals = d[rows[:len(q)], best] + sq_norms(q)[:, None]
        dist[begin:begin + len(q)] = np.sqrt(np.maximum(vals, 0.0))
        idx[begin:begin + len(q)] = best
    return dist, idx


def run_knn(a):
    bank = read_matrix(a.bank, a.bank_rows, a.dim)
    queries = read_matrix(a.queries, a.query_rows, a.dim)
    t0 = time.perf_counter()
    bank_sq = sq_norms(bank)  # set-up of the bank, like the engine's setBank: not in the search time
    setup = time.perf_counter() - t0
    knn_search(bank, bank_sq, queries[:a.chunk], a.k, a.chunk)  # warm-up: page in, spin up threads
    times = []
    for _ in range(max(1, a.repeats)):
        t0 = time.perf_counter()
        _, idx = knn_search(bank, bank_sq, queries, a.k, a.chunk)
        times.append(time.perf_counter() - t0)
    if a.indices_out:
        idx.astype("<i8").tofile(a.indices_out)
    emit({"seconds": float(np.median(times)), "best_seconds": min(times), "setup_seconds": setup,
          "queries": a.query_rows, "bank": a.bank_rows, "dim": a.dim, "k": min(a.k, a.bank_rows),
          "repeats": len(times), "chunk": a.chunk, "blas_core": blas_core(), "threads": blas_threads()})


# ---------------------------------------------------------------------------------------------
# PatchCore's GreedyCoresetSampler, as bench/CoresetBaseline.cpp runs it

def import_torch():
    import torch
    threads = int(os.environ.get("OMP_NUM_THREADS", "0") or 0)
    if threads > 0:
        torch.set_num_threads(threads)
    return torch


def batchwise_differences(a, b):
    """PatchCore's _compute_batchwise_differences."""
    a_times_a = a.unsqueeze(1).bmm(a.unsqueeze(2)).reshape(-1, 1)
    b_times_b = b.unsqueeze(1).bmm(b.unsqueeze(2)).reshape(1, -1)
    a_times_b = a.mm(b.T)
    return (-2 * a_times_b + a_times_a + b_times_b).clamp(0, None).sqrt()


def greedy_coreset(torch, features, projection, count, start):
    """features: torch [N][D]; projection: torch [D][P] or None. Returns the selected rows in order."""
    count = min(count, features.shape[0])
    if count == 0:
        return []
    with torch.no_grad():
        if projection is not None:
            features = features.mm(projection)
        coreset = [start]
        anchor = batchwise_differences(features, features[start:start + 1])
        for _ in range(1, count):
            select = int(torch.argmax(anchor).item())
            coreset.append(select)
            select_distance = batchwise_differences(features, features[select:select + 1])
            anchor = torch.cat([anchor, select_distance], dim=-1)
            anchor = torch.min(anchor, dim=1).values.reshape(-1, 1)
    return coreset


def greedy_coreset_tuned(torch, features, projection, count, start):
    """The same selection with the per-pick work cut to one matrix-vector product: squared norms once,
    the running minimum of squared distances updated in place (sqrt does not change the argmax)."""
    count = min(count, features.shape[0])
    if count == 0:
        return []
    with torch.no_grad():
        if projection is not None:
            features = features.mm(projection)
        features = features.contiguous()
        sq = (features * features).sum(dim=1)
        mind = torch.full_like(sq, float("inf"))
        d = torch.empty_like(sq)
        coreset = [start]
        select = start
        for _ in range(1, count):
            torch.mv(features, features[select], out=d)
            d.mul_(-2).add_(sq).add_(sq[select]).clamp_(min=0)
            torch.minimum(mind, d, out=mind)
            select = int(torch.argmax(mind).item())
            coreset.append(select)
    return coreset


def run_coreset(a):
    torch = import_torch()
    features = torch.from_numpy(read_matrix(a.features, a.rows, a.dim))
    projection = None
    if 0 < a.proj < a.dim:
        if not a.projection:
            sys.exit("--projection is needed when 0 < --proj < --dim")
        projection = torch.from_numpy(read_matrix(a.projection, a.dim, a.proj))
    if not 0 <= a.start < a.rows:
        sys.exit(f"--start {a.start} is outside the {a.rows} rows")
    t0 = time.perf_counter()
    loop = greedy_coreset_tuned if a.loop == "tuned" else greedy_coreset
    selected = loop(torch, features, projection, a.count, a.start)
    seconds = time.perf_counter() - t0
    if a.indices_out:
        np.asarray(selected, dtype="<i8").tofile(a.indices_out)
    emit({"seconds": seconds, "loop": a.loop, "count": len(selected), "rows": a.rows, "dim": a.dim,
          "proj": a.proj if projection is not None else 0, "blas_core": blas_core(),
          "threads": torch.get_num_threads()})


# ---------------------------------------------------------------------------------------------
# safetensors without the safetensors package

_ST_DTYPES = {"F64": "<f8", "F32": "<f4", "F16": "<f2", "BF16": "<u2", "I64": "<i8", "I32": "<i4",
              "I16": "<i2", "I8": "i1", "U8": "u1", "BOOL": "?"}


def read_safetensors(path):
    """{name: numpy array} (floats as float32, BF16 widened), plus the __metadata__ dict."""
    with open(path, "rb") as f:
        (size,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(size))
        data = f.read()
    meta = header.pop("__metadata__", {}) or {}
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        dtype = np.dtype(_ST_DTYPES[info["dtype"]])
        raw = np.frombuffer(data, dtype=dtype, count=(end - begin) // dtype.itemsize, offset=begin)
        if info["dtype"] == "BF16":
            raw = (raw.astype(np.uint32) << 16).view(np.float32)
        elif info["dtype"] in ("F64", "F16", "F32"):
            raw = raw.astype(np.float32)
        tensors[name] = raw.reshape(info["shape"])
    return tensors, meta


# ---------------------------------------------------------------------------------------------
# timm's mobilenetv2_100 in plain torch (module names = timm's state_dict names)

def build_mobilenetv2(torch, taps):
    from torch import nn
    import torch.nn.functional as F

    depths, channels, strides = (1, 2, 3, 4, 3, 3, 1), (16, 24, 32, 64, 96, 160, 320), (1, 2, 2, 2, 1, 2, 1)

    def conv(cin, cout, kernel, stride=1, groups=1):
        # timm's symmetric k // 2 padding (not TF "same")
        return nn.Conv2d(cin, cout, kernel, stride, kernel // 2, groups=groups, bias=False)

    class DepthwiseSeparable(nn.Module):  # blocks.0.0: no skip in timm
        def __init__(self, cin, cout, stride):
            super().__init__()
            self.conv_dw, self.bn1 = conv(cin, cin, 3, stride, cin), nn.BatchNorm2d(cin)
            self.conv_pw, self.bn2 = conv(cin, cout, 1), nn.BatchNorm2d(cout)

        def forward(self, x):
            return self.bn2(self.conv_pw(F.relu6(self.bn1(self.conv_dw(x)))))

    class InvertedResidual(nn.Module):
        def __init__(self, cin, cout, stride):
            super().__init__()
            mid = cin * 6
            self.conv_pw, self.bn1 = conv(cin, mid, 1), nn.BatchNorm2d(mid)
            self.conv_dw, self.bn2 = conv(mid, mid, 3, stride, mid), nn.BatchNorm2d(mid)
            self.conv_pwl, self.bn3 = conv(mid, cout, 1), nn.BatchNorm2d(cout)
            self.residual = stride == 1 and cin == cout

        def forward(self, x):
            y = F.relu6(self.bn1(self.conv_pw(x)))
            y = F.relu6(self.bn2(self.conv_dw(y)))
            y = self.bn3(self.conv_pwl(y))
            return y + x if self.residual else y

    class MobileNetV2Features(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv_stem, self.bn1 = conv(3, 32, 3, 2), nn.BatchNorm2d(32)
            last = max(taps)
            stages, cin = [], 32
            for s in range(last + 1):  # stop after the last tapped stage, like PatchCore's hooks
                blocks = []
                for b in range(depths[s]):
                    kind = DepthwiseSeparable if s == 0 else InvertedResidual
                    blocks.append(kind(cin, channels[s], strides[s] if b == 0 else 1))
                    cin = channels[s]
                stages.append(nn.Sequential(*blocks))
            self.blocks = nn.Sequential(*stages)

        def forward(self, x):
            x = F.relu6(self.bn1(self.conv_stem(x)))
            out = []
            for s, stage in enumerate(self.blocks):
                x = stage(x)
                if s in taps:
                    out.append(x)
            return out

    return MobileNetV2Features()


def load_backbone(torch, weights_path, taps, channels_last):
    tensors, _ = read_safetensors(weights_path)
    model = build_mobilenetv2(torch, taps)
    wanted = model.state_dict()
    missing = [n for n in wanted if n not in tensors]
    if missing:
        sys.exit(f"{weights_path}: missing {missing[0]} (and {len(missing) - 1} more); not a timm mobilenetv2_100?")
    model.load_state_dict({n: torch.from_numpy(np.array(tensors[n])) for n in wanted}, strict=True)
    model.eval()
    if channels_last:
        model = model.to(memory_format=torch.channels_last)
    return model


def aggregate(torch, maps):
    """PatchBank's patch features: taps bilinearly upsampled to the finest grid, concatenated,
    3x3 average pooled (zero padding counted). NCHW in, [N][H][W][C] numpy out."""
    import torch.nn.functional as F
    h, w = max((m.shape[2], m.shape[3]) for m in maps)
    resized = [m if m.shape[2:] == (h, w) else F.interpolate(m, size=(h, w), mode="bilinear", align_corners=False)
               for m in maps]
    x = torch.cat(resized, dim=1) if len(resized) > 1 else resized[0]
    x = F.avg_pool2d(x, 3, stride=1, padding=1, count_include_pad=True)
    return x.permute(0, 2, 3, 1).contiguous().numpy()


# ---------------------------------------------------------------------------------------------
# Images, scores, maps, metrics

MEAN = np.array([0.485, 0.456, 0.406], np.float32)
STD = np.array([0.229, 0.224, 0.225], np.float32)


def list_images(folder):
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, n) for n in os.listdir(folder)
                  if not n.startswith(".") and os.path.splitext(n)[1].lower() in IMAGE_EXTENSIONS)


def list_product(root):
    train = list_images(os.path.join(root, "train", "good"))
    test = []
    test_root = os.path.join(root, "test")
    for defect in sorted(os.listdir(test_root)) if os.path.isdir(test_root) else []:
        for path in list_images(os.path.join(test_root, defect)):
            test.append((path, 0 if defect == "good" else 1))
    return train, test


def decode(path):
    from PIL import Image
    with Image.open(path) as im:
        return im.convert("RGB")  # convert loads the pixels


def preprocess(image, side):
    from PIL import Image
    bilinear = getattr(Image, "Resampling", Image).BILINEAR
    pixels = np.asarray(image.resize((side, side), bilinear))
    # float32 steps as torchvision's ToTensor + Normalize: x / 255, then (x - mean) / std
    x = pixels.astype(np.float32) / np.float32(255.0)
    x = (x - MEAN) / STD
    return np.ascontiguousarray(x.transpose(2, 0, 1))


def patch_image_score(scores, rule):
    """PatchBank's image score of one image's patch scores (float32 vector)."""
    if rule == "max":
        return float(scores.max())
    if rule == "top1pct":
        n = max(1, int(len(scores) * 0.01))
        return float(np.sort(scores)[::-1][:n].astype(np.float64).mean())
    index = int(math.ceil(0.95 * len(scores))) - 1  # order statistic, not an interpolated percentile
    return float(np.partition(scores, index)[index])


def align_corners_matrix(n_in, n_out):
    """[n_out][n_in] weights of align-corners linear interpolation along one axis."""
    m = np.zeros((n_out, n_in))
    scale = (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
    for o in range(n_out):
        src = scale * o
        i0 = min(int(math.floor(src)), n_in - 1)
        i1 = min(i0 + 1, n_in - 1)
        t = src - i0
        m[o, i0] += 1.0 - t
        m[o, i1] += t
    return m


def gaussian_matrix(n, sigma):
    """[n][n] Gaussian filter with OpenCV's BORDER_REFLECT_101, as PatchBank's gaussianSmooth."""
    size = 2 * int(4.0 * sigma + 0.5) + 1
    half = size // 2
    x = np.arange(size) - half
    kernel = np.exp(-(x * x) / (2.0 * sigma * sigma))
    kernel /= kernel.sum()
    m = np.zeros((n, n))
    for o in range(n):
        for j, w in enumerate(kernel):
            i = o + j - half
            while i < 0 or i >= n:
                i = -i if i < 0 else 2 * n - 2 - i
            m[o, i] += w
    return m


def roc_auc(scores, labels):
    """Mann-Whitney U / (n_pos n_neg), ties counted half (rank-averaged)."""
    scores = np.asarray(scores, np.float64)
    labels = np.asarray(labels, bool)
    n_pos, n_neg = int(labels.sum()), int((~labels).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    uniq, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    first_rank = np.cumsum(counts) - counts + 1  # 1-based rank of each distinct value's first copy
    ranks = (first_rank + (counts - 1) / 2.0)[inverse]
    u = ranks[labels].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


def run_pipeline(a):
    stages = {}

    def lap(name, t0):
        now = time.perf_counter()
        stages[name] = stages.get(name, 0.0) + now - t0
        return now

    torch = import_torch()
    stages["imports"] = time.perf_counter() - _T_START  # interpreter start-up is not counted
    t0 = time.perf_counter()
    taps = (2, 4)  # PatchBank's default taps for mobilenetv2_100: blocks.2 (stride 8), blocks.4 (stride 16)
    model = load_backbone(torch, a.weights, taps, a.channels_last)
    stages["weights"] = time.perf_counter() - t0

    t_total = time.perf_counter()
    root = os.path.join(a.data, a.product)
    train, test = list_product(root)
    if not train or not test:
        sys.exit(f"{root}: needs train/good and test/<defect> images")
    t0 = lap("listing", t_total)

    def features(paths):
        nonlocal t0
        out = []
        for begin in range(0, len(paths), a.batch):
            images = []
            for path in paths[begin:begin + a.batch]:
                t0 = time.perf_counter()
                image = decode(path)
                t0 = lap("decode", t0)
                images.append(preprocess(image, a.resolution))
                t0 = lap("preprocess", t0)
            with torch.inference_mode():
                x = torch.from_numpy(np.stack(images))
                if a.channels_last:
                    x = x.contiguous(memory_format=torch.channels_last)
                grids = aggregate(torch, model(x))
            t0 = lap("backbone", t0)
            out.extend(grids)
        return out

    train_grids = features(train)
    t0 = time.perf_counter()
    dim = train_grids[0].shape[-1]
    bank = np.concatenate([g.reshape(-1, dim) for g in train_grids])  # the full, uncompressed bank
    del train_grids
    bank_sq = sq_norms(bank)
    t0 = lap("bank", t0)

    test_grids = features([p for p, _ in test])
    t0 = time.perf_counter()
    grid_h, grid_w = test_grids[0].shape[:2]
    per_image = grid_h * grid_w
    queries = np.concatenate([g.reshape(-1, dim) for g in test_grids])
    if a.features_out:
        queries.astype("<f4").tofile(a.features_out)
    k = min(a.k, bank.shape[0])
    dist, _ = knn_search(bank, bank_sq, queries, k, a.chunk)
    t0 = lap("kNN", t0)

    # Patch score = mean of the k nearest distances (double sum, float result, as PatchScorer).
    patch_scores = dist.astype(np.float64).mean(axis=1).astype(np.float32).reshape(len(test), per_image)
    image_scores = [patch_image_score(s, a.image_score) for s in patch_scores]
    side = a.resolution
    up_y, up_x = align_corners_matrix(grid_h, side), align_corners_matrix(grid_w, side)
    if a.smoothing > 0:
        g = gaussian_matrix(side, a.smoothing)
        up_y, up_x = g @ up_y, g @ up_x
    maps = np.einsum("yi,nij,xj->nyx", up_y, patch_scores.reshape(-1, grid_h, grid_w).astype(np.float64),
                     up_x, optimize=True).astype(np.float32)
    t0 = lap("maps", t0)

    labels = [label for _, label in test]
    auroc = roc_auc(image_scores, labels)
    t0 = lap("metrics", t0)
    total = t0 - t_total
    stages["total"] = total

    if a.scores_out:
        with open(a.scores_out, "w") as f:
            f.write("image,label,score\n")
            for (path, label), score in zip(test, image_scores):
                f.write(f"{path},{label},{score:.9g}\n")
    # stages as [name, seconds] pairs in run order (a nested object would break the parser, see emit)
    emit({"seconds": total, "stages": [[name, seconds] for name, seconds in stages.items()],
          "images": len(train) + len(test), "train_images": len(train), "test_images": len(test),
          "image_auroc": auroc, "train_patches": int(bank.shape[0]), "test_patches": int(queries.shape[0]),
          "dim": int(dim), "k": k, "image_score": a.image_score, "resolution": a.resolution,
          "map_shape": list(maps.shape[1:]), "channels_last": a.channels_last,
          "total_scope": "listing..metrics (weights and imports reported apart, as PatchBank's total)",
          "blas_core": blas_core(), "threads": torch.get_num_threads(), "blas_threads": blas_threads()})


# ---------------------------------------------------------------------------------------------
# Self-check against float64 brute force

def run_selftest(_):
    rng = np.random.default_rng(7)
    failures = []

    # kNN: each returned distance must be the float64 distance of the returned row, and the
    # j-th returned distance the true j-th smallest (float32 rounding allowed).
    bank = rng.standard_normal((3000, 48)).astype(np.float32)
    queries = rng.standard_normal((500, 48)).astype(np.float32)
    exact = np.sqrt(((queries.astype(np.float64)[:, None, :] - bank.astype(np.float64)[None]) ** 2).sum(-1))
    truth = np.sort(exact, axis=1)
    for k, chunk in ((1, 128), (4, 77)):
        dist, idx = knn_search(bank, sq_norms(bank), queries, k, chunk)
        own = np.take_along_axis(exact, idx, axis=1)
        if not np.allclose(dist, own, rtol=1e-4, atol=1e-4):
            failures.append(f"knn k={k}: distances differ from those of the returned rows")
        if not np.allclose(own, truth[:, :k], rtol=1e-5, atol=1e-5):
            failures.append(f"knn k={k}: returned rows are not the nearest")
        if (np.diff(np.sort(idx, axis=1), axis=1) == 0).any():
            failures.append(f"knn k={k}: a row is returned twice")

    # Coreset: replay the selection in float64; every pick must be a farthest point.
    torch = import_torch()
    features = rng.standard_normal((600, 32)).astype(np.float32)
    projection = (rng.standard_normal((32, 12)) / math.sqrt(12)).astype(np.float32)
    for proj, loop in ((projection, greedy_coreset), (None, greedy_coreset), (projection, greedy_coreset_tuned),
                       (None, greedy_coreset_tuned)):
        start = 17
        selected = loop(torch, torch.from_numpy(features), None if proj is None else torch.from_numpy(proj), 60, start)
        x = features.astype(np.float64) @ proj.astype(np.float64) if proj is not None else features.astype(np.float64)
        if len(selected) != 60 or selected[0] != start or len(set(selected)) != 60:
            failures.append("coreset: wrong length, start or repeated rows")
            continue
        mind = np.sqrt(((x - x[start]) ** 2).sum(1))
        for step, s in enumerate(selected[1:], 1):
            if mind[s] < mind.max() * (1 - 1e-5):
                failures.append(f"coreset {loop.__name__} (proj={'yes' if proj is not None else 'no'}): pick {step} is "
                                f"{mind[s]:.6g} from the set, the farthest row {mind.max():.6g}")
                break
            mind = np.minimum(mind, np.sqrt(((x - x[s]) ** 2).sum(1)))

    # AUROC with a tie between classes: 4.5 of 6 pairs in order
    auc = roc_auc([0.1, 0.4, 0.35, 0.8, 0.4], [0, 0, 1, 1, 1])
    if abs(auc - 0.75) > 1e-12:
        failures.append(f"roc_auc: {auc}, expected 0.75")

    for f in failures:
        print("FAIL", f, file=sys.stderr)
    emit({"ok": not failures, "failures": len(failures), "blas_core": blas_core()})
    return 1 if failures else 0


def main():
    if args.command == "knn":
        run_knn(args)
    elif args.command == "coreset":
        run_coreset(args)
    elif args.command == "pipeline":
        run_pipeline(args)
    else:
        sys.exit(run_selftest(args))


if __name__ == "__main__":
    main()
