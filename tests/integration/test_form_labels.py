"""A handover sheet and a form on screen, scanned whole (real PP-OCR, real detectors, drawn
clips, varied fonts and sizes): what stands after a label is reported as what it is.

- "Patient: Stable", "Patient: Improving", "Patient: Discharged" (a patient's state) are no
  names, where "Patient: Stanley" and "Patient: Hope" (a name that is a word) are;
- "Postcode LS 62QX" and "Postcode EH 11YZ" (the space OCR moved, on one line with the label)
  are postcodes (location, the reason says postcode), and "Bay 12" or "Ref LS 62" are not;
- an NHS number under its label, and one in a banner with the sex after it, is one ID each,
  not a phone as well."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.core.pipeline import analyze, run
from bench.clips import Sticker, make_clip

pytestmark = pytest.mark.models

FONTS = "/usr/share/fonts/truetype/dejavu/"
STATES = ("Stable", "Improving", "Discharged")


def sheet(font: str, size: int, dark: bool) -> np.ndarray:
    """A 1280×720 screen: a handover column at the left, a form's rows at the right, a
    banner at the bottom."""
    ink, paper = ((235, 235, 235), (25, 30, 40)) if dark else ((15, 15, 15), (250, 250, 250))
    image = Image.new("RGB", (1280, 720), paper)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(FONTS + font, size)
    step = round(size * 2.4)
    handover = [f"Patient: {s}" for s in STATES] + ["Patient: Stanley", "Patient: Hope"]
    for row, text in enumerate(handover):
        draw.text((40, 40 + step * row), text, font=face, fill=ink)
    form = ["Postcode LS 62QX", "Bay 12", "Ref LS 62", "Postcode EH 11YZ", "NHS No"]
    for row, text in enumerate(form):
        draw.text((680, 40 + step * row), text, font=face, fill=ink)
    draw.text((680, 40 + step * 4 + round(size * 1.5)), "943 476 5919", font=face, fill=ink)
    draw.text((40, 660 - size), "DOB 12/03/1961   NHS No 485 777 3456 F", font=face, fill=ink)
    return np.asarray(image)[:, :, ::-1].copy()


@pytest.mark.parametrize(("font", "size", "dark"), [("DejaVuSans.ttf", 24, False),
                                                    ("DejaVuSerif.ttf", 30, True),
                                                    ("DejaVuSansMono.ttf", 22, False)])
def test_what_stands_after_a_forms_labels_is_reported_as_what_it_is(font, size, dark,
                                                                     engines, tmp_path):
    path = tmp_path / "sheet.mp4"
    make_clip(path, width=1280, height=720, duration_s=2.0, fps=10, with_audio=False,
              stickers=[Sticker((sheet(font, size, dark),), 0.0, 2.0, 0, 0)])
    result = run(analyze(str(path), engines=engines))
    found = [(f.category.value, f.text, f.reason) for f in result.findings]
    names = [t for c, t, _ in found if c == "name"]
    # a state is no name; the names are
    assert not [t for t in names if any(s in t for s in STATES)], found
    assert "Stanley" in names and "Hope" in names, found
    # the postcodes, with their space moved, are postcodes, each once (a 1 may be read "l")
    for postcode in ("LS62QX", "EH11YZ"):
        kinds = [(c, r) for c, t, r in found if postcode in t.replace(" ", "").replace("l", "1")]
        assert len(kinds) == 1 and kinds[0][0] == "location" and "postcode" in kinds[0][1], found
    assert not [t for c, t, r in found if "postcode" in r and ("Bay" in t or "Ref" in t)], found
    # each NHS number one ID, not a phone as well
    for digits in ("9434765919", "4857773456"):
        kinds = [c for c, t, _ in found if digits in "".join(ch for ch in t if ch.isdigit())]
        assert kinds == ["id"], found
