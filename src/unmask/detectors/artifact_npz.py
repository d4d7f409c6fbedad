"""Versioned model artefacts as ``.npz`` archives: numeric arrays plus a JSON header.

No pickle: the archive is read with ``allow_pickle=False``, so an artefact can carry numbers and
strings only, never code. The header names the format and its version; ``unpack`` refuses any
other.
"""

from __future__ import annotations

import io
import json
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["ArtifactError", "pack", "pack_model", "unpack", "unpack_model"]


class ArtifactError(ValueError):
    """An artefact of another format or version, or a damaged one."""


def pack(
    fmt: str, version: str, meta: dict[str, Any], arrays: dict[str, npt.NDArray[Any]]
) -> bytes:
    header = json.dumps({"format": fmt, "version": version, "meta": meta}, sort_keys=True)
    buf = io.BytesIO()
    payload: dict[str, Any] = {"__header__": np.array(header), **arrays}
    np.savez_compressed(buf, **payload)
    return buf.getvalue()


def unpack(
    data: bytes, fmt: str, version: str
) -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]]]:
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as archive:
            arrays = {k: archive[k] for k in archive.files}
        header = json.loads(str(arrays.pop("__header__")))
    except (ValueError, OSError, KeyError, json.JSONDecodeError) as exc:
        raise ArtifactError(f"not a {fmt} artefact: {exc}") from exc
    if header.get("format") != fmt or header.get("version") != version:
        raise ArtifactError(
            f"artefact is {header.get('format')} v{header.get('version')}, "
            f"expected {fmt} v{version}"
        )
    meta: dict[str, Any] = header.get("meta", {})
    return meta, arrays


def pack_model(fmt: str, version: str, model_bytes: bytes | None, fit_note: str) -> bytes:
    """A trained detector's artefact: its serialised model (or none) and the note on its fit."""
    blob = np.frombuffer(model_bytes, dtype=np.uint8) if model_bytes else np.zeros(0, np.uint8)
    return pack(fmt, version, {"fit_note": fit_note}, {"model": blob})


def unpack_model(data: bytes, fmt: str, version: str) -> tuple[bytes | None, str]:
    """The serialised model (None when the artefact holds none) and the note on its fit."""
    meta, arrays = unpack(data, fmt, version)
    blob = arrays["model"].tobytes()
    return (blob or None), str(meta["fit_note"])
