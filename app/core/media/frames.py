"""Small grey thumbnails of frames, and which blocks of them changed.

Comparing thumbnails per block is cheap and blind to sensor noise; motion.py compares each
sample with the previous one moved by the camera's motion, so the text detector looks only where
something really changed.
"""

from __future__ import annotations

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
    changed: np.ndarray = share > BLOCK_FRACTION
    return changed
