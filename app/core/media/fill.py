"""Painting a rectangle of a frame over with one colour from around it, with a faint fixed
grain, so that no pixel of it depends on what was inside (the redacted copy's text covers, its
face ellipses, the masked review PDF's thumbnails).

A mosaic, even a smoothed one, keeps how much ink each stretch of a line holds, and rendering
candidate strings in the same font, pixelating them the same way and comparing finds the true
one (issue 27: an MRN ranked 1st of 1,000); against a fill every candidate is equally close.
"""

from __future__ import annotations

import functools

import cv2
import numpy as np

from app.core.geometry import Rect

RING_PX = 4  # the width of the ring outside the rectangle whose median colour fills it
GRAIN = 3.0  # grey levels of the fill's grain (a fixed pattern: it depends on nothing shown)
GRAIN_CELL = 4  # the grain's coarseness in pixels (fine grain costs the encoder bits)
_SEED = 27
TILE_STEP = 1024  # the grain is worked out for sizes rounded up to this, and cut to each box

def fill_rect(frame: np.ndarray, rect: Rect) -> None:
    """Paint `rect` of `frame` in place with the colour of the ring around it, grained."""
    x, y, w, h = rect
    if w <= 0 or h <= 0:
        return
    region = frame[y:y + h, x:x + w]
    region[:] = fill(ring_colour(frame, rect), region.shape)


def ring_colour(frame: np.ndarray, rect: Rect) -> np.ndarray:
    """The median colour of the ring just outside `rect` (inside the frame): the surface the
    text sits on. When the rectangle fills the frame there is no ring: its own median then
    (the background, as long as the ink is under half of it)."""
    x, y, w, h = rect
    height, width = frame.shape[:2]
    x0, y0 = max(0, x - RING_PX), max(0, y - RING_PX)
    x1, y1 = min(width, x + w + RING_PX), min(height, y + h + RING_PX)
    strips = (frame[y0:y, x0:x1], frame[y + h:y1, x0:x1],  # above, below
              frame[y:y + h, x0:x], frame[y:y + h, x + w:x1])  # left, right
    ring = np.concatenate([s.reshape(-1, frame.shape[2]) for s in strips])
    if len(ring) < 2 * RING_PX:
        return median(frame[y:y + h, x:x + w])
    colour: np.ndarray = np.median(ring, axis=0)
    return colour


def median(region: np.ndarray) -> np.ndarray:
    colour: np.ndarray = np.median(region.reshape(-1, region.shape[-1]), axis=0)
    return colour


def fill(colour: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """`colour` over `shape` with the fixed grain, saturating at 0 and 255: one table look-up
    per pixel (the colour plus each grain level, worked out once per fill), the same pixels as
    adding and subtracting the grain, in a third of the time (the copy draws ten thousand)."""
    levels = np.arange(256, dtype=np.int16)[:, None] - _ZERO
    table = np.clip(levels + np.round(np.asarray(colour, np.float64)).astype(np.int16)[None, :],
                    0, 255).astype(np.uint8)
    grain = _grain(shape[0], shape[1], shape[2])
    return cv2.LUT(grain, table.reshape(256, 1, shape[2]) if shape[2] > 1 else table[:, 0])


_ZERO = 128  # the grain's level that adds nothing


def _grain(h: int, w: int, channels: int) -> np.ndarray:
    """The fixed grain of an h × w fill, as levels around _ZERO: the top left of one large
    pattern worked out once (a followed box changes its size from frame to frame, so a
    pattern per size was worked out again for nearly every cover: two thirds of the time the
    copy took to draw)."""
    tile = _grain_tile(-(-h // TILE_STEP) * TILE_STEP, -(-w // TILE_STEP) * TILE_STEP, channels)
    return tile[:h, :w]


@functools.lru_cache(maxsize=8)
def _grain_tile(h: int, w: int, channels: int) -> np.ndarray:
    rng = np.random.default_rng(_SEED)
    coarse = rng.normal(0.0, GRAIN, (h // GRAIN_CELL + 2, w // GRAIN_CELL + 2)).astype(np.float32)
    grain = cv2.resize(coarse, None, fx=GRAIN_CELL, fy=GRAIN_CELL,
                       interpolation=cv2.INTER_LINEAR)[:h, :w]
    grain = np.repeat(np.round(grain)[:, :, None], channels, axis=2)
    return np.clip(grain + _ZERO, 0, 255).astype(np.uint8)
