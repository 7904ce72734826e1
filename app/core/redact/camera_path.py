"""How the camera moved from frame to frame over the stretches a redaction covers.

The scan reads a text every sample; a redacted copy must cover it in every frame. A first pass
over the clip fits the camera's motion between consecutive frames (the scan's own estimator:
ORB corners on thumbnails, RANSAC, phase correlation as the fallback) inside each stretch to be
redacted, and chains the maps, so a box read at one moment can be carried to any other frame of
the same stretch.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Generator
from pathlib import Path

import cv2
import numpy as np

from app.core.media.frames import thumbnail
from app.core.media.video import iter_frames
from app.core.picture.motion import IDENTITY, MotionEstimator, compose, move_rect
from app.core.timecode import joined


class CameraPath:
    """For each frame of each stretch, the map from the stretch's first frame to it."""

    def __init__(self) -> None:
        self._times: list[float] = []
        self._maps: list[np.ndarray] = []
        self._stretch: list[int] = []

    def add(self, t_s: float, step: np.ndarray, stretch: int) -> None:
        """The frame at `t_s`, reached from the stretch's previous frame by `step`."""
        if self._stretch and self._stretch[-1] == stretch:
            self._maps.append(compose(self._maps[-1], step))
        else:
            self._maps.append(IDENTITY.copy())
        self._times.append(t_s)
        self._stretch.append(stretch)

    def carry(self, rect: tuple[int, int, int, int], from_s: float, to_s: float
              ) -> tuple[int, int, int, int] | None:
        """Where `rect`, seen at `from_s`, is at `to_s` by the camera's motion (None when the
        two times are not in one followed stretch)."""
        a, b = self._nearest(from_s), self._nearest(to_s)
        if a is None or b is None or self._stretch[a] != self._stretch[b]:
            return None
        back = cv2.invertAffineTransform(self._maps[a])
        return move_rect(rect, compose(back, self._maps[b]))

    def _nearest(self, t_s: float) -> int | None:
        if not self._times:
            return None
        i = bisect.bisect_left(self._times, t_s)
        near = [j for j in (i - 1, i) if 0 <= j < len(self._times)]
        best = min(near, key=lambda j: abs(self._times[j] - t_s))
        return best if abs(self._times[best] - t_s) < 0.05 else None


def stretches(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The spans merged where they meet or overlap."""
    return joined(spans, 0.05)


def follow_camera(video: Path, spans: list[tuple[float, float]], duration_s: float,
                  also: Callable[[float, np.ndarray, np.ndarray], None] | None = None
                  ) -> Generator[float, None, CameraPath]:
    """Fit the motion between consecutive frames of `video` inside `spans`, yielding the share
    of the clip done now and then (frames outside every span are decoded, never converted to
    pixels). `also(t, frame, step)` is handed each frame inside, with the motion into it from the
    frame before (identity for a stretch's first)."""
    path = CameraPath()
    joined = stretches(spans)
    estimator, current = MotionEstimator(), -1
    frames = iter_frames(video, lambda t: _stretch_of(joined, t) is not None)
    for count, (t_s, frame) in enumerate(frames):
        if count % 30 == 0:
            yield min(1.0, t_s / max(duration_s, 1e-3))
        index = _stretch_of(joined, t_s)
        if index is None or frame is None:
            continue
        if index != current:
            estimator, current = MotionEstimator(), index
        thumb = thumbnail(frame)
        step = estimator.follow(thumb, thumb.shape[1] / frame.shape[1])
        if also is not None:
            also(t_s, frame, step)
        path.add(t_s, step, index)
    return path


def _stretch_of(joined: list[tuple[float, float]], t_s: float) -> int | None:
    for index, (start, end) in enumerate(joined):
        if start - 0.001 <= t_s <= end + 0.001:
            return index
    return None
