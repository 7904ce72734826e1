"""Rectangles as (x, y, w, h) in frame pixels, and whether two of them meet."""

from __future__ import annotations

Rect = tuple[int, int, int, int]


def rects_meet(a: Rect, b: Rect) -> bool:
    """Whether two rectangles overlap (touching edges do not count)."""
    return a[0] < b[0] + b[2] and a[0] + a[2] > b[0] and a[1] < b[1] + b[3] and a[1] + a[3] > b[1]
