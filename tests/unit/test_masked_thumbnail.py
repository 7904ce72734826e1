"""A masked review PDF's thumbnail hides a flagged box so that nothing of what was in it is
left: two frames that differ only in the text inside the box give the same thumbnail, pixel for
pixel (a mosaic, even of 4×2 cells, keeps how much ink each stretch of the line holds, and
rendering candidate strings the same way ranks the true one first, as the redacted copy's
attack test shows)."""

from types import SimpleNamespace

import cv2
import numpy as np
import pytest

from app.core.models import Box, Category, Finding, Source
from app.core.review.report import _thumbnail

BOX = Box(1.0, 60, 200, 300, 40)


def _frame(text: str, font: int) -> np.ndarray:
    rng = np.random.default_rng(5)
    frame = np.clip(rng.normal(180, 12, (640, 480, 3)), 0, 255).astype(np.uint8)
    frame = cv2.GaussianBlur(frame, (0, 0), 3)
    cv2.rectangle(frame, (40, 180), (440, 260), (240, 240, 235), -1)  # the card it is on
    cv2.putText(frame, text, (BOX.x + 4, BOX.y + 32), font, 1.0, (30, 30, 40), 2, cv2.LINE_AA)
    return frame


def _picture(text: str, masked: bool, font: int) -> np.ndarray:
    finding = Finding("f", 0.5, 1.5, Source.SCREEN, Category.ID, text, 0.9, "r", boxes=(BOX,))
    result = SimpleNamespace(findings=[finding])
    png = _thumbnail("f", BOX, _frame(text, font), result, masked)["f"]  # type: ignore[arg-type]
    return cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)


@pytest.mark.parametrize("font", [cv2.FONT_HERSHEY_SIMPLEX, cv2.FONT_HERSHEY_DUPLEX,
                                  cv2.FONT_HERSHEY_COMPLEX])
@pytest.mark.parametrize(("one", "other"), [("MRN 00482913", "MRN 55102937"),
                                            ("Margaret Olson", "Anika Patel"),
                                            ("Bed 4", "Bed 12")])
def test_a_masked_thumbnail_keeps_nothing_of_the_text(one, other, font):
    assert np.array_equal(_picture(one, True, font), _picture(other, True, font))
    # the other side: unmasked, the two texts do give different pictures
    assert not np.array_equal(_picture(one, False, font), _picture(other, False, font))
