"""picture/word_gaps.spaces_seen on drawn lines: the letters' columns are where they were drawn
(as the recogniser's decoder gives them), the picture the line's."""

import cv2
import numpy as np

from app.core.picture.word_gaps import spaces_seen

STEP = 4  # px of the crop per decoder column


def drawn(text: str, gaps: dict[int, int], light_on_dark: bool = True,
          slant: float = 0.0) -> tuple[np.ndarray, list[int], float]:
    """`text` drawn as cv2 draws a line (Hershey simplex, 20 px capitals), `gaps[i]` px of blank
    more before letter i; with the decoder column of each letter (its middle)."""
    ink, paper = (255, 0) if light_on_dark else (0, 255)
    face, scale, weight = cv2.FONT_HERSHEY_SIMPLEX, 0.8, 2
    image = np.full((32, 40 + 20 * len(text) + sum(gaps.values())), paper, np.uint8)
    cuts = [0, *sorted(gaps), len(text)]
    x, columns = 6, []
    for start, end in zip(cuts, cuts[1:], strict=False):
        x += gaps.get(start, 0)
        piece = text[start:end]
        for i in range(len(piece)):
            before = cv2.getTextSize(piece[:i], face, scale, weight)[0][0] if i else 0
            width = cv2.getTextSize(piece[i], face, scale, weight)[0][0]
            columns.append((x + before + width // 2) // STEP)
        cv2.putText(image, piece, (x, 26), face, scale, ink, weight, cv2.LINE_AA)
        x += cv2.getTextSize(piece, face, scale, weight)[0][0]
    if slant:
        shear = np.float32([[1, -slant, slant * 16], [0, 1, 0]])
        image = cv2.warpAffine(image, shear, image.shape[::-1], borderValue=paper)
    return image, columns, image.shape[1] / STEP


def test_a_gap_as_wide_as_half_a_capital_parts_two_words():
    image, columns, steps = drawn("OKOROCHIDI", {5: 10})
    assert spaces_seen("OKOROCHIDI", columns, steps, image) == "OKORO CHIDI"


def test_dark_letters_on_light_and_a_slant_are_parted_too():
    image, columns, steps = drawn("OKOROCHIDI", {5: 10}, light_on_dark=False)
    assert spaces_seen("OKOROCHIDI", columns, steps, image) == "OKORO CHIDI"
    image, columns, steps = drawn("OKOROCHIDI", {5: 12}, slant=0.25)
    assert spaces_seen("OKOROCHIDI", columns, steps, image) == "OKORO CHIDI"


def test_letters_of_one_word_and_digits_keep_their_spacing():
    image, columns, steps = drawn("OKOROCHIDI", {})
    assert spaces_seen("OKOROCHIDI", columns, steps, image) == "OKOROCHIDI"
    image, columns, steps = drawn("20211107", {4: 12})  # digits are the text rules' to part
    assert spaces_seen("20211107", columns, steps, image) == "20211107"


def test_a_space_already_read_is_kept_and_none_added_beside_it():
    text = "OKORO CHIDI"
    image, columns, steps = drawn(text, {5: 10})
    assert spaces_seen(text, columns, steps, image) == text


def test_columns_that_do_not_fit_the_text_or_a_blank_picture_leave_it_as_read():
    image, columns, steps = drawn("OKOROCHIDI", {5: 10})
    assert spaces_seen("OKOROCHIDI", columns[:-1], steps, image) == "OKOROCHIDI"
    blank = np.zeros_like(image)
    assert spaces_seen("OKOROCHIDI", columns, steps, blank) == "OKOROCHIDI"
