"""A record banner wider than the picture, read as the app reads a frame (real PP-OCR, the text
finder, the detector): the name in its field is flagged though the frame's edge cuts the line
(2026-12-06, from bench.overlays --varied: 19 of 60 names on lines running off the picture
were missed). The line is drawn on a wide canvas and the frame cut out of it so that the edge
halves a letter, or leaves a sliver of it that the detector's box stops short of. A banner with
no name, cut the same way, gives none; a whole line a few pixels from the edge is read whole.
The names are this file's own."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from bench.overlays import name_found, read_overlay

pytestmark = pytest.mark.models

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
WIDTH, HEIGHT, LEFT = 720, 400, 40


def frame(lines, upto, side, shown=0.5, font=("DejaVuSansCondensed-Bold.ttf", 30), dark=True,
          margin=None):
    """The lines drawn from x=40 on a wide canvas; the frame cut from it so that its `side`
    edge falls `shown` of the way into the first line's character after `upto` (or, with
    `margin`, `margin` px after the first line's end)."""
    face = ImageFont.truetype(DEJAVU + font[0], font[1])
    canvas = Image.new("RGB", (2400, HEIGHT), (20, 20, 20) if dark else (245, 245, 240))
    draw = ImageDraw.Draw(canvas)
    for i, line in enumerate(lines):
        draw.text((LEFT, 30 + 45 * i), line, font=face,
                  fill=(235, 235, 235) if dark else (25, 25, 25))
    first = lines[0]
    image = np.asarray(canvas)[:, :, ::-1]
    if margin is not None:
        x = int(LEFT + draw.textlength(first, font=face)) + margin
        image = image[:, x - WIDTH : x]
    else:
        at = first.index(upto) + len(upto)
        a = LEFT + draw.textlength(first[:at], font=face)
        b = LEFT + draw.textlength(first[: at + 1], font=face)
        if side == "right":
            x = int(a + shown * (b - a))
            image = image[:, max(0, x - WIDTH) : x]
        else:
            x = int(b - shown * (b - a))
            image = image[:, x : x + WIDTH]
    noise = np.random.default_rng(1).normal(0, 4, image.shape)
    return np.ascontiguousarray(np.clip(image + noise, 0, 255).astype(np.uint8))


@pytest.mark.parametrize(("image", "shown"), [
    # the name last, its given name cut after its initial: a surname in English before its comma
    (lambda: frame(("MRN 80417726 | DOB: 14.03.1962 | Male | Bishop, Lorcan", "CARDIOLOGY"),
                   "Bishop, L", "right", 0.3), "Bishop"),
    # a name in no list, a sliver of its next letter at the edge: the detector's box stops
    # short of the edge, the line's ink goes on to it
    (lambda: frame(("Acc# 5521093 | DOB 02/11/1979 | F | DRAGOMIRESCU", "CHEST PA"),
                   "| DRAGOMI", "right", 0.3, ("DejaVuSans-ExtraLight.ttf", 32)),
     "DRAGOMI"),
    # the name first, its surname's start beyond the left edge: the given name after the cut
    (lambda: frame(("DRAGOMIRESCU ILINCA   Pt ID: 66120948   09/21/2021",
                    "Born 03.02.1990  (031Y)  [F]"), "DRAGOMIRE", "left", 0.3, dark=False),
     "ILINCA"),
    (lambda: frame(("OKONKWO ADAEZE   Pt ID: 66120948   09/21/2021",
                    "Born 03.02.1990  (031Y)  [F]"), "OKONK", "left", 0.6),
     "ADAEZE"),
], ids=["surname-comma-cut-right", "sliver-past-the-box", "given-after-left-cut",
        "given-after-left-cut-dark"])
def test_a_name_in_a_banner_cut_by_the_frame_is_flagged(image, shown, engines):
    """What shows of the name (OCR may misread a letter's case: "BishOp") is flagged."""
    names, read = read_overlay(image(), engines.ocr, engines.detector)
    assert any(shown.lower() in n.lower() for n in names), (names, read)


@pytest.mark.parametrize("image", [
    # a hospital's town cut: no "Southam"
    lambda: frame(("MRN 80417726 | DOB: 14.03.1962 | (F) | SOUTHAMPTON GENERAL", "XR CHEST PA"),
                  "| SOUTHAMP", "right", 0.3),
    # a hospital's name cut on the left
    lambda: frame(("WESTERN INFIRMARY   MRN 56120933   2019-11-02",
                   "DOB 12/12/1948  (70Y)  [F]"), "WES", "left", 0.5, dark=False),
    # a maker's and a model's name cut on the right
    lambda: frame(("Pt ID: 3390127 | Born 1951-06-30 | M | Siemens Somatom Force", "CT HEAD"),
                  "| Siemens Soma", "right", 0.4),
], ids=["town-cut-right", "hospital-cut-left", "maker-cut-right"])
def test_a_banner_without_a_name_cut_by_the_frame_gives_none(image, engines):
    names, read = read_overlay(image(), engines.ocr, engines.detector)
    assert names == [], read


def test_a_whole_line_short_of_the_edge_is_read_whole(engines):
    """Ten pixels of background between the line's end and the edge: nothing is cut, the
    whole name is one finding (a cut line would look up "Lorcan" as the start of a name)."""
    image = frame(("MRN 80417726 | DOB: 14.03.1962 | Male | Dubois, Lorcan", "CARDIOLOGY"),
                  "", "right", margin=10)
    names, read = read_overlay(image, engines.ocr, engines.detector)
    assert name_found("Lorcan", "Dubois", names) == (True, True), (names, read)
