"""The spaces PP-OCR drops between words, put back where the picture shows them.

PP-OCR's recogniser often reads two words as one when the gap between them is small for its
eye: a header's "ELOMO SATU" is read "ELOMOSATU", "COUDERT,CENDRILLON" "COUDERTCENDRILLON",
"Nayla Montero" "NaylaMontero". No rule on the text can tell where a name in no list ends; the
picture can: between two words the line's ink leaves a blank band of columns as wide as a third
of a capital's height or more, which the gap between two letters of one word never is (measured
on 96 rendered overlays in 20 fonts: of 210 spaces the recogniser dropped between letters, a
blank of 0.4 capital heights or more lay between the two letters for 172, and for 2 of about
2,300 pairs of letters of one word, in a monospaced oblique face, where narrow letters leave wide
blanks).

The recogniser's CTC decoder tells which column of its feature map gave each letter; those
columns, scaled to the crop, say between which two letters a blank lies. Only letters are
parted: digits keep their own spacing (a narrow "1" in a monospaced face leaves a wide blank),
and a letter beside a digit is the text rules' to part (ppocr.respaced).
"""

from __future__ import annotations

import cv2
import numpy as np

from app.core.text_join import COLUMN

# a blank this many times the ink's height parts two words (see above)
WORD_GAP = 0.4
# a blank this many times the line's usual space, and this many times the ink's height, parts
# two columns ("Forsberg Tintin     King's College Hospital": a name, then a hospital's name
# printed apart from it, read as one line); written as text_join.COLUMN, which the text rules
# never join across (measured 2026-12-05 on rendered lines in 8 faces at 14 and 28 px: a space
# between words 0.3-1.1 of the ink's height, between two digits of a monospaced face up to 1.9,
# 1.5 times the line's usual space; five spaces 1.2-4.4, three times it or more)
COLUMN_RATIO = 2.5
COLUMN_MIN = 0.9
# the slants tried: upright, and italic faces leaning a sixth to a third of their height
SLANTS = (0.0, 0.17, 0.25, 0.33)


def spaces_seen(text: str, columns: list[int], steps: float, crop: np.ndarray) -> str:
    """`text` with a space put between two letters read without one where a blank band of
    columns lies between them in `crop` (the line's picture, BGR or grey), and COLUMN between
    two characters where the blank is a column's (see COLUMN_RATIO), spaces read or not.
    `columns`: the decoder's column of each character of `text`; `steps`: the decoder's columns
    over the crop's width."""
    if len(columns) != len(text) or steps <= 0 or len(text) < 2 or crop.size == 0:
        return text
    ink = _ink(crop)
    if ink is None:
        return text
    rows = np.flatnonzero(ink.sum(axis=1) > 0.02 * ink.shape[1])
    if rows.size == 0:
        return text
    height = rows[-1] - rows[0] + 1
    blank = _upright_blanks(ink, rows[0], rows[-1])
    width = ink.shape[1]
    at = [min(width - 1, int(column / steps * width)) for column in columns]
    letters = [x for x, char in zip(at, text, strict=True) if char.isalnum()]
    if sum(not blank[max(0, x - 2) : x + 3].all() for x in letters) < 0.9 * len(letters):
        return text  # the letters' places show no ink: the two tones were not ink and paper
    # each place between two characters where a gap may be: (start, end, blank columns), the
    # characters text[start:end] (spaces read, or none) standing between text[start - 1] and
    # text[end]
    gaps: list[tuple[int, int, int]] = []
    i = 1
    while i < len(text):
        end = i
        while end < len(text) and text[end] == " ":
            end += 1
        if end == len(text):
            break
        if text[i - 1] != " ":
            gaps.append((i, end, _longest_run(blank[at[i - 1] : at[end] + 1])))
        i = end + 1
    # the spaces: those read, and those put back between two letters (see above)
    spaces = {(a, b): w for a, b, w in gaps
              if b > a or (text[a - 1].isalpha() and text[a].isalpha() and w >= WORD_GAP * height)}
    out, last = [], 0
    for a, b, w in gaps:
        others = [v for key, v in spaces.items() if key != (a, b)]
        column = bool(others) and w >= COLUMN_MIN * height and w >= COLUMN_RATIO * max(
            1.0, float(np.median(others)))
        if column or (a, b) in spaces:
            out += [text[last:a], COLUMN if column else " "]
            last = b
    return "".join(out) + text[last:]


def _ink(crop: np.ndarray) -> np.ndarray | None:
    """Which pixels are the letters': the smaller of the two tones Otsu's threshold parts
    (light letters on a dark image, or dark on light)."""
    grey = cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY) if crop.ndim == 3 else crop
    if grey.dtype != np.uint8 or min(grey.shape[:2]) < 4:
        return None
    _, bright = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    ink = bright > 0
    return ~ink if ink.mean() > 0.5 else ink


def _upright_blanks(ink: np.ndarray, top: int, bottom: int) -> np.ndarray:
    """Which columns hold no ink once the letters are stood upright: an italic's slant is
    undone by the shear (of those tried) that leaves the most blank columns, turning about the
    ink's middle row so a column keeps its place there."""
    height, width = ink.shape
    middle = (top + bottom) / 2
    best: np.ndarray | None = None
    for slope in SLANTS:
        if slope == 0:
            blank = ink.sum(axis=0) == 0
        else:
            ys, xs = np.nonzero(ink)
            moved = np.round(xs + (ys - middle) * slope).astype(int)
            moved = moved[(moved >= 0) & (moved < width)]
            blank = np.bincount(moved, minlength=width)[:width] == 0
        if best is None or blank.sum() > best.sum():
            best = blank
    assert best is not None
    return best


def _longest_run(flags: np.ndarray) -> int:
    best = run = 0
    for flag in flags:
        run = run + 1 if flag else 0
        best = max(best, run)
    return best
