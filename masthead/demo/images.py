"""Pictures for the demo newsroom, drawn locally with Pillow: nothing is downloaded.

Each picture is a landscape (sky, sun, layered hills, a river) whose colours and shapes
come from a seed, so the same story always gets the same picture.
"""

from __future__ import annotations

import hashlib
import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFilter

from masthead.journalism.models import NewsImage

WIDTH, HEIGHT = 1200, 675

PALETTES = (
    ((238, 176, 110), (120, 84, 120), (54, 64, 92)),  # dusk
    ((170, 210, 230), (96, 140, 96), (40, 72, 52)),  # monsoon green
    ((244, 220, 170), (184, 130, 80), (92, 60, 44)),  # dry zone
    ((200, 200, 214), (110, 116, 140), (48, 52, 70)),  # overcast
    ((250, 200, 150), (200, 110, 90), (70, 40, 60)),  # sunset
)


def _blend(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return (
        int(a[0] + (b[0] - a[0]) * t),
        int(a[1] + (b[1] - a[1]) * t),
        int(a[2] + (b[2] - a[2]) * t),
    )


def draw_landscape(seed: str, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """A JPEG landscape for `seed`."""
    rng = random.Random(hashlib.sha256(seed.encode()).digest())
    sky, land, deep = PALETTES[rng.randrange(len(PALETTES))]
    picture = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_blend(sky, (255, 250, 240), y / height * 0.6))
    sun_x, sun_y, radius = (
        rng.randint(100, width - 100),
        rng.randint(60, height // 3),
        rng.randint(30, 70),
    )
    draw.ellipse(
        [sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=(255, 244, 214)
    )
    layers = rng.randint(3, 5)
    for layer in range(layers):
        depth = layer / max(layers - 1, 1)
        colour = _blend(land, deep, depth)
        base = int(height * (0.45 + 0.12 * layer))
        amplitude = rng.randint(20, 70)
        frequency = rng.uniform(1.0, 3.5)
        phase = rng.uniform(0, math.tau)
        points = [(0, height)]
        for x in range(0, width + 20, 20):
            crest = base + amplitude * math.sin(x / width * frequency * math.tau + phase)
            points.append((x, int(crest)))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    if rng.random() < 0.6:
        river_y = int(height * rng.uniform(0.78, 0.88))
        draw.rectangle(
            [0, river_y, width, river_y + rng.randint(12, 30)], fill=_blend(sky, deep, 0.3)
        )
    picture = picture.filter(ImageFilter.GaussianBlur(1.2))
    output = io.BytesIO()
    picture.save(output, format="JPEG", quality=80, optimize=True, progressive=True)
    return output.getvalue()


def demo_image(*, key: str, title: str, caption: str, credit: str, alt: str) -> NewsImage:
    """The picture stored for `key`, drawn and saved the first time it is asked for."""
    stored_title = f"{title[:200]} [{key}]"
    existing = NewsImage.objects.filter(title=stored_title).first()
    if existing is not None:
        return existing
    data = draw_landscape(key)
    image = NewsImage(
        title=stored_title, caption=caption[:400], credit=credit[:200], alt_text=alt[:300]
    )
    image.file = ImageFile(
        io.BytesIO(data), name=f"demo-{hashlib.sha1(key.encode()).hexdigest()[:12]}.jpg"
    )
    image.save()
    return image
