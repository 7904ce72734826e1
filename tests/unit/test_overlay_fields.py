"""Names alone in a banner's field, and the overlay words beside a name that are none (issue 26
item 1, third pass, 2026-12-05): a surname and given name OCR ran together, after a bar, a
bracket or the record number, with a caret's trace or a middle initial after them; and, not
names, a facility named after a person with its possessive ("Children's"), a scanner model after
its maker's word, a view word OCR cut short at the end of a line of image words. Loads spaCy, no
video models. The names are this file's own, not the bench's."""

import pytest

from app.core.detect.line_names import NONE, PERSON, RECORD
from tests.unit.overlay_lines import names


@pytest.mark.parametrize(("text", "beside", "name"), [
    # the last field of a banner, after a bar or a bracketed sex marker
    ("MRN 40021937|DOB 1951-03-04|FEMALE|OYELARANTEMITOPE", RECORD, "OYELARANTEMITOPE"),
    ("DOB: 12-MAR-1966 (F)OYELARANTEMITOPE", RECORD, "OYELARANTEMITOPE"),
    # DICOM's carets dropped but for a trace: the last caret and the middle initial, or "]"
    ("ID: 77231904 |M|SKARSGARDTOBIAS]", RECORD, "SKARSGARDTOBIAS"),
    # right after the record number, on a record's line only: fourteen letters or more
    ("Acc# 55120934 VASILIAUSKASDAINORA^R", RECORD, "VASILIAUSKASDAINORA"),
])
def test_a_name_run_together_alone_in_its_field_is_flagged(detector, text, beside, name):
    assert names(detector, text, beside) == [name]


@pytest.mark.parametrize(("text", "beside"), [
    # words run together in the same places: a finding, a facility, a study, a place
    ("MRN 3445566|F|ATRIALFIBRILLATION", RECORD),
    ("ID 3445566 |MALE|SOUTHAMPTONGENERAL", PERSON),
    ("Acc# 20458812 (M)CARDIOTHORACICSURGERY", PERSON),
    ("MRN 8812034 WESTMINSTER", RECORD),  # one word of a place, under fourteen letters
    ("Acc# 8812034 HAMMERSMITHBRIDGE", RECORD),  # an English word ends it
])
def test_words_run_together_alone_in_a_field_are_no_name(detector, text, beside):
    assert names(detector, text, beside) == []


@pytest.mark.parametrize(("text", "beside"), [
    # a children's hospital named after a person: the possessive facility word beside it
    ("Nicklaus Children's", PERSON),
    ("Lurie Children's", PERSON),
    # a scanner's model after its maker's word
    ("Vantage Galan", PERSON),
    # a view word OCR cut short ("Left" read "Le") on a line of image words
    ("Ct Chest Axial Le", PERSON),
])
def test_a_facility_model_or_cut_view_word_is_no_name(detector, text, beside):
    assert names(detector, text, beside) == []


@pytest.mark.parametrize(("text", "beside", "name"), [
    ("Galan, Marisol", PERSON, "Galan, Marisol"),  # the model's word as a surname, shaped
    ("LE, Thi Hoa  71y", NONE, "LE, Thi Hoa"),  # a short surname with its given names
])
def test_the_same_words_as_a_persons_name_are_still_flagged(detector, text, beside, name):
    assert names(detector, text, beside) == [name]


@pytest.mark.parametrize(("text", "beside", "name"), [
    ("Dr: Okonkwo", NONE, "Okonkwo"),  # "DR" is a modality too, but here a title
    ("Magnetom Vida  Tech: Ruth", PERSON, "Ruth"),  # a labelled field on the model's line
])
def test_a_name_after_a_title_or_a_label_among_image_words_stays_a_name(detector, text, beside,
                                                                        name):
    assert name in names(detector, text, beside)
