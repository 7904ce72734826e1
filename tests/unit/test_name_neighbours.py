"""A name takes in the name written next to it (detect/name_neighbours.py): half a name flagged
is half a name a cover leaves readable. Both sides: what must join, and what must stay apart."""

import pytest

from app.core.word_lists import WordLists
from tests.unit.overlay_lines import names


@pytest.mark.parametrize(("text", "name"), [
    # a name card or a chart's title with nothing around it: the model found the surname only
    ("MARTA KOWALCZYK", "MARTA KOWALCZYK"),
    ("Marta KOWALCZYK", "Marta KOWALCZYK"),
    # DICOM's caret: a list knew the given name only, the surname stayed bare
    ("Kowalczyk^Marta", "Kowalczyk^Marta"),
    ("Kowalczyk~Marta", "Kowalczyk~Marta"),
    ("OYELARAN^TEMITOPE", "OYELARAN^TEMITOPE"),
    ("Przybylo^Anna^^^", "Przybylo^Anna"),
    ("Bed 6 - Siobhan O'Neill", "Siobhan O'Neill"),
    # a board's row read as one line: the lists knew "Ewa" and "Ravi", the surname stayed bare
    ("Szymanska Ewa Ravi", "Szymanska Ewa Ravi"),
])
def test_the_name_beside_a_name_is_part_of_it(detector, text, name):
    assert name in names(detector, text), names(detector, text)


@pytest.mark.parametrize(("text", "expected"), [
    # two columns, a patient and her nurse: two names, never one
    ("Siobhan   Mensah", ["Siobhan", "Mensah"]),
    ("RN: Ann   Dr: Mensah", ["Ann", "Mensah"]),
    # ordinary words and labels beside a name stay out of it
    ("Thanks Amy for the update", ["Amy"]),
    ("Patient MARTA KOWALCZYK", ["MARTA KOWALCZYK"]),
])
def test_what_is_no_name_stays_out(detector, text, expected):
    assert names(detector, text) == expected


@pytest.mark.parametrize("text", [
    # an image's own words joined by a caret (a DICOM study description) or in capitals
    "CT^HEAD", "CHEST^PA", "LEFT^KNEE", "MRI^BRAIN^WO", "T2^FLAIR", "ABDOMEN^ROUTINE",
    "Please CALL", "Jade STAT", "Review PORTABLE", "HEAD^ROUTINE", "BRAIN^WO^CONTRAST",
    "Test^Patient", "Figure, A.", "Vitamin, D.", "Hepatitis, B.", "Grace Period", "Stay Safe",
    "Vitamin D", "Type A", "Section A", "Plan A", "Hepatitis B",
])
def test_image_words_alone_are_no_name(detector, text):
    assert names(detector, text) == []


@pytest.mark.parametrize(("text", "name"), [
    # a name alone on its line, nothing around it: a name card, a chart's title, a header
    ("KOWALCZYK Marta", "KOWALCZYK Marta"),
    ("SMITH^JOHN", "SMITH^JOHN"),
    ("LEE^LI", "LEE^LI"),
    # an outside tester's CT header and EHR banner, as PP-OCR read them (the caret as "~", the
    # first letters cut by the frame's edge)
    ("OYELARAN~ADEBAYO~T", "OYELARAN~ADEBAYO~T"),
    ("VANDERBERG~PIETER", "VANDERBERG~PIETER"),
    ("LARAN~ADEBAYO~T", "LARAN~ADEBAYO~T"),
    ("Lindqvist-Oduya, M.", "Lindqvist-Oduya, M."),
    ("Moreau, J.", "Moreau, J."),
    ("Abernathy R", "Abernathy R"),
    ("Szymanska Ewa", "Szymanska Ewa"),
    ("Ewa Szymanska", "Ewa Szymanska"),
])
def test_a_name_alone_by_its_shape(detector, text, name):
    assert names(detector, text) == [name]


def test_an_allowed_name_is_not_taken_in(detector):
    # the clinician's own name on the allow list is never flagged, even beside a patient's
    lists = WordLists(allow=("Aoife",))
    found = [s.text for s in detector.detect("Aoife Marta Kowalczyk", lists, beside_identifier=0)
             if s.category.value == "name"]
    assert all("Aoife" not in t for t in found) and any("Kowalczyk" in t for t in found), found
