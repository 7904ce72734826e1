"""Barcodes and QR codes in a frame: wristbands, specimen labels, chart stickers.

zxing-cpp finds and decodes every common symbology (QR, Data Matrix, Code 128, Code 39, EAN...)
in one pass. OpenCV's QR and barcode detectors then look for codes zxing-cpp found but could not
read (blurred, at an angle, half covered): a code that cannot be decoded is still reported,
because a wristband's barcode carries the record number whether we can read it or not.
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
        self._qr = cv2.QRCodeDetector()
        self._barcode = cv2.barcode.BarcodeDetector()

    def find(self, frame_bgr: np.ndarray) -> list[Code]:
        codes = []
        for result in self._zxing.read_barcodes(frame_bgr):
            position = result.position
            xs = [position.top_left.x, position.top_right.x, position.bottom_left.x,
                  position.bottom_right.x]
            ys = [position.top_left.y, position.top_right.y, position.bottom_left.y,
                  position.bottom_right.y]
            codes.append(Code(_kind_name(result.format), result.text or None, min(xs), min(ys),
                              max(1, max(xs) - min(xs)), max(1, max(ys) - min(ys))))
        for kind, points in (("QR code", self._qr_points(frame_bgr)),
                             ("barcode", self._barcode_points(frame_bgr))):
            for quad in points:
                x0, y0 = (int(v) for v in quad.min(axis=0))
                x1, y1 = (int(v) for v in quad.max(axis=0))
                found = Code(kind, None, max(0, x0), max(0, y0), max(1, x1 - x0), max(1, y1 - y0))
                if not any(rects_meet(_rect(found), _rect(c)) for c in codes):
                    codes.append(found)
        return codes

    def _qr_points(self, frame: np.ndarray) -> list[np.ndarray]:
        # OpenCV's QR finder is the slowest step; on a large frame it looks at half size
        # (a wristband's modules are still 2 px or more), and zxing reads the full frame
        shrink = 2 if max(frame.shape[:2]) > 1280 else 1
        small = frame if shrink == 1 else cv2.resize(frame, None, fx=0.5, fy=0.5,
                                                     interpolation=cv2.INTER_AREA)
        with _OPENCV_LOCK:
            ok, points = self._qr.detectMulti(small)
        return [] if not ok or points is None else list(points.reshape(-1, 4, 2) * shrink)

    def _barcode_points(self, frame: np.ndarray) -> list[np.ndarray]:
        with _OPENCV_LOCK:
            ok, points = self._barcode.detectMulti(frame)
        return [] if not ok or points is None else list(points.reshape(-1, 4, 2))


def _kind_name(barcode_format: object) -> str:
    name = getattr(barcode_format, "name", str(barcode_format))
    return {"QRCode": "QR code", "MicroQRCode": "QR code", "DataMatrix": "Data Matrix code",
            "Code128": "Code 128 barcode", "Code39": "Code 39 barcode",
            "EAN13": "EAN-13 barcode", "EAN8": "EAN-8 barcode", "PDF417": "PDF417 code"}.get(
        name, f"{name} code")


def _rect(code: Code) -> Rect:
    return code.x, code.y, code.w, code.h
