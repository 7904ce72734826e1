"""Print too small to find when the clip starts, which the camera zooms in on (2026-12-06, issue
26): an outside tester's ultrasound header under a slow zoom gave its dates but never its name or
its ID. The motion model takes the zoom away, so the picture "did not change" and the header was
never searched again at the size it could now be read. Each clip here is drawn (its own names,
faces and sizes), the camera zooming in from a fraction of the size to the whole; the header must
be flagged whole soon after it grows readable, as the app scans a clip (real PP-OCR)."""

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.core.models import Category
from app.core.pipeline import analyze, run
from bench.overlays import name_found

pytestmark = pytest.mark.models

FONTS = "/usr/share/fonts/truetype/dejavu/"


def zooming_in(path, lines, font, start, font_px=34, seconds=4, fps=10, size=(1080, 1920)):
    """A portrait clip of a header drawn top left, the camera zooming in from `start` to 1."""
    width, height = size
    canvas = Image.new("RGB", size, (10, 10, 10))
    draw = ImageDraw.Draw(canvas)
    face = ImageFont.truetype(FONTS + font, font_px)
    for i, line in enumerate(lines):
        draw.text((60, 80 + int(font_px * 1.4) * i), line, font=face, fill=(235, 235, 235))
    draw.ellipse((300, 700, 800, 1200), outline=(90, 90, 90), width=6)
    picture = cv2.cvtColor(np.array(canvas), cv2.COLOR_RGB2BGR)
    out = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, size)
    frames = seconds * fps
    for k in range(frames):
        zoom = start + (1.0 - start) * k / (frames - 1)
        move = np.float32([[zoom, 0, (1 - zoom) * width / 2], [0, zoom, (1 - zoom) * height / 2]])
        out.write(cv2.warpAffine(picture, move, size, borderValue=(10, 10, 10)))
    out.release()
    return path


@pytest.mark.parametrize(("lines", "name", "font", "start"), [
    (("Lan NGUYEN THI", "ID 88120457", "DOB 1988-07-21 F 38y"), ("Lan", "Nguyen Thi"),
     "DejaVuSans.ttf", 0.27),
    (("OKAFOR^CHIDINMA", "MRN 7715203", "Sex: F  Age: 52"), ("Chidinma", "Okafor"),
     "DejaVuSerif.ttf", 0.22),
], ids=["sans-from-0.27", "serif-from-0.22"])
def test_a_header_the_camera_zooms_in_on_is_flagged_whole(tmp_path, engines, lines, name, font,
                                                         start):
    clip = zooming_in(tmp_path / "zoom.mp4", lines, font, start)
    found = run(analyze(clip, engines=engines)).findings
    names = [f for f in found if f.category is Category.NAME]
    assert name_found(*name, [f.text for f in names]) == (True, True), [f.text for f in found]
    assert min(f.start_s for f in names) <= 1.5  # readable from about 1 s of 4
    number = "".join(c for c in lines[1] if c.isdigit())
    assert any(number in "".join(c for c in f.text if c.isdigit()) for f in found
               if f.category is Category.ID), [f.text for f in found]
