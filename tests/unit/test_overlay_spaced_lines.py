"""Overlay lines as PP-OCR reads them once the spaces it dropped are put back
(picture/word_gaps.py), 2026-12-05 evening: what the spaces newly show must not hide a name or
make one. A name before a hospital's name in one line, cut at its comma or read in another case
or joined by a caret; a name beside a birth-date label OCR misread; a name cut at the frame's
edge whose cut piece is short. And, no names: a maker's model, a performer "Staff", a study's
words run together after the modality "MR", a facility's name alone. The names are this file's
own."""

import pytest

from app.core.detect.line_names import NONE, PERSON, RECORD
from app.core.models import Category
from app.core.picture.edge_text import Cut, edge_spans
from tests.unit.overlay_lines import names


@pytest.mark.parametrize(("text", "beside", "name"), [
    # a facility's name after the name, in one case with it: the comma ends the person's name
    ("LEHTONEN, MARKKU J QUEEN ALEXANDRA HOSPITAL", PERSON, "LEHTONEN, MARKKU"),
    # the name in another case than the hospital's, read as one word or joined by a caret
    ("VIRTANENELINA Northwick Park Hospital", PERSON, "VIRTANENELINA"),
    ("Pietila~Aino ST THOMAS HOSPITAL", PERSON, "Pietila~Aino"),
    # "Born" read "BOm": a label, not a third word of the name
    ("HEIKKINEN PAAVO BOm: 11.02.1966", NONE, "HEIKKINEN PAAVO"),
    # a title in capitals that is no modality here
    ("MR HALLORAN 45y", PERSON, "HALLORAN"),
    # after a label, the whole name in capitals or title case, though its words are English
    # words too ("yulan" is a magnolia), and not the next field's label
    ("Patient: PERES YULAN", NONE, "PERES YULAN"),
    ("Patient: Peres Yulan", NONE, "Peres Yulan"),
    ("Name: ROSE HEATHER DOB 12/03/1950", NONE, "ROSE HEATHER"),
])
def test_a_name_beside_a_facility_or_a_misread_label_is_flagged(detector, text, beside, name):
    assert names(detector, text, beside) == [name]


@pytest.mark.parametrize(("text", "beside"), [
    ("12 Lead Ecg Resting Mortara Eli 280", PERSON),  # a maker's model
    ("Tech ID 2231 Schiller Cardiovit 280", PERSON),
    ("Performed by: STAFF 92 y.0.", PERSON),  # no performer named
    ("Performed By: Staff BETH ISRAELDEACONESS MC", PERSON),
    ("MR LUMBARSPINEWO", PERSON),  # a study's words run together after the modality
    ("DR CHESTPORTABLE 45y", PERSON),
    ("ROYAL FREE HOSPITAL", RECORD),  # a facility's name alone
    ("Mayo CLINIC", RECORD),
    ("Pt: AP CHEST", NONE),  # a view and an anatomy word after a label
    ("PATIENT NAME: DE-IDENTIFIED", NONE),  # what a name field holds when it holds none
    ("Patient: NOT GIVEN", NONE),
    ("Patient: NOTGIVEN", NONE),  # read without its space
])
def test_models_placeholders_studies_and_facilities_are_no_names(detector, text, beside):
    assert names(detector, text, beside) == []


def test_a_name_cut_at_the_frames_edge_keeps_its_whole_first_word(detector):
    """ "StephanFENSTE" and half an "R" read "l": the first word shows whole."""
    text = "PtID: 2140405|BirthDate: 05/27/1951|Female|GregoryHALVORSEl"
    spans = edge_spans(text, detector.detect(text, beside_identifier=PERSON),
                       Cut(False, True, False))
    found = [s.text for s in spans if s.category is Category.NAME]
    assert any(f.startswith("Gregory") for f in found), found


def test_a_word_cut_at_the_edge_with_two_capitals_is_still_one_word(detector):
    text = "Bed 4 RoOm"  # "RoOm" is one word, not "Ro" and "Om"
    spans = edge_spans(text, detector.detect(text, beside_identifier=NONE),
                       Cut(False, True, False))
    assert [s.text for s in spans if s.category is Category.NAME] == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("arkers in drawer", []),  # "Markers in drawer", its M cut: a sentence goes on after it
    ("ollins RN", ["ollins"]),  # a surname's end before a label
    ("owlands", ["owlands"]),
])
def test_the_end_of_an_inflected_word_in_a_sentence_is_no_name(detector, text, flagged):
    spans = edge_spans(text, detector.detect(text, beside_identifier=NONE),
                       Cut(True, False, False))
    assert [s.text for s in spans if s.category is Category.NAME] == flagged
