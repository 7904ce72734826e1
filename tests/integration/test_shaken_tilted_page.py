"""A letter on a screen filmed tilted with a shaking hand-held camera (real PP-OCR through the
whole scan, on a rendered clip): its names are flagged from the first sharp frame on, and only
the frames the shake blurred are reported hard to read.

Before, two things lost them for a second or more: a short line of the tilted page was dropped
as a double of the long line under it (the upright rectangles around two tilted lines overlap),
and a line first read on a blurred frame kept that doubtful reading, its name unflagged and the
frame reported hard to read, until a timed retry however sharp the frames after it were.
Names, layout and shake differ from the outside tester's clips."""

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.core.pipeline import analyze, run
from tests.conftest import ffmpeg

pytestmark = pytest.mark.models

WIDTH, HEIGHT, FPS, SECONDS = 720, 1280, 15, 4
NAMES = ("Orla Vantreight", "Halvard Quist")
SMEARED_S = 0.3  # the shake smears the first frames; the rest are sharp


def page(font: str, dark: bool) -> np.ndarray:
    ink, paper = ((235, 235, 235), (30, 30, 34)) if dark else ((20, 20, 20), (250, 250, 250))
    image = Image.new("RGB", (900, 620), paper)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(f"/usr/share/fonts/truetype/dejavu/{font}", 30)
    lines = ["Referral letter", "", f"Dear Dr {NAMES[1]},", "", f"Re: {NAMES[0]}",
             "I am writing about the patient", "seen in clinic last week who",
             "needs a follow-up review.", "", "Kind regards"]
    for row, text in enumerate(lines):
        draw.text((40, 30 + 48 * row), text, font=face, fill=ink)
    screen = np.full((680, 960, 3), 15, np.uint8)  # the laptop's bezel
    screen[30:650, 30:930] = cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR)
    return screen


def smear(frame: np.ndarray, length: int, direction: float = 30) -> np.ndarray:
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0
    centre = (length / 2 - 0.5, length / 2 - 0.5)
    kernel = cv2.warpAffine(kernel, cv2.getRotationMatrix2D(centre, direction, 1.0),
                            (length, length))
    return cv2.filter2D(frame, -1, kernel / kernel.sum())


def clip(path: Path, font: str, dark: bool, angle: float, smeared_s: float = SMEARED_S,
         seconds: int = SECONDS) -> Path:
    screen = page(font, dark)
    frames = path.with_suffix("")
    frames.mkdir()
    for i in range(FPS * seconds):
        t = i / FPS
        turn = cv2.getRotationMatrix2D((480, 340), angle + 0.6 * np.sin(5.6 * t), 0.66)
        turn[0, 2] += WIDTH / 2 - 480 + 14 * np.sin(10.7 * t) + 7 * np.sin(19.5 * t)
        turn[1, 2] += HEIGHT / 2 - 340 + 14 * np.cos(8.2 * t) + 7 * np.sin(17.0 * t + 1)
        frame = cv2.warpAffine(screen, turn, (WIDTH, HEIGHT), borderValue=(90, 110, 120))
        if t < smeared_s:
            frame = smear(frame, 11 if smeared_s < seconds else 13, 30 + 40 * np.sin(3 * t))
        cv2.imwrite(str(frames / f"{i:04d}.png"), frame)
    ffmpeg("-framerate", str(FPS), "-i", str(frames / "%04d.png"), "-c:v", "libx264",
           "-crf", "26", "-pix_fmt", "yuv420p", str(path))
    return path


@pytest.mark.parametrize(("font", "dark", "angle"), [("DejaVuSans.ttf", False, 15),
                                                     ("DejaVuSerif.ttf", True, -12)])
def test_names_on_a_shaken_tilted_page_are_flagged_from_the_first_sharp_frame(
        font, dark, angle, engines, tmp_path):
    result = run(analyze(str(clip(tmp_path / "letter.mp4", font, dark, angle)), engines=engines))
    for name in NAMES:
        found = [f for f in result.findings if f.category.value == "name"
                 and any(part.lower() in f.text.lower() for part in name.split())]
        assert found, (name, [(f.text, f.start_s, f.end_s) for f in result.findings])
        # flagged on the first sharp sample (about 0.5 s), and still at the last sharp one
        # before the second smear (1.5 s): one line, followed, not lost while the page shakes
        assert min(f.start_s for f in found) <= 0.6, (name, [(f.start_s, f.end_s) for f in found])
        assert any(f.start_s <= 0.6 and f.end_s >= 1.5 for f in found), [
            (f.start_s, f.end_s) for f in found]
    # only the smeared first frame is hard to read
    assert [t for t in result.coverage.low_confidence_text_times if t > SMEARED_S] == []


def test_a_page_the_shake_smears_throughout_is_reported_hard_to_read(engines, tmp_path):
    """The other side: a line never seen sharp is not made sure by reading it again."""
    path = clip(tmp_path / "smeared.mp4", "DejaVuSans.ttf", False, 15, smeared_s=3, seconds=3)
    result = run(analyze(str(path), engines=engines))
    hard = result.coverage.low_confidence_text_times
    assert len(hard) >= result.coverage.frames_sampled - 1, hard
