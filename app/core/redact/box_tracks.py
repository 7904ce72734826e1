"""Each box to hide followed by its own look from frame to frame: between the scan's reads,
back from the first read to where it came into view, on from the last to where it left.

The camera's global motion (camera_path.py) is fitted to the whole picture, and in a selfie the
presenter fills much of it and does not move with the room: during a fast pan it can say the
room stood still while a wristband slid 25 px a frame. So each box is also followed by itself:
its patch in one frame is looked for, by normalised cross-correlation, in a window around it in
the next (half-size grey frames), forwards from each read and backwards from the first one
through the frames before it (kept in a ring buffer). Near an edge only the part still in view
is matched. Where the match fails (the text is leaving the frame, or something passes in
front) it goes on at the speed it had, but at the frame's edge, where a sliver too thin to
match is all that shows (or its match would carry it out of the frame), it moves with the
camera's motion, when that is known; before the first read and after the last it is given up
when it is wholly out of the frame, or when it has not been seen for COAST_S while wholly in
it (Follower), and, more than `plain_s` (plan.LOOK_S) before the first read or after the last,
when it is no longer cut by the frame's edge (a card that sat at the edge, a few characters in
view, before it was panned in). The cover is the union of every guess (cover.py).
"""

from __future__ import annotations

from collections import deque

import cv2
import numpy as np

from app.core.geometry import Rect
from app.core.picture.motion import move_rect
from app.core.redact.plan import LOOK_S

SCALE = 0.5  # the frames are followed at half size
SEARCH_PX = 48  # how far (half-size pixels) a box may move between two frames
MIN_SCORE = 0.6  # a weaker match means the box is lost (it left the frame, or was covered)
COAST_S = 0.3  # a box lost while wholly inside the frame is given up after this long


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


class Follower:
    """One box followed from frame to frame in one direction of time. Where its look is not
    found it goes on at the speed it had over its last few steps (at the frame's edge: with
    the camera, when `step` is given its motion). With `may_end`, `step`
    says when it has left: it is wholly out of the frame, or it has not been seen for COAST_S
    while wholly inside (it stopped being visible there: covered, or it was not there yet).
    While it touches an edge it is never given up: a line leaving the frame cannot be matched
    by its part still in view, and is covered until its last column is out."""

    def __init__(self, rect: Rect, frame_size: tuple[int, int], coast_frames: int,
                 may_end: bool) -> None:
        self.rect, self.size = rect, frame_size
        self.moved = (0.0, 0.0)  # the last step, px
        self.carried = rect  # the box carried by the camera's motion alone
        self._steps: deque[tuple[int, int]] = deque(maxlen=3)
        self._coast_frames, self._may_end, self._unseen = coast_frames, may_end, 0

    def step(self, before: np.ndarray, after: np.ndarray, camera: np.ndarray | None = None
             ) -> Rect | None:
        """Where the box is in `after` (None: it has left). `camera`: the camera's motion from
        `before` to `after` (full-size pixels), when known."""
        rect = self.rect
        moved = match(before, after, rect)
        at_side = camera is not None and at_edge(rect, self.size)
        if camera is not None:
            self.carried = _carried(self.carried, camera)
        if moved is not None and not (at_side and not _in_frame(moved, self.size)):
            self._steps.append((moved[0] - rect[0], moved[1] - rect[1]))
            self._unseen = 0
        elif at_side and camera is not None:
            # cut by the edge, a sliver too thin to match (or its match drifts out): it is
            # taken to move with the camera, not at the speed it had, so a card that stopped
            # at the edge is not sent out of the frame while part of it is still in view
            moved = _carried(rect, camera)
        else:
            n = max(1, len(self._steps))
            vx = sum(s[0] for s in self._steps) / n
            vy = sum(s[1] for s in self._steps) / n
            moved = (round(rect[0] + vx), round(rect[1] + vy), rect[2], rect[3])
            self._unseen += _wholly_inside(moved, self.size)
        self.moved = (moved[0] - rect[0], moved[1] - rect[1])
        self.rect = moved
        if self._may_end and (not _in_frame(moved, self.size)
                              or self._unseen > self._coast_frames):
            return None
        return moved

    def at_edge(self) -> bool:
        """Whether the box is cut by the frame's edge, and the camera's motion alone would
        have left it in view too (a box left at the edge after its line went out, held by the
        look of what stays there, is not)."""
        return at_edge(self.rect, self.size) and _in_frame(self.carried, self.size)


def _carried(rect: Rect, camera: np.ndarray) -> Rect:
    """`rect` moved as its centre is by the camera (its size kept: a box carried over many
    frames must not grow by each step's rounding)."""
    x, y, w, h = move_rect(rect, camera)
    return round(x + (w - rect[2]) / 2), round(y + (h - rect[3]) / 2), rect[2], rect[3]


