"""A sharp clip with one label blurred in a corner, scanned whole (real PP-OCR): the note that
text could not be read clearly says where in the picture, and only there, so the reviewer of a
sharp monitor clip is sent to the one line OCR doubted (on the real monitor footage of
../shared/realdata, a device logo's small print at the top left, doubted in all 53 samples while
the monitor's own text read clearly), not told that the picture could not be read."""

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.core.pipeline import analyze, run
from app.core.review.verdict import hard_to_read
from tests.conftest import ffmpeg

pytestmark = pytest.mark.models

WIDTH, HEIGHT, FPS, SECONDS = 720, 1280, 10, 3
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def smear(image: np.ndarray, length: int = 11) -> np.ndarray:
    """A motion blur `length` px long at 30°, as a smudged label or a shaken frame smears it."""
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0
    centre = (length / 2 - 0.5, length / 2 - 0.5)
    kernel = cv2.warpAffine(kernel, cv2.getRotationMatrix2D(centre, 30, 1.0), (length, length))
    return cv2.filter2D(image, -1, kernel / kernel.sum())


def label(text: str, size: int) -> np.ndarray:
    image = Image.new("RGB", (int(size * 0.7 * len(text)) + 20, int(size * 1.6)), (245, 245, 240))
    ImageDraw.Draw(image).text((10, size // 4), text, font=ImageFont.truetype(FONT, size),
                               fill=(20, 20, 30))
    return cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR)


def clip(path: Path, blurred: bool) -> Path:
    """3 s, 720×1280, 10 fps, no sound, still: two sharp headings at the top and in the middle
    (DejaVu Sans, 40 px) and, at the bottom right, a 20 px label, smeared by an 11 px motion
    blur when `blurred` (PP-OCR reads it at 0.6-0.7 then), else sharp. Frames drawn with Pillow
    and OpenCV, encoded by ffmpeg (H.264, CRF 26)."""
    frame = np.full((HEIGHT, WIDTH, 3), (120, 110, 90), np.uint8)
    for text, (x, y) in (("Ward round notes", (60, 120)), ("Observations chart", (60, 600))):
        sign = label(text, 40)
        frame[y : y + sign.shape[0], x : x + sign.shape[1]] = sign
    corner = label("Room 12 Okafor", 20)
    if blurred:
        corner = smear(corner)
    frame[1100 : 1100 + corner.shape[0], 470 : 470 + corner.shape[1]] = corner
    frames = path.with_suffix("")
    frames.mkdir()
    for i in range(FPS * SECONDS):
        cv2.imwrite(str(frames / f"{i:04d}.png"), frame)
    ffmpeg("-framerate", str(FPS), "-i", str(frames / "%04d.png"), "-c:v", "libx264",
           "-crf", "26", "-pix_fmt", "yuv420p", str(path))
    return path


def test_text_hard_to_read_in_one_corner_is_said_to_be_there_only(engines, tmp_path):
    result = run(analyze(str(clip(tmp_path / "corner.mp4", blurred=True)), engines=engines))
    coverage = result.coverage
    assert coverage.low_confidence_text_times, "the smeared label is doubted"
    assert {part for _, part in coverage.low_confidence_text_parts} == {"bottom right"}, \
        coverage.low_confidence_text_parts
    sentence = hard_to_read(coverage)
    assert "at the bottom right of the picture" in sentence, sentence
    assert "top" not in sentence and "middle" not in sentence and "across" not in sentence
    assert {p["part"] for p in result.to_json()["coverage"]["low_confidence_text_parts"]} == {
        "bottom right"}


def test_the_other_side_a_sharp_clip_gets_no_note(engines, tmp_path):
    result = run(analyze(str(clip(tmp_path / "sharp.mp4", blurred=False)), engines=engines))
    assert result.coverage.low_confidence_text_parts == ()
    assert hard_to_read(result.coverage) == ""
