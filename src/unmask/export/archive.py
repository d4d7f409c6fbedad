"""Reading a member's data export (a ``.zip`` or a folder) within bounds.

Only the files the inspection needs are read (``Connections.csv``, ``Invitations.csv``,
``messages.csv``, found by name anywhere in the archive, case-insensitively); every other file is
left alone. Before anything is decompressed the archive is checked against ``ExportLimits``: the
number of entries and the total uncompressed size the zip declares; each file is then read in
chunks and refused as soon as it passes ``max_file_bytes``, so a zip that lies about its sizes
cannot make unmask inflate more than that. Encrypted entries are refused with a clear message.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

MiB = 1 << 20

#: The export files read, by kind, and the name each has in the archive (case-insensitive).
WANTED: Mapping[str, str] = {
    "connections": "connections.csv",
    "invitations": "invitations.csv",
    "messages": "messages.csv",
}


class ExportError(ValueError):
    """The export cannot be read (answered with 422)."""


class ExportTooLargeError(ExportError):
    """The export is over a bound (answered with 413)."""


@dataclass(frozen=True)
class ExportLimits:
    max_members: int = 5_000
    max_total_bytes: int = 1024 * MiB
    max_file_bytes: int = 128 * MiB


def _read_bounded(fh: IO[bytes], name: str, limit: int) -> bytes:
    out = bytearray()
    while chunk := fh.read(1 << 16):
        out += chunk
        if len(out) > limit:
            raise ExportTooLargeError(f"{name}: larger than {limit // MiB} MiB uncompressed")
    return bytes(out)


def _pick(names: list[str]) -> dict[str, str]:
    """Kind -> the shortest path whose file name is the kind's (case-insensitive)."""
    found: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (n.count("/"), len(n), n)):
        base = name.rsplit("/", 1)[-1].casefold()
        for kind, wanted in WANTED.items():
            if base == wanted and kind not in found:
                found[kind] = name
    return found


def read_zip(source: bytes | Path, limits: ExportLimits = ExportLimits()) -> dict[str, bytes]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ExportError(f"not a zip archive: {exc}") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            raise ExportTooLargeError(
                f"the archive has {len(infos):,} entries (at most {limits.max_members:,})"
            )
        declared = sum(i.file_size for i in infos)
        if declared > limits.max_total_bytes:
            raise ExportTooLargeError(
                f"the archive declares {declared / MiB:,.0f} MiB uncompressed "
                f"(at most {limits.max_total_bytes // MiB} MiB)"
            )
        files = {i.filename: i for i in infos if not i.is_dir()}
        out: dict[str, bytes] = {}
        for kind, name in _pick(list(files)).items():
            info = files[name]
            if info.flag_bits & 0x1:
                raise ExportError(f"{name} is encrypted: export it again without a password")
            if info.file_size > limits.max_file_bytes:
                raise ExportTooLargeError(
                    f"{name}: {info.file_size / MiB:,.0f} MiB uncompressed "
                    f"(at most {limits.max_file_bytes // MiB} MiB)"
                )
            try:
                with zf.open(info) as fh:
                    out[kind] = _read_bounded(fh, name, limits.max_file_bytes)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
                raise ExportError(f"{name}: cannot be decompressed ({exc})") from None
    return out


def read_folder(root: Path, limits: ExportLimits = ExportLimits()) -> dict[str, bytes]:
    names: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for f in sorted(filenames):
            names.append(str((Path(dirpath) / f).relative_to(root).as_posix()))
            if len(names) > limits.max_members:
                raise ExportTooLargeError(f"the folder has more than {limits.max_members:,} files")
    out: dict[str, bytes] = {}
    for kind, name in _pick(names).items():
        path = root / name
        if path.is_symlink():
            continue
        with path.open("rb") as fh:
            out[kind] = _read_bounded(fh, name, limits.max_file_bytes)
    return out


def read_export(path: Path, limits: ExportLimits = ExportLimits()) -> dict[str, bytes]:
    """The wanted files of an export at ``path``: a folder, a ``.zip`` or one of the CSVs."""
    if path.is_dir():
        out = read_folder(path, limits)
    elif zipfile.is_zipfile(path):
        out = read_zip(path, limits)
    elif path.is_file() and path.name.casefold() in WANTED.values():
        with path.open("rb") as fh:
            data = _read_bounded(fh, path.name, limits.max_file_bytes)
        out = {k: data for k, v in WANTED.items() if v == path.name.casefold()}
    elif not path.exists():
        raise ExportError(f"no such file or folder: {path}")
    else:
        raise ExportError(f"{path}: not a zip archive, an export folder or an export CSV")
    if not out:
        raise ExportError(
            f"{path}: no Connections.csv, Invitations.csv or messages.csv in it "
            "(is this the platform's data export?)"
        )
    return out


def read_upload(
    files: list[tuple[str, bytes]], limits: ExportLimits = ExportLimits()
) -> dict[str, bytes]:
    """The wanted files of an upload: one ``.zip`` export, or the CSV files themselves (other
    files are ignored)."""
    out: dict[str, bytes] = {}
    for name, data in files:
        if data[:4] == b"PK\x03\x04":
            out.update(read_zip(data, limits))
            continue
        base = name.replace("\\", "/").rsplit("/", 1)[-1].casefold()
        kind = next((k for k, v in WANTED.items() if v == base), None)
        if kind is None:
            continue  # another file of the export (Profile.csv, ...): not needed
        if len(data) > limits.max_file_bytes:
            raise ExportTooLargeError(f"{name}: larger than {limits.max_file_bytes // MiB} MiB")
        out[kind] = data
    if not out:
        raise ExportError(
            "no Connections.csv, Invitations.csv or messages.csv in the upload: upload the "
            "export's .zip, or those files"
        )
    return out
