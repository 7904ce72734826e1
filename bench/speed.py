"""How long a scan of a 60 s vertical 1080×1920 clip takes here, split by stage.

Run: `.venv/bin/python -m bench.speed`. The clip (made by bench.clips): a caption that changes
every 5 s (a third of them identifiers), a fixed title, and speech every few seconds. Prints a
Markdown table for the README. (The fuller speed bench — floor, naive baseline, 10-minute clip —
is its own issue.)
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


def main() -> None:
    from app.core.models import ScanOptions
    from app.core.pipeline import Engines, analyze

    with tempfile.TemporaryDirectory() as tmp:
        clip = Path(tmp) / "speed60.mp4"
        make_60s_clip(clip)
        load_started = time.perf_counter()
        engines = Engines.load(ScanOptions())
        load_s = time.perf_counter() - load_started
        started = time.perf_counter()
        first_finding_s = None
        scan = analyze(clip, engines=engines)
        while True:
            try:
                progress = next(scan)
            except StopIteration as stop:
                result = stop.value
                break
            if progress.findings and first_finding_s is None:
                first_finding_s = time.perf_counter() - started
        total_s = time.perf_counter() - started
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
    added = timings.get("faces", 0) + timings.get("codes", 0)
    print(f"| faces + codes as a share of the rest of the scan | "
          f"{100 * added / max(total_s - added, 1e-9):.0f}% |")
    print(f"| **total scan** | **{total_s:.1f}** |")
    print(f"| time to first finding | {first_finding_s or float('nan'):.1f} |")
    print(f"| findings | {len(result.findings)} |")


if __name__ == "__main__":
    main()
