#!/usr/bin/python3
"""Writes sequences.json: reference outputs of numpy's legacy numpy.random.RandomState (MT19937)
for tests/engine/purify/NumpyRandomStateTest.cpp, which checks pb::purify::NumpyRandomState
against them index for index.

Generated once with numpy 1.24.2; the legacy RandomState stream is frozen by numpy's
compatibility policy, so any numpy >= 1.17 should write the same file. To re-run, from the
repository root, with a Python that has numpy (the system one, not a virtual environment):

    /usr/bin/python3 tests/data/numpy_random/generate.py

The raw 32-bit outputs are cross-checked here against Python's own MT19937 (random.Random)
loaded with numpy's state, so the reference does not rest on numpy alone.
"""
import json
import pathlib
import random

import numpy as np

SEEDS = [0, 1, 2, 3, 4, 42, 2000, 2001, 5000, 7000, 4294967295]
RANDINT_RANGES = [(0, 1), (0, 2), (0, 3), (0, 7), (0, 100), (0, 209), (0, 1000), (0, 2**31 + 5),
                  (-5, 5), (0, 2**32), (0, 2**40), (-2**62, 2**62)]
PERMUTATION_SIZES = [0, 1, 2, 10, 83, 209]
FULL_KEY_SEEDS = [0, 4294967295]  # the whole 624-word key after seeding, for these seeds only
LONG_RAW = 1300  # raw outputs for seed 42: more than two state regenerations (624 words each)


def raw_uint32(rs, count):
    """The generator's next `count` raw 32-bit outputs, also checked against Python's MT19937."""
    _, key, pos = rs.get_state()[:3]
    python_mt = random.Random()
    python_mt.setstate((3, tuple(int(k) for k in key) + (int(pos),), None))
    expected = [python_mt.getrandbits(32) for _ in range(count)]
    # With a range of exactly 2**32 numpy returns next_uint32 unmasked.
    values = [int(v) for v in rs.randint(0, 2**32, size=count, dtype=np.uint32)]
    assert values == expected
    return values


def ints(a):
    return [int(v) for v in a]


def per_seed(seed):
    R = np.random.RandomState
    out = {"seed": seed}
    out["raw"] = raw_uint32(R(seed), LONG_RAW if seed == 42 else 16)
    out["random_sample"] = [float(v) for v in R(seed).random_sample(8)]
    out["randint"] = [{"low": lo, "high": hi, "values": ints(R(seed).randint(lo, hi, size=12))}
                      for lo, hi in RANDINT_RANGES]
    out["permutation"] = [{"n": n, "values": ints(R(seed).permutation(n))} for n in PERMUTATION_SIZES]
    x = np.arange(20)
    R(seed).shuffle(x)
    out["shuffle_arange20"] = ints(x)
    out["choice"] = [{"n": n, "size": k, "replace": rep, "values": ints(R(seed).choice(n, k, replace=rep))}
                     for n, k, rep in [(209, 10, False), (209, 10, True), (63, 3, False), (5, 5, False),
                                       (7, 12, True), (10, 0, False)]]
    # One generator through a mix of calls: the state must carry across them.
    rs = R(seed)
    out["mixed"] = {
        "randint_0_10": int(rs.randint(0, 10)),
        "random_sample": float(rs.random_sample()),
        "permutation_7": ints(rs.permutation(7)),
        "choice_50_4": ints(rs.choice(50, 4, replace=False)),
        "raw": raw_uint32(rs, 3),
    }
    return out


def protocol():
    """The paper's few-shot supports, contaminant picks, splits (MVTec AD bottle: 209 train, 63 anomalies)."""
    R = np.random.RandomState
    supports, contamination, shuffles, permutations = [], [], [], []
    for seed in range(5):
        for n in (5, 10, 20):
            supports.append({"seed": seed, "n": n, "values": ints(np.sort(R(seed).choice(209, n, replace=False)))})
        for c in (0.1, 0.2, 0.3):
            n = 10
            m = int(round(n * c))  # Python's round: half to even
            rng = R(seed + 2000)
            slots = rng.choice(n, m, replace=False)
            picks = rng.choice(63, m, replace=(63 < m))
            contamination.append({"seed": seed, "n": n, "c": c, "m": m, "slots": ints(slots), "picks": ints(picks)})
        x = np.arange(63)
        R(seed + 5000).shuffle(x)
        shuffles.append({"seed": seed + 5000, "values": ints(x)})
        permutations.append({"seed": seed + 7000, "values": ints(R(seed + 7000).permutation(199))})
    return {"supports": supports, "contamination": contamination, "shuffle_arange63": shuffles,
            "permutation199": permutations}


def errors():
    """Calls numpy rejects (ValueError) and edge calls it accepts, with what it returned."""
    R = np.random.RandomState
    calls = [("randint", 5, 5, None), ("randint", 5, 3, None), ("randint", 5, 3, 0), ("randint", 0, 1, 4),
             ("choice", 0, 1, True), ("choice", 0, 1, False), ("choice", -3, 1, True), ("choice", 0, 0, True),
             ("choice", 0, 0, False), ("choice", -3, 0, True), ("choice", -3, 0, False), ("choice", 3, 4, False),
             ("choice", 3, 4, True), ("permutation", -2, None, None)]
    out = []
    for name, a, b, c in calls:
        entry = {"call": name, "a": a, "b": b, "c": c}
        try:
            if name == "randint":
                r = R(0).randint(a, b, size=c)
            elif name == "choice":
                r = R(0).choice(a, b, replace=c)
            else:
                r = R(0).permutation(a)
            entry["values"] = ints(np.atleast_1d(r))
        except ValueError as e:
            entry["error"] = str(e)
        out.append(entry)
    return out


def main():
    data = {
        "numpy_version": np.__version__,
        "full_key": [{"seed": s, "key": ints(np.random.RandomState(s).get_state()[1])} for s in FULL_KEY_SEEDS],
        "seeds": [per_seed(s) for s in SEEDS],
        "protocol": protocol(),
        "errors": errors(),
    }
    path = pathlib.Path(__file__).with_name("sequences.json")
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"wrote {path} ({path.stat().st_size} bytes) with numpy {np.__version__}")


if __name__ == "__main__":
    main()
