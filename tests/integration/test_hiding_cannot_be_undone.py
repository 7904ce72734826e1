"""What the redacted copy paints over cannot be worked back out (issue 27).

The attack on a hidden line: the attacker knows (or guesses) the font, the place and the
rectangle, renders each candidate string there, hides it with the app's own `obscure.hide()`
over the same padded rectangle, and ranks the candidates by how close their hidden frame is to
the copy's. A mosaic keeps the ink of each cell, so the true string comes out first; a fill that
does not depend on the glyphs leaves every candidate equally close. Here: an 8-digit MRN among
1,000 random numbers and a name among 1,000 from the census lists the app uses, in several fonts
(OpenCV's Hershey faces, TrueType through PIL) on several backgrounds (paper, a dark monitor, a
gradient, a textured board); the true string must not rank in the top 10%.

And a face: filled inside its ellipse, nothing of its features is left for a detector, nor any
pattern that differs from another face's beyond one colour.
"""

import functools
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.core.detect.lexicon import first_names, surnames
from app.core.redact.cover import clip, pad
from app.core.redact.obscure import hide
from app.core.redact.plan import BLUR, ELLIPSE
from tests.conftest import realdata

HEIGHT, WIDTH = 160, 640
ORIGIN = (60, 95)  # where the line's baseline starts
CANDIDATES = 1000
TRUE_MRN, TRUE_NAME = "00482913", "Margaret Olson"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def _background(kind: str) -> tuple[np.ndarray, tuple[int, int, int]]:
    """A backdrop and the colour of the ink written on it."""
    if kind == "paper":
        return np.full((HEIGHT, WIDTH, 3), 245, np.uint8), (20, 20, 20)
    if kind == "monitor":
        return np.full((HEIGHT, WIDTH, 3), (40, 25, 10), np.uint8), (120, 255, 140)
    if kind == "gradient":
        ramp = np.linspace(150, 235, WIDTH, dtype=np.float32)[None, :, None]
        return np.broadcast_to(ramp + np.float32([0, 10, 20]), (HEIGHT, WIDTH, 3)).astype(
            np.uint8), (90, 20, 20)
    rng = np.random.default_rng(5)  # a textured board: speckle, smoothed
    texture = rng.normal(190, 25, (HEIGHT, WIDTH, 3)).clip(0, 255).astype(np.uint8)
    return cv2.GaussianBlur(texture, (5, 5), 0), (30, 30, 110)


def _font(name: str):
    """An OpenCV Hershey face (an int) or a TrueType font for PIL."""
    if name.startswith("hershey"):
        return {"hershey-simplex": cv2.FONT_HERSHEY_SIMPLEX,
                "hershey-duplex": cv2.FONT_HERSHEY_DUPLEX,
                "hershey-complex": cv2.FONT_HERSHEY_COMPLEX}[name]
    if name == "aileron":  # the TrueType font Pillow carries itself
        return ImageFont.load_default(size=36)
    return ImageFont.truetype(str(DEJAVU / f"{name}.ttf"), 34)


def _render(text: str, font, background, ink) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """The frame with `text` written on it, and the text's bounding rectangle."""
    frame = background.copy()
    x, y = ORIGIN
    if isinstance(font, int):
        (w, h), base = cv2.getTextSize(text, font, 1.2, 2)
        cv2.putText(frame, text, (x, y), font, 1.2, ink, 2, cv2.LINE_AA)
        return frame, (x, y - h, w, h + base)
    image = Image.fromarray(frame)
    ImageDraw.Draw(image).text((x, y), text, font=font, fill=ink, anchor="ls")
    x0, y0, x1, y1 = ImageDraw.Draw(image).textbbox((x, y), text, font=font, anchor="ls")
    return np.asarray(image).copy(), (x0, y0, x1 - x0, y1 - y0)


def _hidden(text: str, font, background, ink, rect=None):
    frame, box = _render(text, font, background, ink)
    rect = rect or clip(pad(box), (WIDTH, HEIGHT))
    hide(frame, rect, BLUR)
    return frame, rect


def rank_of_truth(truth: str, candidates: list[str], font, background, ink) -> float:
    """The true string's rank (1 = the attacker's best guess) among `candidates` by the
    distance of each one's hidden frame to the hidden true frame; ties share their ranks
    (an attacker who cannot tell candidates apart picks among them at random)."""
    target, rect = _hidden(truth, font, background, ink)
    target = target.astype(np.float32)
    distance = []
    for candidate in candidates:
        frame, _ = _hidden(candidate, font, background, ink, rect)
        distance.append(float(np.square(frame.astype(np.float32) - target).sum()))
    mine = distance[candidates.index(truth)]
    closer = sum(d < mine for d in distance)
    tied = sum(d == mine for d in distance) - 1
    return 1 + closer + tied / 2


