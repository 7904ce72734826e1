"""A label printed over its value ("DOB" above "03/14/1951") is read as one."""

import pytest

from app.core.detect import TextDetector
from app.core.models import Box, Category, OcrLine
from app.core.picture.stacked_lines import joined_text, spans_in_value, stacked_pairs


def line(text, x, y, w=120, h=20):
    return OcrLine(text, 0.9, (Box(0.0, x, y, w, h),), ((0, len(text)),))


@pytest.fixture(scope="module")
def detector():
    return TextDetector()


def test_label_pairs_with_the_line_beneath():
    dob, value = line("DOB:", 10, 10), line("03/14/1951", 10, 34)
    beside = line("Allergies: none", 300, 34)
    far_below = line("MRN", 10, 200)
    assert stacked_pairs([dob, value, beside, far_below]) == [(dob, value)]


def test_ordinary_lines_are_not_labels():
    assert stacked_pairs([line("Wash your hands", 10, 10), line("20 seconds", 10, 34)]) == []


def test_value_is_found_with_its_label(detector):
    label, value = line("Room", 10, 10), line("12", 10, 34)
    assert detector.detect(value.text) == []  # a bare "12" is nothing
    spans = spans_in_value(label, value, detector.detect(joined_text(label, value)))
    assert [(s.category, s.text) for s in spans] == [(Category.LOCATION, "12")]
    assert "label 'Room' above" in spans[0].rule
