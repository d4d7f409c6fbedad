"""Photo benchmark: hashing and detector throughput, and the Hamming index at a million hashes.

    .venv/bin/python bench/bench_photos.py [--photos 40] [--index 1000000] [--queries 200]

Throughput uses the face images of the evaluation data ($UNMASK_EVAL_DATA or ../shared/data; read
in place, nothing copied) and skips that part when they are absent. The index part is synthetic:
uniformly random 256-bit hashes plus planted near-duplicates at known distances (random hashes are
the easy case for multi-index hashing; real PDQ bits are correlated, so buckets are fuller).
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import peak_rss_mib, write


def _rate(n: int, seconds: float) -> float:
    return round(n / seconds, 2) if seconds > 0 else float("inf")


def throughput(photos: int) -> dict[str, Any]:
    from unmask.detectors import faces as faces_mod
    from unmask.detectors import photo_reuse, synthetic_face
    from unmask.detectors.photo_hashing import hash_photo
    from unmask.evaluation.photos.common import face_files
    from unmask.evaluation.rows import data_dir
    from unmask.model import Account, PhotoRef, Snapshot

    files = face_files(data_dir().resolve())
    if not files:
        return {"skipped": f"no face images under {data_dir().resolve()}"}
    reals = [f for f in files if f[1] == 0][: photos // 2]
    fakes = [f for f in files if f[1] == 1][: photos - len(reals)]
    chosen = reals + fakes
    faces_mod.find_face(faces_mod.open_rgb(chosen[0][0].read_bytes()))  # load models once
    out: dict[str, Any] = {"photos": len(chosen)}
    t = time.perf_counter()
    for path, _ in chosen:
        hash_photo(path, with_face=False)
    out["hash_whole_image_photos_per_s"] = _rate(len(chosen), time.perf_counter() - t)
    t = time.perf_counter()
    for path, _ in chosen:
        hash_photo(path)
    out["hash_with_face_photos_per_s"] = _rate(len(chosen), time.perf_counter() - t)

    as_of = datetime(2026, 1, 1, tzinfo=UTC)
    accounts = {
        f"a{i}": Account(id=f"a{i}", created_at=as_of, name="N", photo=PhotoRef(uri=str(p)))
        for i, (p, _) in enumerate(chosen)
    }
    snap = Snapshot(accounts=accounts, as_of=as_of)
    labels = {f"a{i}": bool(lab) for i, (_, lab) in enumerate(chosen)}
    photo_reuse._hash_file.cache_clear()
    t = time.perf_counter()
    photo_reuse.PhotoReuse().detect(snap)
    out["photo_reuse_detect_photos_per_s_cold"] = _rate(len(chosen), time.perf_counter() - t)
    synthetic_face._features_of.cache_clear()
    t = time.perf_counter()
    detector = synthetic_face.SyntheticFace().fit(snap, labels)
    out["synthetic_face_fit_photos_per_s"] = _rate(len(chosen), time.perf_counter() - t)
    synthetic_face._features_of.cache_clear()
    t = time.perf_counter()
    detector.detect(snap)
    out["synthetic_face_detect_photos_per_s_cold"] = _rate(len(chosen), time.perf_counter() - t)
    return out


def _flip(code: Any, bits: int, rng: Any) -> Any:
    unpacked = np.unpackbits(code)
    unpacked[rng.choice(unpacked.size, bits, replace=False)] ^= 1
    return np.packbits(unpacked)


def index(size: int, queries: int) -> dict[str, Any]:
    from unmask.detectors.hamming_index import HammingIndex

    rng = np.random.default_rng(7)
    codes = rng.integers(0, 256, size=(size, 32), dtype=np.uint8)
    keys = [str(i) for i in range(size)]
    distances = (0, 8, 16, 24, 31, 48, 64)
    out: dict[str, Any] = {"hashes": size, "queries_per_setting": queries}
    for bands, radius in ((16, 31), (32, 31), (32, 98)):
        idx = HammingIndex(256, bands)
        t = time.perf_counter()
        idx.add_codes(keys, codes)
        idx.query("0" * 64, 0)
        build = time.perf_counter() - t
        setting: dict[str, Any] = {"build_s": round(build, 2)}
        for d in distances:
            if d > radius:
                continue
            times, found = [], 0
            for _ in range(queries):
                target = int(rng.integers(size))
                probe = bytes(_flip(codes[target], d, rng)).hex()
                t = time.perf_counter()
                hits = idx.query(probe, radius)
                times.append(time.perf_counter() - t)
                found += any(k == keys[target] for k, _ in hits)
            setting[f"planted_d{d}"] = {
                "recall": round(found / queries, 4),
                "query_ms_p50": round(1000 * float(np.median(times)), 3),
                "query_ms_p99": round(1000 * float(np.percentile(times, 99)), 3),
            }
        t = time.perf_counter()
        for _ in range(10):
            idx.query(bytes(codes[0]).hex(), radius, exhaustive=True)
        setting["exhaustive_query_ms"] = round(100 * (time.perf_counter() - t), 3)
        out[f"bands{bands}_radius{radius}"] = setting
        del idx
    out["peak_rss_mib"] = round(peak_rss_mib(), 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--index", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    results = {"throughput": throughput(args.photos), "index": index(args.index, args.queries)}
    write("photos", results)


if __name__ == "__main__":
    main()
