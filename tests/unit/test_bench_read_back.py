"""bench.redact's OCR-free ink check and its leak rule: both sides (what must be found and
what must not)."""

from __future__ import annotations

import cv2
import numpy as np

from bench.redact import _contrast_left, _shows


def _card(text: str) -> np.ndarray:
    """A light card with dark letters, as grey levels (int16, as the check reads them)."""
    image = np.full((40, 220), 236, np.uint8)
    cv2.putText(image, text, (6, 30), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 30, 2, cv2.LINE_AA)
    return image.astype(np.int16)


def test_letters_left_as_they_were_keep_their_contrast() -> None:
    was = _card("Okafor")
    noisy = np.clip(was + np.random.default_rng(0).normal(0, 3, was.shape), 0, 255)
    assert _contrast_left(was, noisy.astype(np.int16)) > 0.9


def test_a_fill_leaves_no_contrast_even_in_another_grey() -> None:
    was = _card("Okafor")
    fill = (170 + np.random.default_rng(1).normal(0, 4, was.shape)).astype(np.int16)
    assert _contrast_left(was, fill) < 0.1


def test_one_letter_left_at_the_end_of_a_cover_is_found() -> None:
    was = _card("Okafor")
    now = np.full_like(was, 170)
    now[:, 85:] = was[:, 85:]  # the cover stops short of the last letter (x 85-100)
    assert _contrast_left(was, now) > 0.5


def test_a_leak_is_three_characters_in_a_row_of_a_hidden_text() -> None:
    assert _shows(["okafor"], "jokaf")
    assert _shows(["55102937"], "mrn551")
    assert not _shows(["okafor"], "jok")
    assert not _shows(["okafor"], "")
