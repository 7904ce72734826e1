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


# a form: labels in one column, values a wide gap to their right, read as lines of their own
def found(detector, lines):
    """(label's text, what is found on its value's line) for each pair in `lines`."""
    return [(label.text, [(s.category, s.text) for s in spans_in_value(
        label, value, detector.detect(joined_text(label, value)))])
        for label, value in stacked_pairs(lines)]


def test_label_and_its_value_beside_it_are_read_as_one_line(detector):
    bed, number = line("Bed", 40, 100, w=45), line("12", 340, 98, w=28)
    doctor = line("Dr Patel", 700, 100)  # the next column: not the label's value
    [(label, row)] = stacked_pairs([bed, number, doctor])
    assert label is bed and row.text == "Bed    12"  # text_join.COLUMN between them
    assert row.boxes == bed.boxes + number.boxes and row.spans == ((0, 3), (7, 9))
    assert found(detector, [bed, number, doctor]) == [("Bed", [(Category.LOCATION, "Bed    12")])]


@pytest.mark.parametrize(("label", "value", "expected"), [
    ("Room", "4B", (Category.LOCATION, "Room    4B")),
    ("Patient:", "Forsberg Tintin", (Category.NAME, "Forsberg Tintin")),
    ("Postcode", "LS 6 2QX", (Category.LOCATION, "LS 6 2QX")),
    ("MRN", "1234567", (Category.ID, "MRN    1234567")),
])
def test_form_values_beside_their_labels_are_found(detector, label, value, expected):
    left, right = line(label, 40, 100, w=20 * len(label)), line(value, 400, 101, w=200)
    [(_, spans)] = found(detector, [right, left])
    assert expected in spans


def test_a_name_beside_its_label_does_not_take_the_next_column(detector):
    label, name = line("Patient:", 40, 100, w=90), line("Forsberg Tintin", 300, 100, w=170)
    hospital = line("King's College Hospital", 700, 100, w=260)
    assert found(detector, [label, name, hospital]) == [
        ("Patient:", [(Category.NAME, "Forsberg Tintin")])]


def test_no_value_beside_a_line_that_is_no_label_or_beside_a_label():
    assert stacked_pairs([line("Wash your hands", 40, 100), line("20", 400, 100, w=28)]) == []
    # a form's column of labels: "Bed" over "Room" is no value, nor "Bed" beside "Bay"
    bed, room = line("Bed", 40, 100, w=45), line("Room", 40, 150, w=60)
    assert stacked_pairs([bed, room, line("Bay", 400, 100, w=45)]) == []


def test_a_label_beside_ordinary_words_gives_nothing(detector):
    phone, words = line("Phone", 40, 100, w=70), line("ask at the front desk", 300, 100, w=250)
    assert found(detector, [phone, words]) == [("Phone", [])]
