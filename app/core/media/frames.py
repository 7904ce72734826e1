"""Small grey thumbnails of frames, and which blocks of them changed.

Comparing thumbnails per block is cheap and blind to sensor noise; motion.py compares each
sample with the previous one moved by the camera's motion, so the text detector looks only where
something really changed. `ChangeHistory` lets a tracker look back to the sample where a region
changed (the picture stage looks at every sample, so its history is empty).
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
