"""A line printed on end is read whichever way up it stands (real PP-OCR on drawn labels): a
label up the side of an infusion bag or a specimen tube, turned a quarter either way. Before,
text turned one way was read upside down and lost, and a scan said "No identifiers found"."""

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

pytestmark = pytest.mark.models

LINES = ("HALLORAN-OYE, Temitope", "MRN 5520913  DOB 03/02/1977")


def label(font: str, size: int, dark_on_light: bool = True) -> np.ndarray:
    dark, light = (20, 20, 20), (245, 245, 240)
    ink, paper = (dark, light) if dark_on_light else (light, (30, 40, 50))
    image = Image.new("RGB", (560, 140), paper)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(f"/usr/share/fonts/truetype/dejavu/{font}", size)
    for row, text in enumerate(LINES):
        draw.text((20, 20 + row * (size + 18)), text, font=face, fill=ink)
    return cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR)


@pytest.mark.parametrize("turn", [cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_90_COUNTERCLOCKWISE])
@pytest.mark.parametrize(("font", "size", "dark"), [
    ("DejaVuSansMono.ttf", 24, True), ("DejaVuSans-Bold.ttf", 22, False)])
def test_a_label_on_its_side_is_read_either_way_up(turn, font, size, dark, engines):
    frame = np.full((720, 720, 3), 90, np.uint8)
    turned = cv2.rotate(label(font, size, dark), turn)
    frame[60 : 60 + turned.shape[0], 200 : 200 + turned.shape[1]] = turned
    read = " ".join(p.text for p in engines.ocr.read(frame)).replace(" ", "")
    assert "HALLORAN-OYE" in read and "5520913" in read, read


@pytest.mark.parametrize("turn", [cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_90_COUNTERCLOCKWISE])
def test_the_name_on_a_label_on_its_side_is_flagged(turn, engines):
    """The label's lines stand side by side: each is a line of its own, the name's cue the
    record number beside it (before, they were joined into one long line of them all)."""
    from bench.overlays import read_names

    frame = np.full((720, 720, 3), 90, np.uint8)
    turned = cv2.rotate(label("DejaVuSansMono.ttf", 24), turn)
    frame[60 : 60 + turned.shape[0], 200 : 200 + turned.shape[1]] = turned
    names = read_names(frame, engines.ocr, engines.detector)
    assert any("HALLORAN" in n for n in names), names
