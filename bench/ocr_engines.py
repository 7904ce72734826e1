"""Which OCR engine: speed per frame and share of the planted text read, on the same frames.

Run: `.venv/bin/python -m bench.ocr_engines`. Frames: a 30 s hand-held clip (bench.handheld,
1080×1920: a whiteboard, a chart on a screen, a wristband, captions, a swaying presenter), taken
every 1.5 s, and the real photos of ../shared/realdata/images (monitors, a poster, Presidio's
text images; speed only, as nobody labelled them). A planted text counts as read when its letters
and digits appear in what the engine read on a frame where it is in view. Prints a Markdown
table for models/README.md.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

import cv2

from bench.handheld import REALDATA, handheld_clip


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def frames_with_truth(folder: Path):
    truth = handheld_clip(folder / "ocr_bench.mp4", duration_s=30.0, fps=10, speech=False)
    capture = cv2.VideoCapture(truth.path)
    frames = []
    t = 0.75
    while t < truth.duration_s:
        capture.set(cv2.CAP_PROP_POS_MSEC, t * 1000)
        ok, frame = capture.read()
        if ok:
            visible = [p.text for p in truth.planted if p.source == "screen"
                       and p.start_s + 0.2 <= t <= p.end_s - 0.2]
            frames.append((frame, visible))
        t += 1.5
    capture.release()
    return frames


def photos():
    paths = sorted(p for p in (REALDATA / "images").rglob("*")
                   if p.suffix.lower() in (".jpg", ".png", ".tiff"))
    return [cv2.imread(str(p)) for p in paths]


def measure(name: str, read, frames, extra) -> tuple[str, float, float, int, int]:
    read(frames[0][0])  # warm up
    planted = found = 0
    started = time.perf_counter()
    for frame, visible in frames:
        text = _norm(" ".join(read(frame)))
        planted += len(visible)
        found += sum(_norm(v) in text for v in visible)
    clip_s = (time.perf_counter() - started) / len(frames)
    started = time.perf_counter()
    for image in extra:
        read(image)
    photo_s = (time.perf_counter() - started) / max(len(extra), 1)
    return name, clip_s, photo_s, found, planted


def main() -> int:
    from app.core.picture.ocr import EasyOcrEngine
    from app.core.picture.ppocr import PpOcrEngine

    with tempfile.TemporaryDirectory() as tmp:
        frames = frames_with_truth(Path(tmp))
    extra = photos()
    pp = PpOcrEngine()
    easy = EasyOcrEngine()

    def ppocr(side):
        def read(frame):
            quads = pp.detect(frame, min(1.0, side / max(frame.shape[:2])))
            return [t for t, _ in pp.recognise(frame, quads)]
        return read

    def mixed(frame):  # PP-OCR finds the lines, EasyOCR reads them
        return [t for t, _ in easy.recognise(frame, pp.detect(frame))]

    rows = [measure("PP-OCRv4 det (640 px) + rec, ONNX Runtime", ppocr(640), frames, extra),
            measure("PP-OCRv4 det (1280 px) + rec, ONNX Runtime", ppocr(1280), frames, extra),
            measure("EasyOCR 1.7 (CRAFT at 1280 px + english_g2), torch",
                    lambda frame: [p.text for p in easy.read(frame)], frames, extra),
            measure("PP-OCRv4 det (640 px) + EasyOCR english_g2", mixed, frames, extra)]
    print("| engine | s / 1080×1920 frame | s / real photo | planted text read |")
    print("|---|---:|---:|---:|")
    for name, clip_s, photo_s, found, planted in rows:
        print(f"| {name} | {clip_s:.2f} | {photo_s:.2f} | {found}/{planted} "
              f"({found / max(planted, 1):.0%}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
