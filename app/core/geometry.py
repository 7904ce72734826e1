"""Rectangles as (x, y, w, h) in frame pixels: whether two of them meet, the one around many,
which part of the picture one is in."""

from __future__ import annotations

Rect = tuple[int, int, int, int]


def rects_meet(a: Rect, b: Rect) -> bool:
    """Whether two rectangles overlap (touching edges do not count)."""
    return a[0] < b[0] + b[2] and a[0] + a[2] > b[0] and a[1] < b[1] + b[3] and a[1] + a[3] > b[1]


def union(*rects: Rect) -> Rect:
    """The smallest rectangle holding all of `rects`."""
    x0 = min(r[0] for r in rects)
    y0 = min(r[1] for r in rects)
    x1 = max(r[0] + r[2] for r in rects)
    y1 = max(r[1] + r[3] for r in rects)
    return x0, y0, x1 - x0, y1 - y0


# the parts of a picture, by thirds across and down, in reading order: how a note tells a
# reviewer where to look ("text at the top left of the picture could not be read clearly")
PARTS = ("top left", "top", "top right", "left", "middle", "right",
         "bottom left", "bottom", "bottom right")


def part_of_picture(rect: Rect, width: int, height: int) -> str:
    """The part of a `width` × `height` picture (one of PARTS) the rectangle's centre is in."""
    column = min(2, max(0, int(3 * (rect[0] + rect[2] / 2) / max(width, 1))))
    row = min(2, max(0, int(3 * (rect[1] + rect[3] / 2) / max(height, 1))))
    return PARTS[3 * row + column]
