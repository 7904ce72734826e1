"""Reading only what changed since the last read: a ticking clock costs a crop, not a frame.

The text found outside the changed areas is carried over from the previous read; each changed
area (grown to take in any text it cuts through) is read on its own, at full resolution.
When most of the picture changed, the whole frame is read instead.
"""

from __future__ import annotations

import numpy as np

from app.core.geometry import Rect, rects_meet
from app.core.ocr import OcrEngine, OcrPiece

# Above this share of the frame's area, one full read is cheaper than several crops.
FULL_READ_SHARE = 0.4

def _overlaps(piece: OcrPiece, rect: Rect) -> bool:
    return rects_meet((piece.x, piece.y, piece.w, piece.h), rect)


def _union(a: Rect, b: Rect) -> Rect:
    x0, y0 = min(a[0], b[0]), min(a[1], b[1])
    x1, y1 = max(a[0] + a[2], b[0] + b[2]), max(a[1] + a[3], b[1] + b[3])
    return (x0, y0, x1 - x0, y1 - y0)


def grow_over_text(rects: list[Rect], previous: list[OcrPiece], margin_px: int = 8) -> list[Rect]:
    """Grow each rectangle over any earlier text it cuts, and merge rectangles that meet."""
    grown = list(rects)
    changed = True
    while changed:
        changed = False
        for index, rect in enumerate(grown):
            for piece in previous:
                if _overlaps(piece, rect):
                    wider = _union(rect, (piece.x - margin_px, piece.y - margin_px,
                                          piece.w + 2 * margin_px, piece.h + 2 * margin_px))
                    if wider != rect:
                        grown[index] = rect = wider
                        changed = True
        merged: list[Rect] = []
        for rect in grown:
            for index, other in enumerate(merged):
                if rects_meet(other, rect):
                    merged[index] = _union(other, rect)
                    changed = True
                    break
            else:
                merged.append(rect)
        grown = merged
    return [(max(0, x), max(0, y), w, h) for x, y, w, h in grown]


def read_changes(
    ocr: OcrEngine,
    frame: np.ndarray,
    rects: list[Rect] | None,
    previous: list[OcrPiece] | None,
) -> tuple[list[OcrPiece], bool]:
    """The text of `frame`, reading only `rects` when the rest is known from `previous`.

    Returns:
        The pieces of text, and whether only part of the frame was read.
    """
    if rects is None or previous is None:
        return ocr.read(frame), False
    height, width = frame.shape[:2]
    rects = grow_over_text(rects, previous)
    area = sum(min(w, width - x) * min(h, height - y) for x, y, w, h in rects)
    if area > FULL_READ_SHARE * width * height:
        return ocr.read(frame), False
    pieces = [p for p in previous if not any(_overlaps(p, r) for r in rects)]
    for x, y, w, h in rects:
        crop = frame[y : y + h, x : x + w]
        if crop.size == 0:
            continue
        for p in ocr.read(np.ascontiguousarray(crop)):
            pieces.append(OcrPiece(p.text, p.confidence, p.x + x, p.y + y, p.w, p.h))
    return pieces, True
