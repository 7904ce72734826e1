"""The proof's leak rule (app/core/redact/leak_rule.py), both sides: the pieces a misplaced
cover leaves that an outside tester's probes showed went unseen (2026-12-05), and the ordinary
text beside a cover that must stay no leak (a false leak costs a round of repair, or a spurious
NOT SAFE). Each read is placed as OCR places it: on the cover's line just beside the cover
(`BESIDE`), over it (`ON`), or, when no cover is drawn in that frame, anywhere near (`NEAR`)."""

import pytest

from app.core.redact.leak_rule import Secret, numbers, values
from app.core.redact.read_back import Hidden, _leaks

REGION, COVER = (0, 0, 720, 400), (200, 100, 160, 30)
ON, BESIDE, NEAR = (200, 102, 160, 26), (150, 104, 50, 24), (150, 300, 120, 24)
COVERED, UNCOVERED = 1.0, 0.5  # a cover is drawn at 1.0 only


def _leak(hidden: str, read: str, where=BESIDE, t_s: float = COVERED) -> bool:
    h = Hidden("f", hidden, {COVERED: COVER})
    assert h.looked_for, hidden
    return bool(_leaks(t_s, REGION, [(read, where)], [h], 3))


# (a) short identifiers: labels and values of under three characters
@pytest.mark.parametrize(("hidden", "read", "where", "t_s"), [
    ("Dr Ng", "Dr Ng", ON, COVERED), ("Dr Ng", "Ng", BESIDE, COVERED),
    ("Dr Ng", "DR NG", NEAR, UNCOVERED), ("Dr Ng", "Consultant: Dr Ng", NEAR, UNCOVERED),
    ("Bed 4", "Bed 4", ON, COVERED), ("Bed 4", "4", BESIDE, COVERED),
    ("Bed 4", "Bed 4:", NEAR, UNCOVERED), ("Bed 4", "BED4", BESIDE, COVERED),
    ("Room 12", "12", BESIDE, COVERED), ("Room 12", "Room 12", NEAR, UNCOVERED),
    ("Tom Li", "Tom", BESIDE, COVERED), ("Tom Li", "Tom Li", NEAR, UNCOVERED),
    ("Tom Li", "Li", BESIDE, COVERED), ("Bed 4: Tom Li", "Li", BESIDE, COVERED),
    ("Sam Ward", "Ward", BESIDE, COVERED), ("Dr Ward", "Ward", BESIDE, COVERED),
    ("HR", "HR", ON, COVERED), ("Bay 3 Bed B", "Bay 3 Bed B", NEAR, UNCOVERED),
])
def test_a_short_identifier_read_where_its_cover_is_leaks(hidden, read, where, t_s):
    assert _leak(hidden, read, where, t_s)


@pytest.mark.parametrize(("hidden", "read", "where", "t_s"), [
    ("Dr Ng", "Dr", BESIDE, COVERED),  # the label alone may show beside its cover
    ("Dr Ng", "Ng", NEAR, UNCOVERED),  # two letters anywhere near are no evidence
    ("Bed 4", "Bed", BESIDE, COVERED), ("Bed 4", "Bed 3", ON, COVERED),
    ("Bed 4", "4", NEAR, UNCOVERED), ("Bed 4", "Bed 14", ON, COVERED),
    ("Room 12", "Room 1", ON, COVERED), ("Room 12", "12", NEAR, UNCOVERED),
    ("Bed 4", "4", (600, 104, 20, 24), COVERED),  # far along the line
    ("HR", "72", ON, COVERED), ("Nurse in charge", "in", ON, COVERED),
    ("J. Okafor", "J", BESIDE, COVERED), ("Tom Li", "Li", NEAR, UNCOVERED),
    ("WARD 7B HANDOVER", "Ward", BESIDE, COVERED),
])
def test_a_short_value_elsewhere_or_a_label_alone_is_no_leak(hidden, read, where, t_s):
    assert not _leak(hidden, read, where, t_s)


# (b) a middle piece of a word or a number, a number split, a date's start
@pytest.mark.parametrize(("hidden", "read", "where", "t_s"), [
    ("Margaret Olson", "arga", BESIDE, COVERED), ("Margaret Olson", "rgar", NEAR, UNCOVERED),
    ("J. Okafor", "kafo", BESIDE, COVERED), ("M. Whitaker", "itak", ON, COVERED),
    ("S. Lindqvist", "ndqv", BESIDE, COVERED), ("Margaret Olson", "argar", ON, COVERED),
    ("MRN 00482913", "4829", BESIDE, COVERED), ("MRN 00482913", "48 29", NEAR, UNCOVERED),
    ("MRN 00482913", "0048 2913", ON, COVERED), ("MRN 00482913", "8291", ON, COVERED),
    ("MRN 00482913", "4B29", BESIDE, COVERED), ("MRN 00482913", "O482", BESIDE, COVERED),
    ("DOB: 12/03/1948", "12/03", BESIDE, COVERED), ("DOB: 12/03/1948", "12/03", NEAR, UNCOVERED),
    ("DOB: 12/03/1948", "12.03", BESIDE, COVERED), ("DOB: 12/03/1948", "2/03/1", ON, COVERED),
    ("D.O.B. 12.03.1948", "12.03", BESIDE, COVERED), ("DOB: 3/4/1951", "3/4", BESIDE, COVERED),
    ("NHS 943 476 5919", "476 59", BESIDE, COVERED), ("NHS 943 476 5919", "4765", ON, COVERED),
    ("Call 617-555-0142", "555-01", NEAR, UNCOVERED),
    ("Tom Li", "om Li", BESIDE, COVERED), ("Tom Li", "omLi", NEAR, UNCOVERED),
    ("Margaret Olson", "et Ol", BESIDE, COVERED), ("Nurse in charge", "se in c", ON, COVERED),
])
def test_a_middle_piece_or_a_split_number_leaks(hidden, read, where, t_s):
    assert _leak(hidden, read, where, t_s)


