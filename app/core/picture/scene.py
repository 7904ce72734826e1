"""Hospital things the frame shows by their look, even when no label on them is legible.

A patient board, chart or form is board_look's; a bedside monitor is this module's.

A monitor shows its parameters as big numerals, colour-coded by parameter (heart rate green,
SpO2 cyan, blood pressure red, CO2 blue), often on a dark panel; OCR reads the numerals long
before it can read the small labels beside them. A frame is taken to show a monitor when at
least two large numeric readings (2-4 digits, or "120/80"; each at least `MIN_HEIGHT` of the
frame's height) are printed in at least two different inks, one of them a saturated colour.
A scoreboard or a slide with plain white numbers, a timecode, or decimals ("74.000") is not one.
"""

from __future__ import annotations

import re

import cv2
import numpy as np

from app.core.findings.hits import ScreenHit
from app.core.models import Box, Category, TextSpan
from app.core.picture.board_look import board_box
from app.core.picture.ocr import OcrPiece

MIN_HEIGHT = 0.02
SATURATED = 70  # median saturation (0-255) of a reading's ink that makes it a colour
# "52", "115/45", and "115/45" as OCR often reads it ("11151 45": the slash taken for a 1)
_READING = re.compile(r"^\d{2,5}(?:\s*/?\s*\d{2,3})?$")


def monitor_box(frame_bgr: np.ndarray, pieces: list[OcrPiece], t_s: float) -> Box | None:
    """The region of the frame's large colour-coded readings, or None."""
    height = frame_bgr.shape[0]
    readings = [p for p in pieces
                if _READING.match(p.text.strip(" _-,:;'\"|")) and p.h >= MIN_HEIGHT * height]
    if len(readings) < 2:
        return None
    inks = [_ink(frame_bgr, p) for p in readings]
    coloured = [hue for hue, saturated in inks if saturated]
    if not coloured:
        return None
    kinds = {round(hue / 20) % 9 for hue in coloured}  # OpenCV hue is 0-179
    if any(not saturated for _, saturated in inks):
        kinds.add(-1)  # white or grey readings count as one more ink
    if len(kinds) < 2:
        return None
    x0 = min(p.x for p in readings)
    y0 = min(p.y for p in readings)
    x1 = max(p.x + p.w for p in readings)
    y1 = max(p.y + p.h for p in readings)
    return Box(round(t_s, 3), x0, y0, x1 - x0, y1 - y0)


def _ink(frame_bgr: np.ndarray, piece: OcrPiece) -> tuple[float, bool]:
    """Hue of the numerals' ink and whether it is a saturated colour (not white/grey/black)."""
    crop = frame_bgr[max(0, piece.y): piece.y + piece.h, max(0, piece.x): piece.x + piece.w]
    if crop.size == 0:
        return 0.0, False
    pixels = crop.reshape(-1, 3).astype(np.float32)
    hsv = cv2.cvtColor(crop, cv2.COLOR_BGR2HSV).reshape(-1, 3).astype(np.float32)
    # ink: the pixels whose colour is furthest from the background's (the median; text is the
    # minority) - red on white differs in colour, not in brightness
    distance = np.linalg.norm(pixels - np.median(pixels, axis=0), axis=1)
    ink = hsv[distance >= max(60.0, float(np.percentile(distance, 85)))]
    if len(ink) == 0:
        return 0.0, False
    saturation = float(np.median(ink[:, 1]))
    hue = float(np.median(ink[:, 0]))
    return hue, saturation >= SATURATED


MONITOR = ("bedside monitor", "the look of a bedside monitor (large colour-coded readings)")
BOARD = ("patient board, chart or form",
         "the look of a patient board, chart or form (a ruled table with entries, legible or "
         "not)")


def scene_hits(frame_bgr: np.ndarray, pieces: list[OcrPiece], t_s: float) -> list[ScreenHit]:
    """The hospital things the frame shows by their look: a monitor, a patient board or chart."""
    found = [(monitor_box(frame_bgr, pieces, t_s), MONITOR), (board_box(frame_bgr, t_s), BOARD)]
    return [_hit(box, look) for box, look in found if box is not None]


def _hit(box: Box, look: tuple[str, str]) -> ScreenHit:
    """A look seen in one frame, as a hit the tracker follows (one finding while it stays)."""
    text, reason = look
    span = TextSpan(0, len(text), Category.WARD_CONTEXT, 0.6, reason, text)
    return ScreenHit(span, box, 1.0)
