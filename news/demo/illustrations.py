"""The demo's images: simple abstract illustrations drawn with Pillow, 1600x900 JPEGs.

Each is a two-colour gradient with one motif on top, drawn from a fixed random seed so the
same key always gives the same picture.
"""

import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

SIZE = (1600, 900)


@dataclass(frozen=True)
class Illustration:
    key: str
    title: str  # the image's title in Wagtail: the key that finds it again on re-runs
    top: tuple[int, int, int]
    bottom: tuple[int, int, int]
    motif: Callable  # draws on a transparent layer: motif(draw, accent, rng)
    accent: tuple[int, int, int] = (255, 255, 255)


def render(illustration):
    """The illustration as JPEG bytes."""
    picture = _gradient(illustration.top, illustration.bottom)
    layer = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    illustration.motif(ImageDraw.Draw(layer), illustration.accent, random.Random(illustration.key))
    picture = Image.alpha_composite(picture.convert("RGBA"), layer).convert("RGB")
    output = io.BytesIO()
    picture.save(output, "JPEG", quality=88, optimize=True)
    return output.getvalue()


def _gradient(top, bottom):
    mask = Image.linear_gradient("L").resize(SIZE)
    return Image.composite(Image.new("RGB", SIZE, bottom), Image.new("RGB", SIZE, top), mask)


def _with_alpha(colour, alpha):
    return (*colour, alpha)


def skyline(draw, accent, rng):
    draw.ellipse((1130, 140, 1370, 380), fill=_with_alpha(accent, 230))
    x = 0
    while x < SIZE[0]:
        width = rng.randint(70, 160)
        top = rng.randint(420, 700)
        draw.rectangle((x, top, x + width, SIZE[1]), fill=(10, 25, 60, rng.randint(170, 235)))
        x += width + rng.randint(0, 12)


def hills(draw, accent, rng):
    for layer, base in enumerate((520, 620, 720)):
        phase = rng.uniform(0, math.tau)
        points = [
            (x, base + 60 * math.sin(x / (260 + 60 * layer) + phase)) for x in range(0, 1601, 20)
        ]
        draw.polygon(
            [*points, (SIZE[0], SIZE[1]), (0, SIZE[1])], fill=_with_alpha(accent, 110 + 50 * layer)
        )


def rings(draw, accent, rng):
    for centre in ((520, 450), (1080, 450)):
        for radius in range(60, 300, 48):
            box = (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius)
            draw.ellipse(box, outline=_with_alpha(accent, rng.randint(120, 220)), width=14)


def grid(draw, accent, rng):
    step, gap = 100, 24
    columns, rows = SIZE[0] // step - 1, SIZE[1] // step - 1
    left = (SIZE[0] - columns * step + gap) // 2
    top = (SIZE[1] - rows * step + gap) // 2
    for column in range(columns):
        for line in range(rows):
            x, y = left + column * step, top + line * step
            box = (x, y, x + step - gap, y + step - gap)
            draw.rounded_rectangle(box, radius=14, fill=_with_alpha(accent, rng.randint(20, 150)))


def circles(draw, accent, rng):
    for _ in range(14):
        radius = rng.randint(90, 260)
        x, y = rng.randint(0, SIZE[0]), rng.randint(0, SIZE[1])
        box = (x - radius, y - radius, x + radius, y + radius)
        draw.ellipse(box, fill=_with_alpha(accent, rng.randint(40, 110)))


def stripes(draw, accent, rng):
    for x in range(-SIZE[1], SIZE[0], 140):
        width = rng.randint(30, 80)
        band = [(x, SIZE[1]), (x + width, SIZE[1]), (x + width + SIZE[1], 0), (x + SIZE[1], 0)]
        draw.polygon(band, fill=_with_alpha(accent, rng.randint(40, 120)))


def bars(draw, accent, rng):
    count, gap = 12, 30
    width = (SIZE[0] - 200 - gap * (count - 1)) // count
    for index in range(count):
        x = 100 + index * (width + gap)
        height = 120 + index * 48 + rng.randint(-30, 30)
        draw.rectangle(
            (x, SIZE[1] - 80 - height, x + width, SIZE[1] - 80), fill=_with_alpha(accent, 190)
        )


def network(draw, accent, rng):
    nodes = [(rng.randint(80, SIZE[0] - 80), rng.randint(80, SIZE[1] - 80)) for _ in range(26)]
    for index, node in enumerate(nodes):
        nearest = sorted(nodes, key=lambda other: math.dist(node, other))[1:3]
        for other in nearest:
            draw.line((node, other), fill=_with_alpha(accent, 120), width=4)
        radius = 10 + index % 3 * 6
        box = (node[0] - radius, node[1] - radius, node[0] + radius, node[1] + radius)
        draw.ellipse(box, fill=_with_alpha(accent, 230))


ILLUSTRATIONS = {
    illustration.key: illustration
    for illustration in (
        Illustration(
            "skyline", "Demo: city skyline", (32, 160, 160), (18, 40, 110), skyline, (255, 196, 92)
        ),
        Illustration(
            "park", "Demo: green hills", (214, 238, 226), (120, 190, 140), hills, (46, 125, 80)
        ),
        Illustration("wheels", "Demo: green rings", (40, 120, 70), (150, 205, 110), rings),
        Illustration("grid", "Demo: grid of squares", (88, 40, 150), (40, 90, 200), grid),
        Illustration(
            "circles", "Demo: overlapping circles", (250, 160, 70), (230, 90, 130), circles
        ),
        Illustration("stripes", "Demo: diagonal stripes", (120, 24, 48), (235, 160, 50), stripes),
        Illustration(
            "bars", "Demo: rising bars", (12, 30, 80), (20, 70, 130), bars, (90, 220, 240)
        ),
        Illustration("network", "Demo: network of dots", (20, 60, 150), (20, 140, 170), network),
    )
}
