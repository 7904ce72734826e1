"""Rectangles as (x, y, w, h) in frame pixels: whether two of them meet, the one around many."""

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
