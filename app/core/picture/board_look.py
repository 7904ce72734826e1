"""The look of a patient board, chart or form: a ruled table on a pale surface, with entries.

A ward's patient whiteboard, a sign-in sheet, a paper chart and an EHR table view share one
shape that survives when their writing is far too small to read: ruled lines in rows and
columns on a white or pale-grey surface, and marks in most of the cells. A frame is taken to
show one when it has a grid of at least `MIN_ROWS` rows and `MIN_COLUMNS` columns of cells,
covering at least `MIN_WIDTH` of the frame's width, whose cells are pale and unsaturated and at
least `MIN_FILLED` of which hold ink. No OCR is needed, so it works where OCR reads nothing.

What is not one: a blank ruled board or a tiled wall (empty cells), a poster whose big letters
stand in rows (coloured surface, letter-sized "cells"), a talking head, colour bars.
Not recognised (yet): boards without ruled lines, dark-mode screens, tables ruled only across.
"""

from __future__ import annotations

from itertools import pairwise

import cv2
import numpy as np

from app.core.models import Box

WORK_SIDE = 960  # the frame is looked at with its longer side at this many pixels
MIN_ROWS = 3
MIN_COLUMNS = 2
MIN_WIDTH = 0.12  # of the frame's width
MIN_CELL = 0.008  # lines closer than this (of the longer side) are one line drawn twice
MIN_SIZE = 0.04  # the table's smaller side, of the frame's longer side
MIN_FILLED = 0.4  # share of cells with ink in them
CELL_INK = 0.01  # share of a cell's pixels that are ink for it to count as written in
LINE_CONTRAST = 12  # how much darker (0-255) a rule is than the surface beside it
MARK_CONTRAST = 25  # and a written mark
PALE_VALUE = 140  # median brightness (0-255) of the cells' surface
PALE_SATURATION = 70  # and at most this saturation: white, grey, cream; not a coloured poster


def board_box(frame_bgr: np.ndarray, t_s: float) -> Box | None:
    """The region of the frame's ruled table with entries, or None."""
    height, width = frame_bgr.shape[:2]
    scale = WORK_SIDE / max(height, width)
    small = cv2.resize(frame_bgr, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    across, down = _ruled_lines(gray)
    # writing: small marks darker than the surface around them, other than the rules
    marks = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, np.ones((7, 7), np.uint8)) >= MARK_CONTRAST
    marks[(across | down) > 0] = False
    grid = cv2.dilate(across | down, np.ones((3, 3), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(grid, connectivity=8)
    hsv = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)
    best = None
    for index in range(1, count):
        x, y, w, h, _ = stats[index]
        if w < MIN_WIDTH * small.shape[1] or min(w, h) < MIN_SIZE * WORK_SIDE:
            continue
        inside = labels[y:y + h, x:x + w] == index
        rows = _positions(across[y:y + h, x:x + w] & inside, axis=0)
        columns = _positions(down[y:y + h, x:x + w] & inside, axis=1)
        if len(rows) < MIN_ROWS + 1 or len(columns) < MIN_COLUMNS + 1:
            continue
        if not _written_on(marks[y:y + h, x:x + w], hsv[y:y + h, x:x + w], rows, columns):
            continue
        if best is None or w * h > best[2] * best[3]:
            best = (x, y, w, h)
    if best is None:
        return None
    x, y, w, h = (round(v / scale) for v in best)
    return Box(round(t_s, 3), x, y, w, h)


def _ruled_lines(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The long straight dark strokes across and down, even faint one-pixel rules; a few
    degrees of tilt are allowed for."""
    length = WORK_SIDE // 30
    # a rule is darker than what lies just above and below it (or left and right of it)
    dark_across = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, np.ones((9, 1), np.uint8))
    dark_down = cv2.morphologyEx(gray, cv2.MORPH_BLACKHAT, np.ones((1, 9), np.uint8))
    # where rules cross, each is dark on both sides and so cut by the other: join them again
    rules = (dark_across >= LINE_CONTRAST) | (dark_down >= LINE_CONTRAST)
    crossing = rules.astype(np.uint8) * 255
    across = cv2.dilate(crossing, np.ones((5, 1), np.uint8))
    down = cv2.dilate(crossing, np.ones((1, 5), np.uint8))
    across = cv2.morphologyEx(across, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    down = cv2.morphologyEx(down, cv2.MORPH_OPEN, np.ones((length, 1), np.uint8))
    return across, down


def _positions(lines: np.ndarray, axis: int) -> list[int]:
    """Where the region's full-length lines lie: rows (axis 0) or columns (axis 1)."""
    span = lines.shape[1 - axis]
    count, _, stats, centroids = cv2.connectedComponentsWithStats(lines.astype(np.uint8))
    size = stats[1:, cv2.CC_STAT_WIDTH if axis == 0 else cv2.CC_STAT_HEIGHT]
    at = centroids[1:, 1 if axis == 0 else 0]
    found = sorted(float(p) for p, s in zip(at, size, strict=True) if s >= 0.5 * span)
    merged: list[float] = []
    for p in found:
        if merged and p - merged[-1] < MIN_CELL * WORK_SIDE:
            continue  # a double line, or a line broken in two
        merged.append(p)
    return [round(p) for p in merged]


def _written_on(writing: np.ndarray, hsv: np.ndarray, rows: list[int], columns: list[int]) -> bool:
    """Whether the cells are pale and unsaturated and enough of them hold ink."""
    filled = total = 0
    surface = []
    for top, bottom in _cells(rows):
        for left, right in _cells(columns):
            cell = (slice(top, bottom), slice(left, right))
            total += 1
            filled += writing[cell].mean() >= CELL_INK
            surface.append(np.median(hsv[cell].reshape(-1, 3), axis=0))
    if total < MIN_ROWS * MIN_COLUMNS:
        return False
    _, saturation, value = np.median(np.array(surface), axis=0)
    return value >= PALE_VALUE and saturation <= PALE_SATURATION and filled >= MIN_FILLED * total


def _cells(lines: list[int]) -> list[tuple[int, int]]:
    """The spans between neighbouring lines, inside their edges; a strip much narrower than the
    others (between a board's frame and its first rule, say) is not a cell."""
    spans = list(pairwise(lines))
    usual = float(np.median([b - a for a, b in spans]))
    return [(a + 2, b - 1) for a, b in spans if b - a >= usual / 2 and b - a > 4]
