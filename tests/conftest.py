"""Shared fixtures: generated media (each says how it was made) and the real models, once."""

from __future__ import annotations

import logging
import re
import subprocess
from pathlib import Path

import pytest

from bench.clips import (
    Caption,
    ClipTruth,
    Sticker,
    Utterance,
    code128_image,
    make_clip,
    patient_board_image,
    qr_image,
    scaled,
    tiled_wall_image,
    video_frames,
)

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"


def realdata(relative: str) -> Path:
    """A file of ../shared/realdata; a missing one fails the test with a clear message (never a
    silent skip, so CI cannot pass by testing nothing)."""
    path = REALDATA / relative
    if not path.exists():
        pytest.fail(f"{path} is missing: the real test media live in ../shared/realdata beside "
                    "the project (see ../shared/realdata/SOURCES.md).")
    return path


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
def name_and_mrn_clip(media_dir) -> ClipTruth:
    """4 s, 360×640 vertical, 10 fps, no sound track: "Patient: Margaret Olson" and
    "MRN 00482913" on screen together from 1.0 to 3.0 s, for two reviewers to mark one each.
    Made by bench.clips.make_clip with with_audio=False."""
    return make_clip(
        media_dir / "name_and_mrn.mp4", width=360, height=640, duration_s=4.0, fps=10,
        captions=[
            Caption("Patient: Margaret Olson", 1.0, 3.0, 20, 200, size=26, category="name"),
            Caption("MRN 00482913", 1.0, 3.0, 40, 420, size=30, category="id"),
        ],
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
def said_and_shown_clip(media_dir):
    """10 s, 360×640 vertical, 10 fps: "Patient: Anika Patel" on screen 0.5–4.0 s while "Her
    daughter Anika Patel is visiting." is said from 1.0 s; "Patient: Margaret Olson" on screen
    5.0–9.0 s while "My patient Mr Fischer is in room 12." is said from 5.0 s (espeak-ng
    en-gb): one name said and shown, one only shown, one only said (issue 30 item 2). Made by
    bench.clips.make_clip."""
    return make_clip(
        media_dir / "said_and_shown.mp4", width=360, height=640, duration_s=10.0, fps=10,
        captions=[
            Caption("Patient: Anika Patel", 0.5, 4.0, 20, 220, size=26, category="name"),
            Caption("Patient: Margaret Olson", 5.0, 9.0, 20, 420, size=26, category="name"),
        ],
        utterances=[
            Utterance("Her daughter Anika Patel is visiting.", 1.0,
                      planted=(("name", "Anika Patel"),)),
            Utterance("My patient Mr Fischer is in room 12.", 5.0,
                      planted=(("name", "Mr Fischer"), ("location", "room 12"))),
        ],
    )


# Identifiers planted in every place a masked copy could leak them (tests of masking)
LEAK_DENY = ("Margaret Olson",)
LEAK_NOTE = "Told Mrs Olson (MRN 00482913) we would call 617-555-0142 back"
LEAK_SECRETS = ("Margaret", "Olson", "Olsen", "00482913", "617", "555", "0142", "Fischer",
                "dressing", "Whitaker")


def leak_captions() -> list[Caption]:
    """The leak clip's captions (tests check covers against where they are, frame by frame)."""
    return [
        Caption("Patient: Margaret Olson", 1.0, 5.0, 10, 200, size=26, category="name",
                drift_px=18.0),
        Caption("MRN 00482913", 1.0, 5.0, 40, 420, size=30, category="id", drift_px=-8.0),
        Caption("Nurse J. Whitaker", 5.5, 7.5, 30, 320, size=28, category="name"),
    ]


@pytest.fixture(scope="session")
def leaky_clip(media_dir) -> ClipTruth:
    """12 s, 360×640, 10 fps, named as clinicians name files, after the patient
    ("Olson_MRN00482913_dressing.mp4"). Two identifiers drift across the picture together
    1.0–5.0 s ("Patient: Margaret Olson", "MRN 00482913"); "Nurse J. Whitaker" 5.5–7.5 s; speech
    names Mrs Olsen with a phone number and Mr Fischer."""
    return make_clip(
        media_dir / "Olson_MRN00482913_dressing.mp4", width=360, height=640, duration_s=12.0,
        fps=10,
        captions=leak_captions(),
        utterances=[
            Utterance("Mrs Olsen rang on 617 555 0142.", 0.3,
                      planted=(("name", "Mrs Olsen"), ("phone", "617 555 0142"))),
            Utterance("Mr Fischer is doing well.", 9.0, planted=(("name", "Mr Fischer"),)),
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
def people_and_codes_clip(media_dir) -> ClipTruth:
    """8 s, 720×1280 vertical, 15 fps, no sound: the presenter (a real talking face from the GRID
    corpus, ../shared/realdata/video/grid/bbaf2n.mpg, 1.2×) all the time; a second real person
    (grid/lwbsza.mpg, 0.8×) from 3.0 to 6.0 s; a real bedside monitor photo
    (images/monitors/moshes7_monitor_11.jpg, 0.8×) in the background from 2.0 to 7.0 s; a
    wristband-style QR code "MRN 00482913 OLSON, MARGARET" from 1.0 to 4.0 s; a Code 128 barcode
    "00482913" from 5.0 to 7.5 s; a harmless title throughout. Made by bench.clips.make_clip."""
    import cv2

    presenter = video_frames(realdata("video/grid/bbaf2n.mpg"), 1.2)
    other = video_frames(realdata("video/grid/lwbsza.mpg"), 0.8)
    monitor = cv2.imread(str(realdata("images/monitors/moshes7_monitor_11.jpg")))
    monitor = scaled(monitor, 0.8)
    return make_clip(
        media_dir / "people_codes.mp4", width=720, height=1280, duration_s=8.0, fps=15,
        stickers=[
            Sticker(presenter, 0.0, 8.0, 20, 420),
            Sticker(other, 3.0, 6.0, 420, 80, "face", "face", "second person"),
            Sticker((monitor,), 2.0, 7.0, 436, 600, "scene", "ward_context", "bedside monitor"),
            Sticker((qr_image("MRN 00482913 OLSON, MARGARET", 5),), 1.0, 4.0, 40, 950,
                    "code", "code", "MRN 00482913 OLSON, MARGARET"),
            Sticker((code128_image("00482913"),), 5.0, 7.5, 60, 1100, "code", "code",
                    "00482913"),
        ],
        captions=[Caption("Night shift tips", 0.0, 8.0, 40, 40, size=40)],
        with_audio=False,
    )


@pytest.fixture(scope="session")
def talking_head_clip(media_dir) -> ClipTruth:
    """4 s, 540×960 vertical, 15 fps, no sound: one real talking face (grid/swiz3n.mpg, 1.4×)
    and nothing else; the presenter alone must give no face finding."""
    face = video_frames(realdata("video/grid/swiz3n.mpg"), 1.4)
    return make_clip(
        media_dir / "talking_head.mp4", width=540, height=960, duration_s=4.0, fps=15,
        stickers=[Sticker(face, 0.0, 4.0, 20, 300)], with_audio=False,
    )


@pytest.fixture(scope="session")
def patient_longer_clip(media_dir) -> ClipTruth:
    """6 s, 720×1280 vertical, 15 fps, no sound: a patient (grid/pwij3p.mpg) on screen the whole
    time and the clinician (grid/swiz3n.mpg) beside them from 2.0 to 5.0 s, so "on screen
    longest" picks the wrong person and only "this is me" puts it right."""
    patient = video_frames(realdata("video/grid/pwij3p.mpg"), 1.0)
    clinician = video_frames(realdata("video/grid/swiz3n.mpg"), 1.0)
    return make_clip(
        media_dir / "patient_longer.mp4", width=720, height=1280, duration_s=6.0, fps=15,
        stickers=[
            Sticker(patient, 0.0, 6.0, 0, 420, "face", "face", "patient"),
            Sticker(clinician, 2.0, 5.0, 360, 420, "face", "face", "clinician"),
        ],
        with_audio=False,
    )


@pytest.fixture(scope="session")
def ward_board_clip(media_dir) -> ClipTruth:
    """5 s, 540×960 vertical, 15 fps, no sound: the presenter (grid/bbaf2n.mpg, 1.2×) all the
    time; behind them a tiled wall (bench.clips.tiled_wall_image) all the time, and a drawn
    patient whiteboard (bench.clips.patient_board_image, 0.6×: OCR reads little of it) from
    1.0 to 4.0 s."""
    presenter = video_frames(realdata("video/grid/bbaf2n.mpg"), 1.2)
    board = scaled(patient_board_image(seed=11), 0.6)
    return make_clip(
        media_dir / "ward_board.mp4", width=540, height=960, duration_s=5.0, fps=15,
        stickers=[
            Sticker((tiled_wall_image(500, 220),), 0.0, 5.0, 20, 40),
            Sticker((board,), 1.0, 4.0, 250, 300, "scene", "ward_context",
                    "patient board, chart or form"),
            Sticker(presenter, 0.0, 5.0, 20, 560),
        ],
        with_audio=False,
    )


@pytest.fixture(scope="session")
def story_clip(media_dir) -> Path:
    """11.5 s of a clinician's story whose details add up, no names: an age, an occupation, a
    town and a day at 0.3 s, a rare diagnosis at 7.0 s (espeak-ng)."""
    utterances = [
        Utterance("I looked after a 34-year-old teacher from our town last Tuesday.", 0.3),
        Utterance("She has cystic fibrosis and is doing well.", 7.0),
    ]
    path = media_dir / "story.mp4"
    make_clip(path, width=360, height=640, duration_s=11.5, fps=10, utterances=utterances)
    return path


PRESENTER_VOICE, GUEST_VOICE = "en-gb", "en-us+f3"


@pytest.fixture(scope="session")
def two_voices_clip(media_dir):
    """17.5 s: the presenter (espeak en-gb) at 0.3 s and 12.3 s, a guest (en-us+f3) thanking
    them at 7.2 s. Returns the path and (start, end, voice) of each utterance, from the length
    espeak gives it."""
    from bench.clips import SAMPLE_RATE, speak

    utterances = [
        Utterance("Welcome back, today I am talking about looking after your skin on nights.",
                  0.3, voice=PRESENTER_VOICE),
        Utterance("Thank you so much for looking after me last week.", 7.2, voice=GUEST_VOICE),
        Utterance("Remember a good moisturiser and plenty of water.", 12.3,
                  voice=PRESENTER_VOICE),
    ]
    path = media_dir / "two_voices.mp4"
    make_clip(path, width=360, height=640, duration_s=17.5, fps=10, utterances=utterances)
    said = [(u.start_s, u.start_s + len(speak(u.text, u.voice)) / SAMPLE_RATE, u.voice)
            for u in utterances]
    return path, said


@pytest.fixture(scope="session")
def engines():
    """The real models (speech, OCR, NER), loaded once for the whole session."""
    from app.core.models import ScanOptions
    from app.core.pipeline import Engines

    return Engines.load(ScanOptions())


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True, capture_output=True)


@pytest.fixture(scope="session")
def handheld_clip(media_dir) -> ClipTruth:
    """12 s, 540×960 vertical, 15 fps, no sound: hand-held selfie footage made by
    bench.handheld.handheld_clip. A real presenter (grid/bbaf2n.mpg) sways in an oval; the phone
    shakes (tens of px at 1-6 Hz), tilts ±2°, zooms ±5% and pans to a ward whiteboard (in view
    about 2-4 s), a chart on a screen with a live ECG (about 6-8 s) and a wristband with a QR
    code (about 9-11 s) and back; captions come and go ("Call 617-555-0142" 4.4-5.4 s,
    "Patient: Anika Patel" 8.0-8.8 s, harmless ones between)."""
    from bench.handheld import handheld_clip as make

    realdata("video/grid/bbaf2n.mpg")
    return make(media_dir / "handheld.mp4", width=540, height=960, duration_s=12.0, fps=15,
                speech=False)


@pytest.fixture(scope="module")
def easy():
    """EasyOCR: the independent reader of redacted copies (another engine than the proof's)."""
    from app.core.picture.ocr import EasyOcrEngine

    return EasyOcrEngine()


def letters(text: str) -> str:
    """Only the letters and digits, lower-case: what is compared of a read."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def read_around(easy, frame, box, around: int) -> str:
    """EasyOCR's read of `frame` around `box` (x0, y0, x1, y1), `around` px wider, at 2×."""
    import cv2

    height, width = frame.shape[:2]
    x0, y0 = max(0, int(box[0]) - around), max(0, int(box[1]) - around)
    x1, y1 = min(width, int(box[2]) + around), min(height, int(box[3]) + around)
    crop = cv2.resize(frame[y0:y1, x0:x1], None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    return " ".join(piece.text for piece in easy.read(crop))
