"""Run the CPU-bound half of ingest in a worker process while this one writes.

The worker (forked) reads, validates and converts batches into a small bounded queue; the parent
checks keys and commits. The worker exits when its parent dies (e.g. SIGKILL), so an interrupted
ingest leaves nothing running and resumes from the last committed batch.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from unmask.formats import FormatError
from unmask.ingest.prepare import Prepared, prepared_batches

_DONE = "done"


def _produce(
    q: Any, parent: int, path: Path, start: int, kind: str | None, sqlite: bool, batch_size: int
) -> None:
    def watch() -> None:
        # A worker whose parent is gone (e.g. SIGKILL) exits at once, even while it is blocked at
        # exit flushing queued batches to a reader that will never come.
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, daemon=True).start()

    def put(item: object) -> bool:
        while True:
            try:
                q.put(item, timeout=1.0)
                return True
            except queue.Full:
                if os.getppid() != parent:
                    return False

    try:
        for batch in prepared_batches(path, start, kind, sqlite, batch_size):
            if not put(batch):
                return
        put(_DONE)
    except FormatError as exc:
        put(exc)
    except Exception as exc:  # report anything else to the parent rather than hang it
        put(RuntimeError(f"ingest worker failed: {exc.__class__.__name__}: {exc}"))


def parallel_batches(
    path: Path, start: int, kind: str | None, sqlite: bool, batch_size: int
) -> Iterator[Prepared]:
    ctx = mp.get_context("fork")
    q = ctx.Queue(maxsize=4)
    worker = ctx.Process(
        target=_produce, args=(q, os.getpid(), path, start, kind, sqlite, batch_size), daemon=True
    )
    worker.start()
    try:
        while True:
            try:
                item = q.get(timeout=5.0)
            except queue.Empty:
                if not worker.is_alive():
                    raise RuntimeError("ingest worker died without a word") from None
                continue
            if isinstance(item, Prepared):
                yield item
            elif isinstance(item, BaseException):
                raise item
            else:
                return
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join(timeout=5)
        q.close()
