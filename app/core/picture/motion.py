"""How the camera moved between two samples: one similarity transform for the whole picture.

A phone held in one hand shakes, pans, turns and zooms, so the same text sits somewhere else in
every sample. ORB corners on small grey thumbnails are matched between two samples and a
rotation + scale + shift is fitted with RANSAC, so that a presenter moving in front of the
background (outliers) does not pull the estimate; when too few corners match (a flat wall), phase
correlation gives the shift alone, and a weak peak means "no motion known" (identity).
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
from cv2.typing import MatLike

from app.core.media.frames import changed_blocks

MIN_INLIERS = 12
IDENTITY = np.array([[1, 0, 0], [0, 1, 0]], np.float32)
# a thumbnail, its ORB corners and their descriptors (None when it has no corners)
Corners = tuple[np.ndarray, Sequence[cv2.KeyPoint], MatLike | None]


class MotionEstimator:
    """Feed it each sample's thumbnail; it returns the map from the previous sample's frame
    pixels to this one's (`scale` is thumbnail pixels per frame pixel)."""

    def __init__(self) -> None:
        self._orb = cv2.ORB.create(nfeatures=400, fastThreshold=12)
        self._matcher = cv2.BFMatcher(cv2.NORM_HAMMING, crossCheck=True)
        self._previous: Corners | None = None

    def update(self, thumb: np.ndarray, scale: float
               ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray] | None]:
        """The map in frame pixels, and the blocks of the thumbnail that changed once that
        motion is taken away and those that came into view (None for the first sample)."""
        step = self._step(thumb)
        if step is None:
            return IDENTITY.copy(), None
        previous, in_thumb = step
        return to_frame(in_thumb, scale), changed_after_motion(previous, thumb, in_thumb)

    def follow(self, thumb: np.ndarray, scale: float) -> np.ndarray:
        """Only the map in frame pixels (identity for the first): for following a box from
        frame to frame, where what changed does not matter."""
        step = self._step(thumb)
        return IDENTITY.copy() if step is None else to_frame(step[1], scale)

    def _step(self, thumb: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """The previous thumbnail and the map in thumbnail pixels (None for the first, or
        after a change of size)."""
        keypoints, descriptors = self._orb.detectAndCompute(thumb, None)
        previous, self._previous = self._previous, (thumb, keypoints, descriptors)
        if previous is None or previous[0].shape != thumb.shape:
            return None
        return previous[0], _fit(previous, (thumb, keypoints, descriptors), self._matcher)


def changed_after_motion(before: np.ndarray, after: np.ndarray, m: np.ndarray
                         ) -> tuple[np.ndarray, np.ndarray]:
    """Blocks of `after` that differ from `before` moved by `m` (both thumbnails); what came
    into view from outside the earlier picture counts as changed."""
    size = after.shape[::-1]
    moved = cv2.warpAffine(before, m, size, flags=cv2.INTER_LINEAR,
                           borderMode=cv2.BORDER_REPLICATE)
    inside = cv2.warpAffine(np.full(before.shape, 255, np.uint8), m, size,
                            flags=cv2.INTER_NEAREST, borderValue=0)
    # a pixel changed only if it lies outside what the moved picture shows within a pixel of
    # it: the fit is good to about a pixel, and sharp text edges must not count as changes
    kernel = np.ones((3, 3), np.uint8)
    low, high = cv2.erode(moved, kernel), cv2.dilate(moved, kernel)
    outside = np.maximum(cv2.subtract(low, after), cv2.subtract(after, high))
    changed = changed_blocks(np.zeros_like(outside), outside)
    unseen = changed_blocks(inside, np.full_like(inside, 255))
    return changed, unseen


def _fit(before: Corners, after: Corners, matcher: cv2.BFMatcher) -> np.ndarray:
    thumb0, points0, desc0 = before
    thumb1, points1, desc1 = after
    if desc0 is not None and desc1 is not None and len(points0) >= MIN_INLIERS and len(
            points1) >= MIN_INLIERS:
        matches = matcher.match(desc0, desc1)
        if len(matches) >= MIN_INLIERS:
            src = np.array([points0[m.queryIdx].pt for m in matches], np.float32)
            dst = np.array([points1[m.trainIdx].pt for m in matches], np.float32)
            found, inliers = cv2.estimateAffinePartial2D(src, dst, method=cv2.RANSAC,
                                                         ransacReprojThreshold=2.0)
            if found is not None and int(inliers.sum()) >= MIN_INLIERS:
                return found.astype(np.float32)
    window = cv2.createHanningWindow(thumb0.shape[::-1], cv2.CV_32F)
    (dx, dy), response = cv2.phaseCorrelate(thumb0.astype(np.float32),
                                            thumb1.astype(np.float32), window)
    if response < 0.1:
        return IDENTITY.copy()
    return np.array([[1, 0, dx], [0, 1, dy]], np.float32)


def to_frame(in_thumb: np.ndarray, scale: float) -> np.ndarray:
    """A thumbnail-pixel map expressed in frame pixels."""
    m = in_thumb.astype(np.float32).copy()
    m[:, 2] /= scale
    return m


def move_quad(quad: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Where the corners of `quad` go under the map `m`."""
    moved: np.ndarray = cv2.transform(np.asarray(quad, np.float32)[None], m)[0]
    return moved


def move_rect(rect: tuple[int, int, int, int], m: np.ndarray) -> tuple[int, int, int, int]:
    """The upright rectangle (x, y, w, h) around where `rect` goes under `m`, in whole pixels
    (not clipped to the frame: callers clip as they need)."""
    x, y, w, h = rect
    quad = move_quad(np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], np.float32), m)
    x0, y0 = int(quad[:, 0].min()), int(quad[:, 1].min())
    return x0, y0, int(quad[:, 0].max()) - x0, int(quad[:, 1].max()) - y0


def compose(first: np.ndarray, then: np.ndarray) -> np.ndarray:
    """The map of `first` followed by `then`."""
    a = np.vstack([first, [0, 0, 1]])
    b = np.vstack([then, [0, 0, 1]])
    both: np.ndarray = (b @ a)[:2].astype(np.float32)
    return both


def changed_regions(changed: np.ndarray, unseen: np.ndarray, scale: float,
                    frame_shape: tuple[int, ...]) -> list[tuple[int, int, int, int]]:
    """Where to look for new text: bands across the changed blocks, and the strips along the
    edges that came into view (a band for the top or bottom, a column for a side)."""
    from app.core.media.frames import BLOCK

    height, width = frame_shape[:2]
    rows = unseen.mean(axis=1) > 0.5
    cols = unseen.mean(axis=0) > 0.5
    regions = changed_bands(changed | (unseen & rows[:, None]), scale, frame_shape)
    half = len(cols) // 2
    margin = 48
    if cols[:half].any():
        right = int((np.flatnonzero(cols[:half]).max() + 1) * BLOCK / scale) + margin
        regions.append((0, 0, min(width, right), height))
    if cols[half:].any():
        left = max(0, int((half + np.flatnonzero(cols[half:]).min()) * BLOCK / scale) - margin)
        regions.append((left, 0, width - left, height))
    return regions


def changed_bands(blocks: np.ndarray, scale: float, frame_shape: tuple[int, ...],
                  margin_px: int = 48) -> list[tuple[int, int, int, int]]:
    """Full-width bands of the frame that hold every changed block, padded by `margin_px`
    above and below (bands that meet are one). Text lines run across, so a band never cuts a
    line in two sideways; one that starts at a band's edge is caught by the margin."""
    from app.core.media.frames import BLOCK

    height, width = frame_shape[:2]
    rows = np.flatnonzero(blocks.any(axis=1))
    bands: list[list[int]] = []
    for row in rows:
        y0 = max(0, int(row * BLOCK / scale) - margin_px)
        y1 = min(height, int((row + 1) * BLOCK / scale) + margin_px)
        if bands and y0 <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], y1)
        else:
            bands.append([y0, y1])
    return [(0, y0, width, y1 - y0) for y0, y1 in bands]