def _in_frame(rect: Rect, size: tuple[int, int]) -> bool:
    x, y, w, h = rect
    return x < size[0] and y < size[1] and x + w > 0 and y + h > 0


def at_edge(rect: Rect, size: tuple[int, int]) -> bool:
    """Whether `rect` is cut by the frame's edge, or so near it that its cover (padded by a
    third of its height) reaches the edge."""
    return _in_frame(rect, size) and not _wholly_inside(rect, size, max(8, rect[3] // 3))


def _wholly_inside(rect: Rect, size: tuple[int, int], margin: int = 4) -> bool:
    x, y, w, h = rect
    return x >= margin and y >= margin and x + w <= size[0] - margin and (
        y + h <= size[1] - margin)


class BoxTracks:
    """Feed it every frame of the stretches in time order; `at(key, t)` is then where the box
    `key` was seen to be at `t` (None where it was not followed, or was gone), and
    `motion(key, t)` how far it moved into that frame. More than `plain_s` before a box's
    first read or after its last (and inside its span) it is followed only while at_edge."""

    def __init__(self, reads: dict[str, list[tuple[float, Rect]]],
                 spans: dict[str, tuple[float, float]], back_frames: int,
                 fps: float = 30.0, plain_s: float = LOOK_S) -> None:
        self._reads = {k: sorted(v) for k, v in reads.items()}
        self._spans, self._plain_s = spans, plain_s
        self._coast = max(2, round(COAST_S * fps))
        self._followers: dict[str, Follower | None] = {}
        self._seen: dict[str, dict[float, tuple[Rect, tuple[float, float]]]] = {
            k: {} for k in reads}
        self._recent: deque[tuple[float, np.ndarray, np.ndarray | None]] = deque(
            maxlen=back_frames)
        self._previous: np.ndarray | None = None

    def add(self, t_s: float, grey: np.ndarray, camera: np.ndarray | None = None) -> None:
        """The frame at `t_s` (small_grey); `camera`: the camera's motion into it from the
        frame before (camera_path.py), when known."""
        size = (round(grey.shape[1] / SCALE), round(grey.shape[0] / SCALE))
        for key, reads in self._reads.items():
            start, end = self._spans[key]
            if not start - 0.001 <= t_s <= end + 0.001:
                self._followers[key] = None
                continue
            read = next((rect for t_read, rect in reads if abs(t_read - t_s) < 0.02), None)
            follower = self._followers.get(key)
            if read is not None:
                if abs(reads[0][0] - t_s) < 0.02:
                    self._back(key, read, (grey, camera), start, size)
                last = abs(reads[-1][0] - t_s) < 0.02
                follower = self._followers[key] = Follower(read, size, self._coast, last)
                self._seen[key][round(t_s, 3)] = (read, (0.0, 0.0))
            elif follower is not None and self._previous is not None:
                if follower.step(self._previous, grey, camera) is None or (
                        t_s > reads[-1][0] + self._plain_s and not follower.at_edge()):
                    self._followers[key] = None  # gone past its last read: not followed again
                else:
                    self._seen[key][round(t_s, 3)] = (follower.rect, follower.moved)
        self._recent.append((t_s, grey, camera))
        self._previous = grey

    def _back(self, key: str, rect: Rect, now: tuple[np.ndarray, np.ndarray | None],
              start: float, size: tuple[int, int]) -> None:
        """Follow the first read backwards through the frames before it, to where it came in."""
        follower, (later, into_later) = Follower(rect, size, self._coast, True), now
        plain = self._reads[key][0][0] - self._plain_s
        for t_s, earlier, into_earlier in reversed(self._recent):
            back = None if into_later is None else cv2.invertAffineTransform(into_later)
            if t_s < start - 0.001 or follower.step(later, earlier, back) is None or (
                    t_s < plain - 0.001 and not follower.at_edge()):
                break
            self._seen[key][round(t_s, 3)] = (follower.rect, follower.moved)
            later, into_later = earlier, into_earlier

    def at(self, key: str, t_s: float) -> Rect | None:
        seen = self._seen.get(key, {}).get(round(t_s, 3))
        return seen[0] if seen else None

    def motion(self, key: str, t_s: float) -> tuple[float, float]:
        """How far the box moved between this frame and its neighbour, px (0 if not followed)."""
        seen = self._seen.get(key, {}).get(round(t_s, 3))
        return (abs(seen[1][0]), abs(seen[1][1])) if seen else (0.0, 0.0)
