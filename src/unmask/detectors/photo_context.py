"""What surrounds the face in a photo, to corroborate a face match: a colour layout.

Aligned faces of different people look alike to a perceptual hash, and generated faces most of
all, so a face match alone must not assert that two photos are one. The context region is an
eye-aligned crop four eye distances wide (``CONTEXT_REGION``: hair, ears, shoulders, clothes and
background) with the face itself (``CONTEXT_MASK``, an ellipse) left out. It is cut into an
``GRID`` x ``GRID`` grid; each cell that is at least ``MIN_COVER`` inside the frame and outside the
face keeps its mean colour. Two layouts are compared on the cells both have: the mean Euclidean
RGB distance (0-441). A re-upload keeps these colours through crops, resizes, recompression and
mirroring (the grid is mirrored with it); two different photos rarely share them cell by cell.
A layout is stored as hex: 16 digits of cell-validity bits, then three bytes per cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from unmask.detectors.faces import Landmarks, _need, aligned_crop

if TYPE_CHECKING:
    from PIL.Image import Image

#: (eye distance, eye height) of the context crop, as fractions of its side.
CONTEXT_REGION: tuple[float, float] = (0.28, 0.50)
#: The face, left out: ellipse centre (x, y) and radii, as fractions of the side.
CONTEXT_MASK: tuple[float, float, float, float] = (0.5, 0.58, 0.3, 0.38)
GRID = 8
CELL = 8
MIN_COVER = 0.6
#: Fewest cells two layouts must share to be compared.
MIN_SHARED = 12


@dataclass(frozen=True, slots=True)
class ContextLayout:
    """Colour layouts (hex) of the context: one per alignment variant, plain and mirrored."""

    cells: tuple[str, ...]
    cells_mirror: tuple[str, ...]

    @property
    def canonical(self) -> str:
        return self.cells[0]

    def queries(self) -> tuple[str, ...]:
        return self.cells + self.cells_mirror


def _face_mask(side: int) -> Any:
    np = _need("numpy")
    cx, cy, rx, ry = CONTEXT_MASK
    yy, xx = np.mgrid[0:side, 0:side] + 0.5
    return ((xx - cx * side) / (rx * side)) ** 2 + ((yy - cy * side) / (ry * side)) ** 2 <= 1


def _encode(colours: Any, valid: Any) -> str:
    np = _need("numpy")
    bits: bytes = np.packbits(valid.ravel().astype(np.uint8)).tobytes()
    cells: bytes = np.rint(colours).clip(0, 255).astype(np.uint8).tobytes()
    return (bits + cells).hex()


def decode(layout: str) -> tuple[Any, Any]:
    """(colours [GRID*GRID, 3] float, valid [GRID*GRID] bool) of a hex layout."""
    np = _need("numpy")
    raw = bytes.fromhex(layout)
    n = GRID * GRID
    valid = np.unpackbits(np.frombuffer(raw[: n // 8], dtype=np.uint8))[:n].astype(bool)
    colours = np.frombuffer(raw[n // 8 :], dtype=np.uint8).reshape(n, 3).astype(float)
    return colours, valid


def _layouts(crop: Any, inside: Any) -> tuple[str, str]:
    np = _need("numpy")
    side = GRID * CELL
    ok = inside & ~_face_mask(side)
    a = crop.reshape(GRID, CELL, GRID, CELL, 3).swapaxes(1, 2).reshape(GRID, GRID, CELL * CELL, 3)
    w = ok.reshape(GRID, CELL, GRID, CELL).swapaxes(1, 2).reshape(GRID, GRID, CELL * CELL)
    cover = w.mean(axis=-1)
    colours = (a * w[..., None]).sum(axis=2) / np.maximum(w.sum(axis=-1), 1)[..., None]
    valid = cover >= MIN_COVER
    return _encode(colours, valid), _encode(colours[:, ::-1], valid[:, ::-1])


def context_layout(
    image: Image, marks: Landmarks, variants: tuple[tuple[float, tuple[float, float]], ...]
) -> ContextLayout:
    np = _need("numpy")
    pil = _need("PIL.Image")
    side = GRID * CELL
    frame = pil.new("L", image.size, 255)
    plain: list[str] = []
    mirrored: list[str] = []
    eye_dist, eye_y = CONTEXT_REGION
    for scale, shift in variants:
        crop, inside = (
            np.asarray(aligned_crop(im, marks, side, eye_dist, eye_y, scale, shift), dtype=float)
            for im in (image, frame)
        )
        inside = inside >= 250
        p, m = _layouts(crop, inside)
        plain.append(p)
        mirrored.append(m)
    return ContextLayout(tuple(plain), tuple(mirrored))


def layout_distance(query: ContextLayout, stored: str) -> float | None:
    """Least mean colour distance of any query variant to a stored layout on the cells both
    have; None when no variant shares ``MIN_SHARED`` cells with it."""
    np = _need("numpy")
    s_col, s_ok = decode(stored)
    best: float | None = None
    for layout in query.queries():
        q_col, q_ok = decode(layout)
        both = q_ok & s_ok
        if both.sum() < MIN_SHARED:
            continue
        d = float(np.sqrt(((q_col[both] - s_col[both]) ** 2).sum(axis=-1)).mean())
        best = d if best is None else min(best, d)
    return best
