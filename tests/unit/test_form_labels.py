"""A printed form's or a handover sheet's labels and what stands after them: a patient's state
after "Patient:" is no name, a postcode whose space OCR moved is a postcode after its label, and
an NHS number read under or beside its label is one ID (not a phone as well)."""

import pytest

from app.core.detect.line_names import NONE, PERSON
from app.core.findings.hits import screen_hits
from app.core.models import Box, Category, OcrLine
from app.core.picture.detectors import with_labelled
from app.core.picture.stacked_lines import joined_text, spans_in_value, stacked_pairs

COLUMN = "    "  # a form's label and value read as one line, a column's gap apart


def found(detector, text, beside=None):
    return [(s.category, s.text) for s in detector.detect(text, beside_identifier=beside)]


@pytest.mark.parametrize("text", [
    "Patient: Stable", "Patient: Comfortable", "Patient: Improving", "Patient: Discharged",
    "Patient: Sleeping", "PATIENT: STABLE", "Pt: Unwell", f"Patient:{COLUMN}Sleeping",
    "Patient: Settled", "Patient: Deteriorating", "Patient: Good", "Patient: Stable Overnight",
])
@pytest.mark.parametrize("beside", [None, NONE, PERSON])
def test_a_patients_state_after_the_label_is_no_name(detector, text, beside):
    assert not [t for c, t in found(detector, text, beside) if c is Category.NAME], text


@pytest.mark.parametrize(("text", "name"), [
    ("Patient: Stanley", "Stanley"), ("Patient: Mary Able", "Mary Able"),
    ("Patient: HOPE, Grace", "HOPE, Grace"), ("Patient: Hope", "Hope"),
    ("Patient: Grace", "Grace"), ("Patient: Faith Long", "Faith Long"),
    ("Patient: Will Stable", "Will Stable"), ("Patient: Peres Yulan", "Peres Yulan"),
    (f"Patient:{COLUMN}Rose", "Rose"), ("PATIENT: AMBER YOUNG", "AMBER YOUNG"),
])
def test_a_name_after_the_label_is_still_a_name(detector, text, name):
    assert (Category.NAME, name) in found(detector, text), found(detector, text)
    # beside a record number too
    assert [t for c, t in found(detector, f"{text}   DOB 12/03/1961", PERSON)
            if c is Category.NAME and name in t], text


@pytest.mark.parametrize("text", [
    "Postcode LS 62QX", "Postcode LS62 QX", "POSTCODE LS 62QX", "Postcode: M 11AE",
    "Postcode M 11AE", f"Postcode{COLUMN}SW 1A1AA", "Postcode B 152TT", "Post code EH 11YZ",
    "Postcode LS62QX", "Postcode EH 1 lYZ",
])
def test_a_postcode_with_its_space_moved_is_a_postcode_after_its_label(detector, text):
    spans = detector.detect(text)
    assert len(spans) == 1, spans
    assert spans[0].category is Category.LOCATION and "postcode" in spans[0].rule, spans
    assert spans[0].text.endswith(text.split()[-1]), spans


@pytest.mark.parametrize("text", ["LS 62", "Postcode LS 62", "Postcode not known",
                                  "Bay 12", "Postcode: TBC on discharge", "Bed 4 M 12"])
def test_ordinary_text_is_no_postcode(detector, text):
    assert not [s for s in detector.detect(text) if "postcode" in s.rule], text


@pytest.mark.parametrize(("text", "number"), [
    ("HOPE, Grace DOB 12/03/1961    NHS No 943 4765919F Ward 7", "NHS No 943 4765919"),
    ("SMITH, Ann  MRN 10293847M  DOB 01/02/1950", "MRN 10293847"),
    ("NHS No 943 476 5919F", "NHS No 943 476 5919"),
])
def test_a_record_number_with_the_sex_run_on_is_found(detector, text, number):
    assert (Category.ID, number) in found(detector, text), found(detector, text)


@pytest.mark.parametrize("text", ["FIN 2024M", "FIN 2024 review"])
def test_a_year_with_a_letter_run_on_is_no_record_number(detector, text):
    assert not [c for c, _ in found(detector, text) if c is Category.ID], text


def line(text, x, y, w=150, h=24):
    return OcrLine(text, 0.9, (Box(0.0, x, y, w, h),), ((0, len(text)),))


@pytest.mark.parametrize(("label", "value"), [
    (line("NHS No", 40, 60), line("943 476 5919", 40, 96)),  # under its label
    (line("NHS No:", 40, 60), line("943 476 5919", 400, 60)),  # a column apart
    (line("MRN", 40, 60), line("617 555 0142", 40, 96)),
])
def test_a_number_under_or_beside_its_label_is_one_finding_of_the_labels_kind(
        detector, label, value):
    own = screen_hits(value, detector.detect(value.text))
    assert [h.span.category for h in own] == [Category.PHONE]  # alone it looks like a phone
    pairs = stacked_pairs([label, value])
    assert len(pairs) == 1
    label, paired = pairs[0]
    labelled = screen_hits(paired, spans_in_value(
        label, paired, detector.detect(joined_text(label, paired))))
    hits = with_labelled(own, labelled)
    assert [h.span.category for h in hits] == [Category.ID], hits


def test_a_labelled_read_leaves_other_numbers_and_its_own_kind_alone(detector):
    phone, dob = line("Tel 617 555 0142", 600, 300), line("DOB", 40, 60)
    value = line("03/14/1951", 40, 96)
    own = (screen_hits(phone, detector.detect(phone.text))
           + screen_hits(value, detector.detect(value.text)))
    (label, paired), = stacked_pairs([dob, value])
    labelled = screen_hits(paired, spans_in_value(
        label, paired, detector.detect(joined_text(label, paired))))
    hits = with_labelled(own, labelled)
    assert sorted((h.span.category.value, h.span.text) for h in hits) == [
        ("date", "03/14/1951"), ("phone", "617 555 0142")], hits


@pytest.mark.parametrize("text", ["Postcode TBC", "Postcode TBA"])
def test_a_postcodes_label_is_no_name(detector, text):
    assert not [t for c, t in found(detector, text) if c is Category.NAME], text
