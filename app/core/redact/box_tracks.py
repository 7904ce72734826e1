"""Each box to hide followed by its own look from frame to frame, between the scan's reads.

The camera's global motion (camera_path.py) is fitted to the whole picture, and in a selfie the
presenter fills much of it and does not move with the room: during a fast pan it can say the
room stood still while a wristband slid 25 px a frame. So each box is also followed by itself:
its patch in one frame is looked for, by normalised cross-correlation, in a window around it in
the next (half-size grey frames), forwards from each read and backwards from the first one
through the frames just before it (kept in a short ring buffer). Where the match fails (the
text is leaving the frame, or something passes in front) it goes on at the speed it last had.
The cover is the union of every guess (cover.py).
"""

from __future__ import annotations

from collections import deque

import cv2
import numpy as np

from app.core.geometry import Rect

SCALE = 0.5  # the frames are followed at half size
SEARCH_PX = 48  # how far (half-size pixels) a box may move between two frames
MIN_SCORE = 0.6  # a weaker match means the box is lost (it left the frame, or was covered)



def small_grey(frame: np.ndarray) -> np.ndarray:
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    return cv2.resize(grey, None, fx=SCALE, fy=SCALE, interpolation=cv2.INTER_AREA)


def match(before: np.ndarray, after: np.ndarray, rect: Rect) -> Rect | None:
    """Where `rect` of `before` (full-size pixels) is in `after`, or None if not found.

    Near an edge of the frame the patch is cut back on that side by the search distance: a text
    leaving the frame keeps the part that is still in view next."""
    x, y, w, h = (round(v * SCALE) for v in rect)
    height, width = before.shape
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(width, x + w), min(height, y + h)
    cut = min(SEARCH_PX, (x1 - x0) // 3), min(SEARCH_PX, (y1 - y0) // 3)
    x0 += cut[0] if x0 < SEARCH_PX else 0
    x1 -= cut[0] if x1 > width - SEARCH_PX else 0
    y0 += cut[1] if y0 < SEARCH_PX else 0
    y1 -= cut[1] if y1 > height - SEARCH_PX else 0
    if x1 - x0 < 6 or y1 - y0 < 4:
        return None
    patch = before[y0:y1, x0:x1]
    if float(patch.std()) < 4:  # a flat patch matches anywhere
        return None
    sx0, sy0 = max(0, x0 - SEARCH_PX), max(0, y0 - SEARCH_PX)
    sx1, sy1 = min(width, x1 + SEARCH_PX), min(height, y1 + SEARCH_PX)
    window = after[sy0:sy1, sx0:sx1]
    if window.shape[0] < patch.shape[0] or window.shape[1] < patch.shape[1]:
        return None
    scores = cv2.matchTemplate(window, patch, cv2.TM_CCOEFF_NORMED)
    _, best, _, (bx, by) = cv2.minMaxLoc(scores)
    if best < MIN_SCORE:
        return None
    dx, dy = (sx0 + bx - x0) / SCALE, (sy0 + by - y0) / SCALE
    return round(rect[0] + dx), round(rect[1] + dy), rect[2], rect[3]


class BoxTracks:
    """Feed it every frame of the stretches in time order; `at(key, t)` is then where the box
    `key` was seen to be at `t` (None where it was not followed)."""

    def __init__(self, reads: dict[str, list[tuple[float, Rect]]],
                 spans: dict[str, tuple[float, float]], back_frames: int) -> None:
        self._reads = {k: sorted(v) for k, v in reads.items()}
        self._spans = spans
        self._current: dict[str, Rect | None] = {}
        self._velocity: dict[str, tuple[float, float]] = {}  # px a frame, while followed
        self._seen: dict[str, dict[float, Rect]] = {k: {} for k in reads}
        self._recent: deque[tuple[float, np.ndarray]] = deque(maxlen=back_frames)
        self._previous: np.ndarray | None = None

    def add(self, t_s: float, grey: np.ndarray) -> None:
        for key, reads in self._reads.items():
            start, end = self._spans[key]
            if not start - 0.001 <= t_s <= end + 0.001:
                self._current[key] = None
                continue
            read = next((rect for t_read, rect in reads if abs(t_read - t_s) < 0.02), None)
            if read is not None:
                if abs(reads[0][0] - t_s) < 0.02:
                    self._back(key, read, grey, start)
                self._current[key] = read
                self._velocity.pop(key, None)
            elif self._current.get(key) is not None and self._previous is not None:
                last = self._current[key]
                moved = match(self._previous, grey, last)
                if moved is None:  # lost (leaving the frame, covered): keep going as it went
                    vx, vy = self._velocity.get(key, (0.0, 0.0))
                    moved = (round(last[0] + vx), round(last[1] + vy), last[2], last[3])
                else:
                    self._velocity[key] = (moved[0] - last[0], moved[1] - last[1])
                self._current[key] = moved
            if self._current.get(key) is not None:
                self._seen[key][round(t_s, 3)] = self._current[key]
        self._recent.append((t_s, grey))
        self._previous = grey

    def _back(self, key: str, rect: Rect, grey: np.ndarray, start: float) -> None:
        """Follow the first read backwards through the frames just before it."""
        later = grey
        for t_s, earlier in reversed(self._recent):
            if t_s < start - 0.001:
                break
            moved = match(later, earlier, rect)
            if moved is None:
                break
            rect = moved
            self._seen[key][round(t_s, 3)] = rect
            later = earlier

    def at(self, key: str, t_s: float) -> Rect | None:
        return self._seen.get(key, {}).get(round(t_s, 3))
