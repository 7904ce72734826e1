"""How long a scan of a 60 s vertical 1080×1920 clip takes here, split by stage.

Run: `.venv/bin/python -m bench.speed`. The clip (made by bench.clips): a caption that changes
every 5 s (a third of them identifiers), a fixed title, and speech every few seconds. Prints a
Markdown table for the README, with the floor (decode every frame + transcribe), a naive
baseline (OCR one full frame a second), peak memory, and a 10-minute clip of the same content
(`--long-minutes=N` to change, 0 to skip; `--no-baseline` skips the slow baseline).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.clips import Caption, Utterance, make_clip

CAPTIONS = [
    ("Night shift: what I eat", None), ("Patient: Margaret Olson", "name"),
    ("Hydrate every hour", None), ("MRN 00482913", "id"), ("Stretch on your break", None),
    ("DOB 03/14/1951", "date"), ("Sleep before 9 am", None), ("Room 412 Bed B", "location"),
    ("Pack a real lunch", None), ("Call 617-555-0142", "phone"), ("Walk at the end", None),
    ("See you next week", None),
]
SENTENCES = [
    "Here is what a night shift looks like for me.",
    "My patient Mr Fischer is in room 12.",
    "I drink water every hour.",
    "Her daughter Anika Patel visited today.",
    "Take your breaks and stretch.",
    "Thanks for watching, see you next week.",
]


def make_60s_clip(path: Path):
    captions = [Caption("ClearToPost speed bench", 0, 60, 200, 120, size=56)]
    for index, (text, category) in enumerate(CAPTIONS):
        start = index * 5.0
        captions.append(Caption(text, start, start + 5.0, 120, 700 + 90 * (index % 4), size=64,
                                category=category))
    utterances = [Utterance(text, 1.0 + index * 10.0) for index, text in enumerate(SENTENCES)]
    return make_clip(path, width=1080, height=1920, duration_s=60.0, fps=30, captions=captions,
                     utterances=utterances)


def scan_timed(clip: Path, engines) -> tuple[object, float, float | None]:
    from app.core.pipeline import analyze

    started = time.perf_counter()
    first_finding_s = None
    scan = analyze(clip, engines=engines)
    while True:
        try:
            progress = next(scan)
        except StopIteration as stop:
            return stop.value, time.perf_counter() - started, first_finding_s
        if progress.findings and first_finding_s is None:
            first_finding_s = time.perf_counter() - started


def floor_s(clip: Path, engines) -> tuple[float, float]:
    """The least any scan must spend: decode every frame, and transcribe the sound."""
    import cv2

    started = time.perf_counter()
    capture = cv2.VideoCapture(str(clip))
    while capture.grab():
        capture.retrieve()
    capture.release()
    decode = time.perf_counter() - started
    started = time.perf_counter()
    for _ in engines.transcriber.transcribe(clip, 60.0):
        pass  # the generator yields progress; running it through is the work
    return decode, time.perf_counter() - started


def baseline_s(clip: Path, engines) -> tuple[float, int]:
    """A naive scan: OCR one whole frame a second and run the detectors on every line."""
    from app.core.media import iter_samples
    from app.core.ocr import group_into_lines

    started = time.perf_counter()
    found = 0
    for t_s, frame in iter_samples(clip, 1.0):
        for line in group_into_lines(engines.ocr.read(frame), t_s):
            found += bool(engines.detector.detect(line.text))
    return time.perf_counter() - started, found


def long_clip(path: Path, minutes: int):
    """`minutes` of the 60 s clip's content, repeated (captions and speech every few seconds)."""
    captions = [Caption("ClearToPost speed bench", 0, 60 * minutes, 200, 120, size=56)]
    utterances = []
    for minute in range(minutes):
        for index, (text, category) in enumerate(CAPTIONS):
            start = minute * 60 + index * 5.0
            captions.append(Caption(text, start, start + 5.0, 120, 700 + 90 * (index % 4),
                                    size=64, category=category))
        utterances += [Utterance(text, minute * 60 + 1.0 + index * 10.0)
                       for index, text in enumerate(SENTENCES)]
    return make_clip(path, width=1080, height=1920, duration_s=60.0 * minutes, fps=30,
                     captions=captions, utterances=utterances)


def main() -> None:
    import resource
    import sys

    from app.core.models import ScanOptions
    from app.core.pipeline import Engines

    long_minutes = 10
    for arg in sys.argv[1:]:
        if arg.startswith("--long-minutes="):
            long_minutes = int(arg.split("=", 1)[1])
    with tempfile.TemporaryDirectory() as tmp:
        clip = Path(tmp) / "speed60.mp4"
        make_60s_clip(clip)
        load_started = time.perf_counter()
        engines = Engines.load(ScanOptions())
        load_s = time.perf_counter() - load_started
        result, total_s, first_finding_s = scan_timed(clip, engines)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        decode_s, transcribe_s = floor_s(clip, engines)
        naive_s, naive_lines = baseline_s(clip, engines) if "--no-baseline" not in sys.argv else (
            float("nan"), 0)
        long_total = None
        if long_minutes:
            long_path = Path(tmp) / "long.mp4"
            long_clip(long_path, long_minutes)
            _, long_total, _ = scan_timed(long_path, engines)
    timings = result.timings_s
    print("| 60 s 1080×1920 clip, 2 cores | seconds |")
    print("|---|---|")
    print(f"| model load (once per session) | {load_s:.1f} |")
    print(f"| probe + hash | {timings.get('probe', 0):.1f} |")
    print(f"| speech (transcribe + detect) | {timings.get('speech', 0):.1f} |")
    print(f"| screen (decode + select + OCR + detect) | {timings.get('screen', 0):.1f} |")
    print(f"| of which OCR, {result.coverage.frames_read} frames read of "
          f"{result.coverage.frames_sampled} sampled | {timings.get('ocr', 0):.1f} |")
    print(f"| of which faces (every 0.5 s) | {timings.get('faces', 0):.1f} |")
    print(f"| of which barcodes / QR codes (frames read) | {timings.get('codes', 0):.1f} |")
    print(f"| of which monitor and board looks (frames read) | {timings.get('scene', 0):.1f} |")
    added = timings.get("faces", 0) + timings.get("codes", 0) + timings.get("scene", 0)
    print(f"| faces + codes + looks as a share of the rest of the scan | "
          f"{100 * added / max(total_s - added, 1e-9):.0f}% |")
    print(f"| **total scan** | **{total_s:.1f}** |")
    print(f"| time to first finding | {first_finding_s or float('nan'):.1f} |")
    print(f"| findings | {len(result.findings)} |")
    print(f"| peak memory of the process (models loaded) | {peak_mb:.0f} MB |")
    floor = decode_s + transcribe_s
    print(f"| floor: decode every frame {decode_s:.1f} s + transcribe {transcribe_s:.1f} s | "
          f"{floor:.1f} |")
    print(f"| naive baseline: OCR one full frame a second ({naive_lines} lines flagged) | "
          f"{naive_s:.1f} |")
    print(f"| scan / floor | {total_s / floor:.1f}× |")
    print(f"| baseline / scan | {naive_s / total_s:.1f}× |")
    if long_total is not None:
        print(f"| {long_minutes}-minute clip, same content repeated: total scan | "
              f"{long_total:.1f} ({long_total / long_minutes:.1f} per minute) |")


if __name__ == "__main__":
    main()
