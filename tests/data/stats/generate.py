#!/usr/bin/python3
"""Writes reference.json, the expected values for tests/engine/stats/StatsTest.cpp.

Re-run (from the project root) only when the reference cases change:

    apt-get install -y python3-scipy python3-sklearn   # Debian 12: scipy 1.10.1, scikit-learn 1.2.1
    /usr/bin/python3 tests/data/stats/generate.py

The output is deterministic (fixed seeds). The product never runs this script; only the tests read its
output. Inputs are written beside the expected values, so the C++ tests never re-create random data.
"""
import json
import os
import re
import warnings

import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn.covariance import LedoitWolf

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")


def short_float32(values):
    """float32 values as the Python floats of their shortest float32 decimal, so that the JSON holds
    short numbers which C++ parses (double, then float) back to the very same float32."""
    out = [float(np.format_float_positional(v, unique=True)) for v in np.asarray(values, np.float32).ravel()]
    assert np.array_equal(np.asarray(out, np.float32), np.asarray(values, np.float32).ravel())
    return out


# --- Wilcoxon signed-rank test (scipy defaults: zero_method='wilcox', correction=False,
# alternative='two-sided', method='auto') -----------------------------------------------------------

def scipy_uses_exact(d):
    # scipy 1.10 _morestats.wilcoxon, mode='auto': exact when len(d) <= 50 (zeros included in the
    # count), then switched to the normal approximation if any difference is zero. Ties in |d| do
    # not switch it (the exact branch then truncates a half-integer r_plus with int()).
    d = np.asarray(d, dtype=np.float64)
    return len(d) <= 50 and not np.any(d == 0)


