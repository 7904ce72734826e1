"""How long a scan of a 60 s vertical 1080×1920 clip takes here, split by stage.

Run: `.venv/bin/python -m bench.speed`. Two clips, one column each:
- **hand-held** (the headline; bench.handheld): a presenter who sways the whole time, a phone
  held in one hand (shake of tens of pixels at 1–6 Hz, slow pans, ±2° tilt, ±5% zoom), a ward
  whiteboard, a chart on a screen with a live ECG and a wristband with a QR code panned into
  view and out again, captions that come and go, speech throughout;
- **still** (bench.clips): a still background, a caption that changes every 5 s (a third of them
  identifiers), a fixed title, and speech every few seconds.
Prints a Markdown table for docs/measurements.md with the stages, time to first finding,
findings, peak memory and the floor (decode every frame + transcribe). `--baseline` adds a naive
scan (OCR one full frame a second, slow); `--long-minutes=N` adds an N-minute hand-held clip
(linear time?); `--redact` adds `cleartopost redact --include-open` of the hand-held clip as a
user runs it (a new process, models loaded): first with no saved scan (it scans, then makes the
copy), then again with the scan the first run saved (where the version saves one).
"""

from __future__ import annotations

import os
import subprocess
import sys
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


def scan_timed(clip: Path, engines) -> tuple[object, float, tuple[float | None, float | None]]:
    """The result, the time it took, and when the first flag showed on the timeline (still on
    screen, or complete) and when the first complete finding came."""
    from app.core.pipeline import analyze

    started = time.perf_counter()
    first_flag_s = first_finding_s = None
    scan = analyze(clip, engines=engines)
    while True:
        try:
            progress = next(scan)
        except StopIteration as stop:
            return stop.value, time.perf_counter() - started, (first_flag_s, first_finding_s)
        now = time.perf_counter() - started
        if progress.findings and first_finding_s is None:
            first_finding_s = now
        if (progress.findings or progress.showing) and first_flag_s is None:
            first_flag_s = now


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
    from app.core.media.video import iter_samples
    from app.core.picture.ocr import group_into_lines

    started = time.perf_counter()
    found = 0
    for t_s, frame in iter_samples(clip, 1.0):
        for line in group_into_lines(engines.ocr.read(frame), t_s):
            found += bool(engines.detector.detect(line.text, beside_identifier=0))
    return time.perf_counter() - started, found


def redact_timed(clip: Path, tmp: Path) -> list[tuple[float, str]]:
    """`cleartopost redact --include-open CLIP` twice in a fresh data folder: the wall-clock
    time of each, and what it said about the scan (its line naming a saved scan, if any)."""
    env = {**os.environ, "CLEARTOPOST_DATA_DIR": str(tmp / "data"),
           "XDG_CONFIG_HOME": str(tmp / "config")}
    runs = []
    for run in (1, 2):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "app", "redact", str(clip), "--out",
                               str(tmp / f"copy{run}.mp4"), "--include-open", "--quiet"],
                              env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        if done.returncode not in (0, 1):
            raise RuntimeError(f"redact failed: {done.stderr[-2000:]}")
        said = [line for line in (done.stdout + done.stderr).splitlines() if "scan" in line.lower()
                and "saved" in line.lower()]
        runs.append((elapsed, said[0] if said else "(scanned; no saved scan mentioned)"))
    return runs


def _row(label: str, values: list[str]) -> None:
    print(f"| {label} | " + " | ".join(values) + " |")


def main() -> None:
    import resource

    from app.core.models import ScanOptions
    from app.core.pipeline import Engines
    from bench.handheld import handheld_clip

    long_minutes = 0
    for arg in sys.argv[1:]:
        if arg.startswith("--long-minutes="):
            long_minutes = int(arg.split("=", 1)[1])
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        clips = [Path(tmp) / "handheld60.mp4", Path(tmp) / "still60.mp4"]
        handheld_clip(clips[0])
        make_60s_clip(clips[1])
        load_started = time.perf_counter()
        engines = Engines.load(ScanOptions())
        load_s = time.perf_counter() - load_started
        for clip in clips:
            result, total_s, first_s = scan_timed(clip, engines)
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            decode_s, transcribe_s = floor_s(clip, engines)
            naive = baseline_s(clip, engines) if "--baseline" in sys.argv else None
            results.append((result, total_s, first_s, peak_mb, decode_s, transcribe_s, naive))
        long_total = None
        if long_minutes:
            long_path = Path(tmp) / "long.mp4"
            handheld_clip(long_path, duration_s=60.0 * long_minutes)
            _, long_total, _ = scan_timed(long_path, engines)
        redacts = redact_timed(clips[0], Path(tmp)) if "--redact" in sys.argv else None
    print("| 60 s 1080×1920 clip, 2 cores | hand-held | still |")
    print("|---|---:|---:|")
    _row("model load (once per session)", [f"{load_s:.1f}", ""])
    keys = [("speech (transcribe + detect, beside the picture)", "speech"),
            ("picture stage (decode, motion, text, faces, codes, looks)", "screen"),
            ("of which camera motion", "motion"), ("of which text (detect + follow + read)", "ocr"),
            ("of which faces (every 1 s, second thread)", "faces"),
            ("of which codes (every 0.5 s, second thread)", "codes"),
            ("of which monitor and board looks", "scene")]
    for label, key in keys:
        _row(label, [f"{r[0].timings_s.get(key, 0):.1f}" for r in results])
    _row("text looked for / lines read", [f"{r[0].coverage.frames_read} / "
                                          f"{r[0].coverage.lines_read}" for r in results])
    _row("**total scan**", [f"**{r[1]:.1f}**" for r in results])
    _row("time to the first flag on the timeline (still on screen)",
         [f"{r[2][0] or float('nan'):.1f}" for r in results])
    _row("time to the first complete finding", [f"{r[2][1] or float('nan'):.1f}" for r in results])
    _row("findings", [str(len(r[0].findings)) for r in results])
    _row("peak memory of the process (models loaded)", [f"{r[3]:.0f} MB" for r in results])
    _row("floor: decode every frame + transcribe", [f"{r[4]:.1f} + {r[5]:.1f}" for r in results])
    if all(r[6] is not None for r in results):
        _row("naive baseline: OCR one full frame a second", [f"{r[6][0]:.1f}" for r in results])
    if redacts is not None:
        for label, (seconds, _) in zip(("first (no saved scan)", "again (same file, options)"),
                                          redacts, strict=True):
            _row(f"`redact --include-open`, {label}", [f"{seconds:.1f}", ""])
    for run, (_, said) in enumerate(redacts or (), start=1):
        print(f"\nredact run {run} said: {said}")
    if long_total is not None:
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\n{long_minutes}-minute hand-held clip: total scan {long_total:.1f} s "
              f"({long_total / long_minutes:.1f} s per minute); peak memory of the process "
              f"after it {peak_mb:.0f} MB.")


if __name__ == "__main__":
    main()