@functools.cache
def _mrns() -> list[str]:
    rng = np.random.default_rng(27)
    numbers = {f"{n:08d}" for n in rng.integers(0, 10 ** 8, 3 * CANDIDATES)} - {TRUE_MRN}
    return [TRUE_MRN, *sorted(numbers)[:CANDIDATES - 1]]


@functools.cache
def _names() -> list[str]:
    """Names the app's own lists hold, as long as the true one (the rectangle gives the length
    away), first name and surname, as a ward board writes them."""
    rng = np.random.default_rng(27)
    firsts, lasts = sorted(first_names()), sorted(surnames())
    names: set[str] = set()
    while len(names) < CANDIDATES - 1:
        first, last = firsts[rng.integers(len(firsts))], lasts[rng.integers(len(lasts))]
        name = f"{first.title()} {last.title()}"
        if len(name) == len(TRUE_NAME) and name != TRUE_NAME:
            names.add(name)
    return [TRUE_NAME, *sorted(names)]


FONTS = ["hershey-simplex", "hershey-duplex", "hershey-complex", "aileron"]
FONTS += [f for f in ("DejaVuSans", "DejaVuSerif-Bold") if (DEJAVU / f"{f}.ttf").exists()]
CASES = [(font, back) for font, back in zip(
    FONTS, ["paper", "monitor", "gradient", "texture", "monitor", "texture"], strict=False)]


@pytest.mark.parametrize(("font", "backdrop"), CASES)
@pytest.mark.parametrize("truth", ["mrn", "name"])
def test_matching_candidates_does_not_find_the_hidden_string(truth, font, backdrop):
    candidates = list(_mrns() if truth == "mrn" else _names())
    assert len(candidates) == CANDIDATES and len(set(candidates)) == CANDIDATES
    background, ink = _background(backdrop)
    rank = rank_of_truth(candidates[0], candidates, _font(font), background, ink)
    assert rank > CANDIDATES // 10, (candidates[0], font, backdrop, rank)


def test_the_attack_can_tell_strings_apart_when_nothing_is_hidden():
    """The other side: without the hiding the same attack finds the truth at once (so a pass
    above is the fill's doing, not a blunt distance)."""
    background, ink = _background("texture")
    font = _font("hershey-simplex")
    target, _ = _render(TRUE_MRN, font, background, ink)
    ranks = sorted(_mrns()[:200], key=lambda c: float(np.square(
        _render(c, font, background, ink)[0].astype(np.float32) - target).sum()))
    assert ranks[0] == TRUE_MRN


def test_the_fill_keeps_the_surface_colour_and_leaves_the_rest():
    background, ink = _background("monitor")
    frame, box = _render(TRUE_MRN, _font("hershey-duplex"), background, ink)
    before = frame.copy()
    x, y, w, h = rect = clip(pad(box), (WIDTH, HEIGHT))
    hide(frame, rect, BLUR)
    inside = frame[y:y + h, x:x + w].astype(np.float32)
    assert np.abs(inside.mean(axis=(0, 1)) - background[0, 0]).max() < 3  # the monitor's colour
    assert inside.std(axis=(0, 1)).max() < 6  # a faint grain, no ink
    outside = np.ones((HEIGHT, WIDTH), bool)
    outside[y:y + h, x:x + w] = False
    assert (frame[outside] == before[outside]).all()


@pytest.mark.models
@pytest.mark.parametrize("speaker", ["swiz3n", "bbaf2n"])
def test_a_filled_face_keeps_no_feature(speaker):
    """A real face (a GRID speaker) found by CenterFace, padded as the copy pads a face and
    filled inside the ellipse: CenterFace finds no face there any more, even at a low
    threshold, and what is left inside is what a blank wall hidden the same way leaves, up to
    one colour: pixel for pixel, nothing of the face."""
    from app.core.picture.faces import FaceDetector

    capture = cv2.VideoCapture(str(realdata(f"video/grid/{speaker}.mpg")))
    capture.set(cv2.CAP_PROP_POS_FRAMES, 20)
    ok, frame = capture.read()
    capture.release()
    assert ok
    frame = cv2.resize(frame, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    eager = FaceDetector(threshold=0.2)
    [face] = FaceDetector().detect(frame)
    x, y, w, h = rect = clip(pad((face.x, face.y, face.w, face.h), face=True),
                             (frame.shape[1], frame.shape[0]))
    hide(frame, rect, ELLIPSE)
    assert eager.detect(frame) == []
    blank = np.full_like(frame, 128)
    hide(blank, rect, ELLIPSE)
    mask = np.zeros((h, w), np.uint8)
    cv2.ellipse(mask, (w // 2, h // 2), (w // 2, h // 2), 0, 0, 360, 255, -1)
    inside = [f[y:y + h, x:x + w][mask > 0].astype(np.float32) for f in (frame, blank)]
    left = [v - np.median(v, axis=0) for v in inside]
    assert np.abs(left[0] - left[1]).max() <= 1  # the grain alone (and its rounding)
