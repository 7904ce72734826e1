"""Barcodes and QR codes in a frame: wristbands, specimen labels, chart stickers.

zxing-cpp finds and decodes every common symbology (QR, Data Matrix, Code 128, Code 39, EAN...)
in one pass over the grey frame, and also names the QR codes it located but could not read
(blurred, taped over, at an angle): their three finder squares are found before the decoding
fails. OpenCV's barcode detector then looks for the bars zxing-cpp could not read at all. A
code that cannot be decoded is still reported, because a wristband's barcode carries the record
number whether we can read it or not.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import cv2
import numpy as np

from app.core.geometry import Rect, rects_meet

# One CodeReader is loaded per session and shared by every scan, and a cancelled scan's thread
# can still be reading frames when the next scan starts: OpenCV's detector objects keep state
# between calls and are not safe to call from two threads at once (the barcode detector crashed
# a test run inside detectMulti), so one OpenCV detection runs at a time
_OPENCV_LOCK = threading.Lock()


@dataclass(frozen=True)
class Code:
    kind: str  # "QR code", "Code 128", ...
    text: str | None  # None: found, not decoded
    x: int
    y: int
    w: int
    h: int


class CodeReader:
    def __init__(self) -> None:
        import zxingcpp

        self._zxing = zxingcpp
        self._barcode = cv2.barcode.BarcodeDetector()

    def find(self, frame_bgr: np.ndarray) -> list[Code]:
        gray = frame_bgr if frame_bgr.ndim == 2 else cv2.cvtColor(frame_bgr, cv2.COLOR_BGR2GRAY)
        codes: list[Code] = []
        # the codes read first, then those located but not read where no read code is
        results = self._zxing.read_barcodes(gray, return_errors=True)
        for result in sorted(results, key=lambda r: not r.valid):
            kind = _kind_name(result.format)
            if not result.valid and kind != "QR code":
                continue  # a Data Matrix's L-shaped edge is also found in hair and stripes
            position = result.position
            xs = [position.top_left.x, position.top_right.x, position.bottom_left.x,
                  position.bottom_right.x]
            ys = [position.top_left.y, position.top_right.y, position.bottom_left.y,
                  position.bottom_right.y]
            found = Code(kind, (result.text or None) if result.valid else None,
                         max(0, min(xs)), max(0, min(ys)), max(1, max(xs) - min(xs)),
                         max(1, max(ys) - min(ys)))
            if found.text is not None or not _meets_any(found, codes):
                codes.append(found)
        # OpenCV's QR finder found no QR code zxing-cpp did not also locate (docs/measurements,
        # 2026-12-05), at a third of the codes' time: it is not run
        for quad in self._barcode_points(gray):
            x0, y0 = (int(v) for v in quad.min(axis=0))
            x1, y1 = (int(v) for v in quad.max(axis=0))
            found = Code("barcode", None, max(0, x0), max(0, y0), max(1, x1 - x0),
                         max(1, y1 - y0))
            if not _meets_any(found, codes):
                codes.append(found)
        return codes

    def _barcode_points(self, frame: np.ndarray) -> list[np.ndarray]:
        with _OPENCV_LOCK:
            ok, points = self._barcode.detectMulti(frame)
        return [] if not ok or points is None else list(points.reshape(-1, 4, 2))


def _meets_any(code: Code, codes: list[Code]) -> bool:
    return any(rects_meet(_rect(code), _rect(c)) for c in codes)


def _kind_name(barcode_format: object) -> str:
    name = getattr(barcode_format, "name", str(barcode_format))
    return {"QRCode": "QR code", "MicroQRCode": "QR code", "DataMatrix": "Data Matrix code",
            "Code128": "Code 128 barcode", "Code39": "Code 39 barcode",
            "EAN13": "EAN-13 barcode", "EAN8": "EAN-8 barcode", "PDF417": "PDF417 code"}.get(
        name, f"{name} code")


def _rect(code: Code) -> Rect:
    return code.x, code.y, code.w, code.h