@pytest.mark.parametrize(("hidden", "read", "where", "t_s"), [
    ("MRN 00482913", "BP 129/13", ON, COVERED),  # "2913" across a "/" the MRN has not
    ("MRN 00482913", "BP 129/13", NEAR, UNCOVERED), ("MRN 00482913", "Ext 4821", BESIDE, COVERED),
    ("MRN 00482913", "2019", ON, COVERED), ("MRN 00482913", "482", NEAR, UNCOVERED),
    ("DOB: 12/03/1948", "12:30", BESIDE, COVERED), ("DOB: 12/03/1948", "BP 120/80", ON, COVERED),
    ("DOB: 12/03/1948", "Today 05/12/2026", ON, COVERED), ("DOB: 3/4/1951", "4/3", BESIDE, COVERED),
    ("Margaret Olson", "Pack a real lunch", ON, COVERED), ("Margaret Olson", "garage", ON, COVERED),
    ("Margaret Olson", "Targets", ON, COVERED), ("Margaret Olson", "Large", ON, COVERED),
    ("M. Whitaker", "Intake", ON, COVERED), ("M. Whitaker", "Uptake", NEAR, UNCOVERED),
    ("Consultant", "sult", ON, COVERED),  # a hidden English word: its inside is many words'
    ("WARD 7B HANDOVER", "Wash hands often", ON, COVERED),
    ("WARD 7B HANDOVER", "Wash hands often", NEAR, UNCOVERED),
    ("Nurse in charge", "Large print", ON, COVERED), ("Nurse in charge", "1 inch", ON, COVERED),
    ("Tom Li", "Tomorrow", ON, COVERED), ("Tom Li", "Atoms", BESIDE, COVERED),
    ("Margaret Olson", "Person in charge", NEAR, UNCOVERED),  # ends as "Olson", but a word
    ("Margaret Olson", "Wash hands often", ON, COVERED),
])
def test_ordinary_text_and_other_numbers_beside_a_cover_are_no_leak(hidden, read, where, t_s):
    assert not _leak(hidden, read, where, t_s)


# (c) a label run into the start of a name, and a first letter misread
@pytest.mark.parametrize(("hidden", "read", "t_s"), [
    ("Margaret Olson", "PATIENTMARG", COVERED), ("Margaret Olson", "PATIENTMARG", UNCOVERED),
    ("Margaret Olson", "patientmarg", COVERED), ("Margaret Olson", "patientmargaret", COVERED),
    ("OLSON, Margaret", "NAMEOLS", COVERED), ("OLSON, Margaret", "NAMEOLS", UNCOVERED),
    ("Margaret Olson", "Narg", COVERED), ("Margaret Olson", "Narg", UNCOVERED),
    ("Margaret Olson", "Nargaret", COVERED), ("Anika Patel", "Bnika", COVERED),
    ("Margaret Olson", "PATIENTNARG", COVERED), ("MRN 00482913", "MRNO0482", COVERED),
])
def test_a_label_run_into_a_name_or_a_misread_first_letter_leaks(hidden, read, t_s):
    assert _leak(hidden, read, BESIDE if t_s == COVERED else NEAR, t_s)


@pytest.mark.parametrize(("hidden", "read"), [
    ("Margaret Olson", "Bedside"), ("Margaret Olson", "Patient"), ("Margaret Olson", "Named"),
    ("Margaret Olson", "Harbour"), ("Margaret Olson", "Patients: 4"), ("Anika Patel", "Hotel"),
    ("Margaret Olson", "Wardrobe"), ("Sam Ward", "Wardrobe"), ("Margaret Olson", "Nurse"),
])
def test_an_english_word_near_the_cover_is_no_leak(hidden, read):
    assert not _leak(hidden, read, BESIDE)
    assert not _leak(hidden, read, NEAR, UNCOVERED)


def test_the_pieces_of_a_hidden_text():
    assert values("Sam Ward") == ["sam", "ward"] and values("Bed 4") == ["4"]
    assert values("D.O.B. 12.03.1948") == ["12", "03", "1948"] and values("Ward") == []
    assert Secret("Dr Ng").short == {"ng"} and Secret("Tom Li").short == {"11"}  # folded
    assert Secret("J. Okafor").short == set() and Secret("Nurse in charge").short == set()
    assert not Secret("Patient:").looked_for and Secret("Bed 4").looked_for
    (mrn,) = numbers("MRN 0O48 2913")
    assert mrn.digits == "00482913" and mrn.marks == frozenset()  # a read's spaces say nothing
    (date,) = numbers("12/03/1948", spaced=True)
    assert date.digits == "12031948" and date.marks == {2, 4}
    assert {"arga", "rgar", "et01"} <= Secret("Margaret Olson").inner
    inner = Secret("Nurse in charge").inner  # English words, no name: only across their spaces
    assert "harg" not in inner and "1nch" in inner and not Secret("Consultant").inner
    assert not Secret("MRN 00482913").inner  # digits alone: a number's rule
