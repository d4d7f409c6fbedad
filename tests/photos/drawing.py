"""Pictures the photo tests draw themselves (no real photos)."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw


def picture(seed: int, size: int = 320) -> Image.Image:
    """A seeded scene of shaded shapes on a gradient: textured enough for perceptual hashes."""
    rng = random.Random(seed)
    image = Image.new("RGB", (size, size))
    draw = ImageDraw.Draw(image)
    base = [rng.randrange(256) for _ in range(3)]
    for y in range(size):
        shade = tuple(int(c * (0.4 + 0.6 * y / size)) for c in base)
        draw.line([(0, y), (size, y)], fill=shade)
    for _ in range(14):
        x0, y0 = rng.randrange(size), rng.randrange(size)
        w, h = rng.randrange(20, size // 2), rng.randrange(20, size // 2)
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse([x0, y0, x0 + w, y0 + h], fill=colour)
        else:
            draw.rectangle([x0, y0, x0 + w, y0 + h], fill=colour)
    return image


def jpeg_bytes(image: Image.Image, quality: int = 90) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality)
    return buf.getvalue()
