"""Choosing which frames to read: every visual change gets read, unchanged frames never twice.

OCR costs seconds a frame (FACTS.md), so we sample the video a few times a second, compare each
sample with the last frame that was read, and read again only where some part of the picture
changed. The comparison is per block of a small grey thumbnail, so a name tag appearing in a
corner counts as much as a cut to a new scene.

The per-sample change maps between two reads are kept, so that when a text first shows up in a
read we can look back and find the sample where its region changed: that is when it appeared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

THUMB_LONG_SIDE = 480
BLOCK = 12  # thumbnail pixels per block side
PIXEL_THRESHOLD = 28  # grey levels a thumbnail pixel must move to count as changed
BLOCK_FRACTION = 0.04  # share of a block's pixels that must change for the block to count


def thumbnail(frame_bgr: np.ndarray) -> np.ndarray:
    """Small, slightly blurred grey copy of a frame: cheap to compare, blind to sensor noise."""
    height, width = frame_bgr.shape[:2]
    scale = THUMB_LONG_SIDE / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    grey = cv2.cvtColor(frame_bgr, cv2.COLOR_BGR2GRAY)
    small = cv2.resize(grey, size, interpolation=cv2.INTER_AREA)
    return cv2.GaussianBlur(small, (3, 3), 0)


def changed_blocks(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Boolean grid, True where a block of the thumbnail changed between two thumbnails."""
    moved = (cv2.absdiff(before, after) > PIXEL_THRESHOLD).astype(np.float32)
    rows = -(-moved.shape[0] // BLOCK)
    cols = -(-moved.shape[1] // BLOCK)
    padded = np.zeros((rows * BLOCK, cols * BLOCK), np.float32)
    padded[: moved.shape[0], : moved.shape[1]] = moved
    share = padded.reshape(rows, BLOCK, cols, BLOCK).mean(axis=(1, 3))
    return share > BLOCK_FRACTION


@dataclass
class ChangeHistory:
    """Which blocks changed at each sample between two reads, to date when a text came or went.

    `scale` maps frame pixels to thumbnail pixels.
    """

    scale: float
    samples: list[tuple[float, np.ndarray]] = field(default_factory=list)

    def first_change(self, x: int, y: int, w: int, h: int) -> float | None:
        """Time of the first sample whose blocks under the frame rectangle changed, if any."""
        col0 = int(x * self.scale) // BLOCK
        row0 = int(y * self.scale) // BLOCK
        col1 = int((x + w) * self.scale) // BLOCK
        row1 = int((y + h) * self.scale) // BLOCK
        for t, mask in self.samples:
            if mask[row0 : row1 + 1, col0 : col1 + 1].any():
                return t
        return None


@dataclass(frozen=True)
class FrameToRead:
    """A frame the selector chose, with the change history since the previous read.

    `changed` is the block grid of what differs from the previous frame read (None for the
    first read, when everything is new); `scale` maps frame pixels to thumbnail pixels.
    """

    t_s: float
    frame: np.ndarray
    history: ChangeHistory
    changed: np.ndarray | None = None

    def changed_rects(self, margin_px: int = 12) -> list[tuple[int, int, int, int]] | None:
        """Frame rectangles (x, y, w, h) around each changed area; None if all is new."""
        if self.changed is None:
            return None
        return rects_of(self.changed, self.history.scale, self.frame.shape, margin_px)


def rects_of(
    mask: np.ndarray, scale: float, frame_shape: tuple[int, ...], margin_px: int
) -> list[tuple[int, int, int, int]]:
    """Bounding rectangles, in frame pixels, of the connected areas of a block grid."""
    if not mask.any():
        return []
    grown = cv2.dilate(mask.astype(np.uint8), np.ones((3, 3), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
    height, width = frame_shape[:2]
    rects = []
    for col, row, cols, rows, _ in stats[1:count]:
        x0 = max(0, int(col * BLOCK / scale) - margin_px)
        y0 = max(0, int(row * BLOCK / scale) - margin_px)
        x1 = min(width, int((col + cols) * BLOCK / scale) + margin_px)
        y1 = min(height, int((row + rows) * BLOCK / scale) + margin_px)
        rects.append((x0, y0, x1 - x0, y1 - y0))
    return rects


class FrameSelector:
    """Decides, sample by sample, which frames to read.

    A frame is read when it is the first, or when any block differs from the last frame read
    and at least `min_interval_s` has passed since that read (a change seen earlier waits for
    that moment). `flush()` reads the final sample if a change is still waiting.
    """

    def __init__(self, min_interval_s: float) -> None:
        self.min_interval_s = min_interval_s
        self.samples_seen = 0
        self._last_read_t: float | None = None
        self._last_read_thumb: np.ndarray | None = None
        self._prev_thumb: np.ndarray | None = None
        self._pending = False
        self._history: ChangeHistory | None = None
        self._last_sample: tuple[float, np.ndarray, np.ndarray] | None = None

    def offer(self, t_s: float, frame: np.ndarray) -> FrameToRead | None:
        """Consider one sample; return it as a FrameToRead when it should be read."""
        self.samples_seen += 1
        thumb = thumbnail(frame)
        self._last_sample = (t_s, frame, thumb)
        if self._last_read_thumb is None or self._last_read_thumb.shape != thumb.shape:
            scale = thumb.shape[1] / frame.shape[1]
            self._history = ChangeHistory(scale)
            return self._read(t_s, frame, thumb)
        assert self._history is not None and self._prev_thumb is not None
        self._history.samples.append((t_s, changed_blocks(self._prev_thumb, thumb)))
        self._prev_thumb = thumb
        if not self._pending:
            self._pending = bool(changed_blocks(self._last_read_thumb, thumb).any())
        assert self._last_read_t is not None
        if self._pending and t_s - self._last_read_t >= self.min_interval_s - 1e-6:
            return self._read(t_s, frame, thumb)
        return None

    def flush(self) -> FrameToRead | None:
        """The last sample, if a change after the last read was never read."""
        if self._pending and self._last_sample is not None:
            t_s, frame, thumb = self._last_sample
            return self._read(t_s, frame, thumb)
        return None

    def _read(self, t_s: float, frame: np.ndarray, thumb: np.ndarray) -> FrameToRead:
        assert self._history is not None
        last = self._last_read_thumb
        same_shape = last is not None and last.shape == thumb.shape
        changed = changed_blocks(last, thumb) if same_shape else None
        chosen = FrameToRead(t_s, frame, self._history, changed)
        self._history = ChangeHistory(self._history.scale)
        self._last_read_t = t_s
        self._last_read_thumb = thumb
        self._prev_thumb = thumb
        self._pending = False
        return chosen