def wilcoxon_case(name, x, y=None):
    x = np.asarray(x, dtype=np.float64)
    d = x if y is None else x - np.asarray(y, dtype=np.float64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = stats.wilcoxon(x) if y is None else stats.wilcoxon(x, y)
    case = {"name": name, "x": x.tolist()}
    if y is not None:
        case["y"] = np.asarray(y, dtype=np.float64).tolist()
    case.update({
        "statistic": float(res.statistic),
        "pvalue": float(res.pvalue),
        "exact": bool(scipy_uses_exact(d)),
        "n": int(np.sum(d != 0)),
    })
    return case


def wilcoxon_cases():
    rng = np.random.default_rng(20240611)
    cases = []

    def auroc_pair(n, gain, spread, clip=False):
        # Per-category AUROCs of a baseline and a method, as the experiments produce them; clipped at
        # 1, two perfect categories give a zero difference.
        base = rng.uniform(0.7, 0.95, n)
        method = base + rng.normal(gain, spread, n)
        if clip:
            base, method = np.minimum(base + 0.06, 1.0), np.minimum(method + 0.06, 1.0)
        return method, base

    x, y = auroc_pair(5, 0.01, 0.02)
    cases.append(wilcoxon_case("n5_distinct", x, y))
    x, y = auroc_pair(8, 0.015, 0.02)
    cases.append(wilcoxon_case("n8_distinct", x, y))
    # Differences on a 1/64 grid are exact in binary, so |d| ties for certain.
    d12 = np.array([3, -1, 2, 2, -2, 5, 1, -3, 4, 4, 6, -1], dtype=np.float64) / 64
    y12 = np.round(rng.uniform(0.7, 0.95, 12) * 64) / 64
    cases.append(wilcoxon_case("n12_ties_exact", y12 + d12, y12))
    # Ties give r_plus = 17.5, which scipy truncates to 17 (p = 0.945; 18, the centre, would give 1).
    cases.append(wilcoxon_case("n8_ties_truncated", [1, -1, 2, -2, 3, -3, 4, -4.5]))
    # r_plus = 18 is the centre of the n = 8 distribution: scipy returns p = 1 outright.
    cases.append(wilcoxon_case("n8_centre", [-1, -2, 3, -4, -5, -6, 7, 8]))
    # Zero differences: scipy's 'auto' leaves the exact path, drops the zeros, approximates.
    x15, y15 = auroc_pair(15, 0.01, 0.02)
    x15 = np.round(x15 * 1000) / 1000
    y15 = np.round(y15 * 1000) / 1000
    x15[[2, 7, 11]] = y15[[2, 7, 11]]
    cases.append(wilcoxon_case("n15_zeros_approx", x15, y15))
    x, y = auroc_pair(30, 0.005, 0.03)
    cases.append(wilcoxon_case("n30_distinct", x, y))
    x, y = auroc_pair(30, 0.04, 0.01)
    cases.append(wilcoxon_case("n30_all_positive", x, y))
    x, y = auroc_pair(30, 0.01, 0.03, clip=True)
    cases.append(wilcoxon_case("n30_clipped_zeros_approx", x, y))
    # n = 50 is the last exact size, n = 51 the first approximated one.
    x, y = auroc_pair(50, 0.004, 0.02)
    cases.append(wilcoxon_case("n50_exact_boundary", x, y))
    x, y = auroc_pair(51, 0.004, 0.02)
    cases.append(wilcoxon_case("n51_approx_boundary", x, y))
    # n > 50 with |d| ties (the tie correction of the variance) and zeros.
    d60 = np.round(rng.normal(0.5, 2.0, 60)).astype(np.float64) / 32
    cases.append(wilcoxon_case("n60_ties_zeros_approx", d60))
    x80, y80 = auroc_pair(80, 0.002, 0.02)
    cases.append(wilcoxon_case("n80_approx", x80, y80))
    # Single difference; small differences of one sign.
    cases.append(wilcoxon_case("n1", [0.25]))
    cases.append(wilcoxon_case("n6_one_sided_data", [-0.5, -0.25, -0.75, -1.0, -0.125, -2.0]))
    return cases


# --- Holm step-down, statsmodels.stats.multitest.multipletests(method='holm') -----------------------

def holm(p):
    # statsmodels 0.14: sort ascending, multiply by m, m-1, ..., 1, running maximum, cap at 1, unsort.
    p = np.asarray(p, dtype=np.float64)
    m = len(p)
    if m == 0:
        return []
    order = np.argsort(p)
    raw = p[order] * np.arange(m, 0, -1)
    adjusted = np.maximum.accumulate(raw)
    adjusted[adjusted > 1] = 1
    out = np.empty(m)
    out[order] = adjusted
    return out.tolist()


def holm_cases():
    lists = [
        [0.01, 0.04, 0.03, 0.005],
        [0.2, 0.001, 0.04, 0.04, 0.6, 0.012, 0.3, 0.0001],
        [0.5, 0.9, 0.7],
        [0.03],
        [],
        [0.0, 1.0, 0.0125, 0.0125, 0.4],
        np.random.default_rng(7).uniform(0, 0.2, 12).tolist(),
    ]
    return [{"p": list(map(float, p)), "adjusted": holm(p)} for p in lists]


# --- Ledoit-Wolf, sklearn.covariance.LedoitWolf().fit(X) ---------------------------------------------

def ledoit_wolf_case(name, x32, queries32):
    # The engine reads float32 features and computes in double; fit on the same values in float64
    # (sklearn keeps float32 input in float32, which would not be the reference wanted).
    x = np.asarray(x32, np.float32).astype(np.float64)
    q = np.asarray(queries32, np.float32).astype(np.float64)
    lw = LedoitWolf().fit(x)
    return {
        "name": name,
        "rows": int(x.shape[0]),
        "cols": int(x.shape[1]),
        "data": short_float32(x32),
        "location": lw.location_.tolist(),
        "covariance": lw.covariance_.ravel().tolist(),
        "shrinkage": float(lw.shrinkage_),
        "queries": short_float32(queries32),
        # LedoitWolf.mahalanobis returns squared distances (through pinvh of covariance_).
        "mahalanobis": np.sqrt(lw.mahalanobis(q)).tolist(),
    }


def ledoit_wolf_cases():
    rng = np.random.default_rng(99)
    a = rng.normal(0.0, 1.0, (40, 6)) * np.array([1.0, 0.5, 2.0, 1.0, 3.0, 0.1]) + np.arange(6)
    qa = rng.normal(0.0, 1.5, (5, 6)) + np.arange(6)
    # Highly correlated columns: three latent factors, four noisy copies each.
    latent = rng.normal(0.0, 1.0, (200, 3))
    b = np.repeat(latent, 4, axis=1) + 0.05 * rng.normal(0.0, 1.0, (200, 12)) + 10.0
    qb = np.repeat(rng.normal(0.0, 1.0, (4, 3)), 4, axis=1) + 0.3 * rng.normal(0.0, 1.0, (4, 12)) + 10.0
    # Fewer samples than features: the empirical covariance is singular, the shrunk one is not.
    c = rng.normal(0.0, 1.0, (10, 16))
    qc = rng.normal(0.0, 1.0, (3, 16))
    f = np.float32
    return [
        ledoit_wolf_case("40x6", a.astype(f), qa.astype(f)),
        ledoit_wolf_case("200x12_correlated", b.astype(f), qb.astype(f)),
        ledoit_wolf_case("10x16_wide", c.astype(f), qc.astype(f)),
    ]


# --- Percentile bootstrap of the mean -----------------------------------------------------------------

def bootstrap_case():
    # Per-category mean gains of 15 categories (seeds averaged), skewed a little as real gains are.
    rng = np.random.default_rng(314)
    gains = np.round(rng.gamma(2.0, 0.01, 15) - 0.01, 4)
    out = {"sample": gains.tolist(), "mean": float(gains.mean()), "levels": []}
    for level in (0.95, 0.9):
        sc = stats.bootstrap((gains,), np.mean, n_resamples=10000, method="percentile",
                             confidence_level=level, random_state=np.random.default_rng(2718))
        # A numpy percentile bootstrap with 10^6 resamples: Monte Carlo error ~ 1/10 of a
        # 10,000-resample one, so it stands for the bootstrap distribution's own quantiles.
        big = np.random.default_rng(1618)
        means = np.concatenate([gains[big.integers(0, len(gains), (100000, len(gains)))].mean(axis=1)
                                for _ in range(10)])
        alpha = (1 - level) / 2
        out["levels"].append({
            "level": level,
            "scipy_10000": [float(sc.confidence_interval.low), float(sc.confidence_interval.high)],
            "numpy_1000000": [float(np.percentile(means, alpha * 100)),
                              float(np.percentile(means, (1 - alpha) * 100))],
        })
    return out


def main():
    reference = {
        "generator": "tests/data/stats/generate.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "wilcoxon": wilcoxon_cases(),
        "holm": holm_cases(),
        "ledoit_wolf": ledoit_wolf_cases(),
        "bootstrap": bootstrap_case(),
    }
    text = json.dumps(reference, indent=1)
    # One line per list of numbers keeps the file short and its diffs readable.
    text = re.sub(r"\[\s*([-+0-9.eE,\s]*?)\s*\]", lambda m: "[" + re.sub(r"\s+", " ", m.group(1)) + "]", text)
    with open(OUT, "w") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
