"""More face-region cues for ``synthetic_face``: colour-difference residuals, colour statistics
and the eyes. Every cue is computed on the face box or the eyes, never on the background.

* ``colour_residual``: co-occurrences (third order, T=2, horizontal and vertical) of two
  rich-model high-pass residuals (the second-order ``[1, -2, 1]`` and the 3x3 "KB" kernel), each
  at quantisation 1 and 2, of the R-G and B-G colour differences: 8 x 125 numbers. A generator
  makes its three colour channels together; a camera's demosaicing and the JPEG chroma path leave
  other traces in the colour differences.
* ``colour``: correlations of the three channels' horizontal gradients, spread and correlation of
  Cb and Cr, shares of clipped pixels, and histograms of Cb, Cr and saturation (36 numbers).
  McCloskey & Albright (2019) report that GAN images under-produce saturated and clipped pixels.
* ``eye_cues``: for each eye (a box over its two landmark corners, resampled to 32 x 20), grey
  level statistics and the share of specular-highlight pixels; then the overlap (IoU) of the two
  highlight masks, the similarity of the two eye crops and the colour difference of the two
  irises (16 numbers). Hu, Li & Lyu (ICASSP 2021, "Exposing GAN-generated faces using
  inconsistent corneal specular highlights") found that the corneal highlights of the two eyes
  match in real photographs (one scene, one light) and often do not in StyleGAN2 faces; at these
  resolutions the eyes are 30-40 px wide, so this is a coarse version of their test.
"""

from __future__ import annotations

from typing import Any

from unmask.detectors.faces import Landmarks, _need

_SQ2 = ((1.0, -2.0, 1.0),)
_KB = ((-0.25, 0.5, -0.25), (0.5, -1.0, 0.5), (-0.25, 0.5, -0.25))


def cooccurrence(residual: Any, trunc: int = 2) -> Any:
    """Normalised histogram of (r1, r2, r3) triples of a rounded, truncated residual, along rows
    and along columns."""
    np = _need("numpy")
    k = 2 * trunc + 1
    hist = np.zeros(k**3)
    for a in (residual, residual.T):
        r = np.clip(np.rint(a), -trunc, trunc).astype(np.int64) + trunc
        idx = r[:, :-2] * k * k + r[:, 1:-1] * k + r[:, 2:]
        counts = np.bincount(idx.ravel(), minlength=k**3).astype(float)
        hist += counts / max(counts.sum(), 1.0)
    return hist / 2


def rich_residuals(channel: Any) -> Any:
    np = _need("numpy")
    signal = _need("scipy.signal")
    parts = []
    for kernel in (_SQ2, _KB):
        res = signal.convolve2d(channel, np.asarray(kernel), mode="valid")
        parts += [cooccurrence(res), cooccurrence(res / 2)]
    return np.concatenate(parts)


def colour_residual(crop: Any) -> list[float]:
    np = _need("numpy")
    a = np.asarray(crop, dtype=float)
    out = np.concatenate(
        [rich_residuals(a[..., 0] - a[..., 1]), rich_residuals(a[..., 2] - a[..., 1])]
    )
    return [float(v) for v in out]


def colour_stats(crop: Any) -> list[float]:
    np = _need("numpy")
    a = np.asarray(crop, dtype=float)
    grads = [np.diff(a[..., c], axis=1).ravel() for c in range(3)]
    cc = np.nan_to_num(np.corrcoef(grads))
    y = 0.299 * a[..., 0] + 0.587 * a[..., 1] + 0.114 * a[..., 2]
    cb, cr = (a[..., 2] - y) * 0.564, (a[..., 0] - y) * 0.713
    hi, lo = a.max(axis=-1), a.min(axis=-1)
    sat = (hi - lo) / np.maximum(hi, 1.0)
    cbcr = np.nan_to_num(np.corrcoef(cb.ravel(), cr.ravel()))[0, 1]
    head = [cc[0, 1], cc[0, 2], cc[1, 2], cb.std(), cr.std(), cbcr, (hi >= 250).mean()]
    head += [(lo <= 5).mean(), sat.mean(), sat.std(), np.percentile(sat, 95), np.percentile(sat, 5)]
    hists = [
        np.histogram(v, bins=8, range=r)[0] / v.size
        for v, r in ((cb, (-40, 40)), (cr, (-20, 60)), (sat, (0, 1)))
    ]
    return [float(v) for v in np.concatenate([head, *hists])]


def eye_cues(rgb: Any, marks: Landmarks) -> list[float]:
    np = _need("numpy")
    pil = _need("PIL.Image")
    image = pil.fromarray(np.asarray(rgb, dtype=np.uint8))
    feats: list[float] = []
    masks, crops = [], []
    pts = marks.points
    for a, b in ((pts[0], pts[1]), (pts[2], pts[3])):
        cx, cy = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        w = abs(a[0] - b[0]) * 1.1 + 2
        h = w * 0.6
        box = (int(cx - w / 2), int(cy - h / 2), int(cx + w / 2) + 1, int(cy + h / 2) + 1)
        eye = np.asarray(image.crop(box).resize((32, 20), pil.Resampling.BILINEAR), dtype=float)
        grey = eye.mean(axis=-1)
        mask = grey >= max(grey.mean() + 2 * grey.std(), np.percentile(grey, 97))
        masks.append(mask)
        crops.append(eye)
        feats += [grey.mean(), grey.std(), grey.max() - np.median(grey), mask.mean()]
        feats.append(np.abs(np.diff(grey, axis=1)).mean())
    (m1, m2), (c1, c2) = masks, crops
    iou = (m1 & m2).sum() / max((m1 | m2).sum(), 1)
    similarity = np.abs(c1 - c2).mean() / (c1.std() + c2.std() + 1)
    corr = np.nan_to_num(np.corrcoef(c1.ravel(), c2.ravel()))[0, 1]
    iris = np.abs(c1[6:14, 10:22].mean(axis=(0, 1)) - c2[6:14, 10:22].mean(axis=(0, 1)))
    return [float(v) for v in [*feats, iou, similarity, corr, *iris]]
