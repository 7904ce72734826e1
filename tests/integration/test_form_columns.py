"""A form on screen with its labels in one column and their values far to the right, scanned
whole (real PP-OCR, real detectors, a drawn clip): PP-OCR returns "Bed" and "12" as two lines
(pieces more than two heights apart are not joined into one), and a bare "12", "4B" or a name in
no list says nothing by itself. The label is read with the value beside it as one line
(stacked_lines), the two a column's gap apart, so "Bed 12", "Room 4B", "Patient: Forsberg
Tintin" and the postcode (read "LS 6 2QX") are flagged; the next column is not taken in ("King's
College Hospital" is no part of the name) and a label beside ordinary words gives nothing."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.core.pipeline import analyze, run
from bench.clips import Sticker, make_clip

pytestmark = pytest.mark.models

FONTS = "/usr/share/fonts/truetype/dejavu/"
ROWS = (("Patient:", "Forsberg Tintin", "King's College Hospital"),
        ("Bed", "12", ""),
        ("Room", "4B", ""),
        ("Phone", "ask at the front desk", ""),
        ("Address:", "14 Hyde Park Road, Leeds LS6 2QX", ""),
        ("Postcode", "LS6 2QX", ""))


def form(font: str, dark: bool, gap: int) -> np.ndarray:
    """The form on a 1280×720 screen: labels at the left, values `gap` px right of them, a third
    column at the right."""
    ink, paper = ((235, 235, 235), (25, 30, 40)) if dark else ((15, 15, 15), (250, 250, 250))
    image = Image.new("RGB", (1280, 720), paper)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(FONTS + font, 24)
    for row, cells in enumerate(ROWS):
        for x, cell in zip((40, 40 + gap, 900), cells, strict=True):
            draw.text((x, 60 + 56 * row), cell, font=face, fill=ink)
    return np.asarray(image)[:, :, ::-1].copy()


@pytest.mark.parametrize(("font", "dark", "gap"), [("DejaVuSans.ttf", False, 260),
                                                   ("DejaVuSerif.ttf", True, 400)])
def test_a_forms_values_beside_their_labels_are_flagged(font, dark, gap, engines, tmp_path):
    path = tmp_path / "form.mp4"
    make_clip(path, width=1280, height=720, duration_s=2.0, fps=10, with_audio=False,
              stickers=[Sticker((form(font, dark, gap),), 0.0, 2.0, 0, 0)])
    result = run(analyze(str(path), engines=engines))
    found = [(f.category.value, f.text) for f in result.findings]
    assert ("location", "Bed 12") in found, found  # one identifier, shown with one space
    assert ("location", "Room 4B") in found, found
    assert [t for c, t in found if c == "location" and "2QX" in t.replace(" ", "")], found
    assert [t for c, t in found if c == "location" and "Hyde" in t], found
    names = [t for c, t in found if c == "name"]
    assert "Forsberg Tintin" in names, found
    # the other side: the next column is not the value, ordinary words beside a label are none
    assert not [t for t in names if "King" in t or "College" in t], found
    assert not [t for _, t in found if "desk" in t or "front" in t], found
    # the value is not reported twice, alone and with its label
    assert ("location", "12") not in found and ("location", "4B") not in found, found
