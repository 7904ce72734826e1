"""Shared fixtures: generated media (each says how it was made) and the real models, once."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest

from bench.clips import Caption, ClipTruth, Utterance, make_clip

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _no_error_logs(caplog):
    """Any ERROR log during a test is a failure unless the test expected it."""
    yield
    errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    assert not errors, f"unexpected ERROR logs: {[r.getMessage() for r in errors]}"


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def silent_text_clip(media_dir) -> ClipTruth:
    """4 s, 320×568 vertical, 10 fps, no sound track: a caption "MRN 00482913" from 1.0 to 3.0 s.

    Made by bench.clips.make_clip (Pillow text on a gradient, ffmpeg H.264) with with_audio=False.
    """
    return make_clip(
        media_dir / "silent_text.mp4", width=320, height=568, duration_s=4.0, fps=10,
        captions=[Caption("MRN 00482913", 1.0, 3.0, 40, 250, size=30, category="id")],
        with_audio=False,
    )


@pytest.fixture(scope="session")
def identifiers_clip(media_dir) -> ClipTruth:
    """12 s, 360×640 vertical, 10 fps, with identifiers on screen and in speech.

    Screen: "Stay safe on shift" 0–12 s (harmless); "Patient: Margaret Olson" 1.0–4.0 s;
    "DOB 03/14/1951" 4.5–8.0 s. Speech (espeak-ng en-gb): "My patient Mr Fischer is in room 12."
    at 0.5 s; "Her daughter Anika Patel is visiting." at 4.8 s. Made by bench.clips.make_clip.
    """
    return make_clip(
        media_dir / "identifiers.mp4", width=360, height=640, duration_s=12.0, fps=10,
        captions=[
            Caption("Stay safe on shift", 0.0, 12.0, 40, 60, size=30),
            Caption("Patient: Margaret Olson", 1.0, 4.0, 20, 260, size=26, category="name"),
            Caption("DOB 03/14/1951", 4.5, 8.0, 60, 420, size=30, category="date"),
        ],
        utterances=[
            Utterance("My patient Mr Fischer is in room 12.", 0.5,
                      planted=(("name", "Mr Fischer"), ("location", "room 12"))),
            Utterance("Her daughter Anika Patel is visiting.", 4.8,
                      planted=(("name", "Anika Patel"),)),
        ],
    )


@pytest.fixture(scope="session")
def clean_clip(media_dir) -> ClipTruth:
    """9 s, 360×640 vertical, 10 fps, nothing identifying: health-education captions and speech.

    Screen: "Wash your hands" 0–4 s, "20 seconds with soap" 4–9 s, "#handhygiene" 0–9 s.
    Speech: "Today we talk about washing your hands." at 0.3 s, "Use soap and water for twenty
    seconds." at 4.5 s. Made by bench.clips.make_clip.
    """
    return make_clip(
        media_dir / "clean.mp4", width=360, height=640, duration_s=9.0, fps=10,
        captions=[
            Caption("Wash your hands", 0.0, 4.0, 40, 200, size=30),
            Caption("20 seconds with soap", 4.0, 9.0, 20, 300, size=28),
            Caption("#handhygiene", 0.0, 9.0, 60, 520, size=28),
        ],
        utterances=[
            Utterance("Today we talk about washing your hands.", 0.3),
            Utterance("Use soap and water for twenty seconds.", 4.5),
        ],
    )


@pytest.fixture(scope="session")
def ticking_clock_clip(media_dir) -> ClipTruth:
    """6 s, 360×640 vertical, 10 fps, no sound: an on-screen clock "00:00:0N;FF" that changes
    every 0.5 s in the bottom corner (like a camera's timecode), a fixed title, and
    "Pt: Anika Patel" from 2.0 to 5.0 s. Made by bench.clips.make_clip with with_audio=False.
    """
    clock = [
        Caption(f"00:00:{int(t):02d};{int(t * 10) % 10 * 3:02d}", t, t + 0.5, 200, 590, size=20)
        for t in (i * 0.5 for i in range(12))
    ]
    return make_clip(
        media_dir / "ticking.mp4", width=360, height=640, duration_s=6.0, fps=10,
        captions=[
            Caption("Ward round diary", 0.0, 6.0, 40, 60, size=30),
            Caption("Pt: Anika Patel", 2.0, 5.0, 40, 300, size=30, category="name"),
            *clock,
        ],
        with_audio=False,
    )


@pytest.fixture(scope="session")
def engines():
    """The real models (speech, OCR, NER), loaded once for the whole session."""
    from app.core.models import ScanOptions
    from app.core.pipeline import Engines

    return Engines.load(ScanOptions())


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True, capture_output=True)
