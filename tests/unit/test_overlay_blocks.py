"""Names on burned-in overlays by their block and as OCR runs them together (issue 26 item 1,
2026-12-05): a name two lines over the line with the sex and age, a middle initial run into the
names, names whose spaces were all dropped, DICOM's caret between words that are also English, a
banner's unspaced bars; and the overlay's, facility's and device's words, run together too, that
are no names. Loads spaCy, no video models."""

import pytest

from app.core.detect.line_names import NONE, PERSON, RECORD, holds_identifier
from app.core.models import Box, OcrLine
from app.core.picture.stacked_lines import block_of, neighbours
from tests.unit.overlay_lines import names


def _line(text, x, y, w, h=20):
    return OcrLine(text, 0.9, (Box(0.0, x, y, w, h),), ((0, len(text)),))


def test_a_line_two_lines_over_the_sex_and_age_is_in_their_block():
    name = _line("SatsitaA. UMKHAYEV", 20, 20, 220)
    site = _line("STVINCENT'SPRIVATE", 300, 20, 200)  # the same row, a column apart
    record = _line("MRN 22243663 2014-04-03", 20, 48, 240)
    person = _line("38 YRS[F]", 20, 76, 100)
    far = _line("LIVER TRANSVERSE", 20, 500, 200)
    lines = [name, site, record, person, far]
    assert person not in neighbours(name, lines)  # the line right beside only, as before
    block = block_of(name, lines)
    assert person in block and record in block and site in block
    assert far not in block


def test_a_page_of_lines_is_no_block():
    """On a slide or a board every line touches the next: only the lines right beside count."""
    lines = [_line(f"line {i}", 20, 20 + 28 * i, 200) for i in range(12)]
    assert block_of(lines[0], lines) == neighbours(lines[0], lines) == [lines[1]]


@pytest.mark.parametrize(("text", "beside", "name"), [
    # a name a line or two from the sex and age: the block's cue
    ("SatsitaA. UMKHAYEV", PERSON, "SatsitaA. UMKHAYEV"),
    # a middle initial in capitals run into the names: after a first name
    ("EVETMAGRATH", PERSON, "EVETMAGRATH"),
    ("BEET, JUSTING D.0.B.12.01.2003", NONE, "BEET, JUSTIN"),
    # every space dropped: two names long, no English or overlay words making it up
    ("Pt: AYNAPKHADZHIYEV", PERSON, "AYNAPKHADZHIYEV"),
    ("PATIENTNAME: VEDZIZHEVZARGANM", PERSON, "VEDZIZHEVZARGANM"),
    ("NIKOLAJTPETRUSSEN 23y.0.", NONE, "NIKOLAJTPETRUSSEN"),
    # an age label run into the name is cut off, and is a person cue
    ("GYALAANTALLAge: 87", NONE, "GYALAANTALL"),
    # DICOM's caret (read as a tilde) between words that are also English or places
    ("LIMA~Sofa D.O.B. 16.08.1972 MALE", NONE, "LIMA~Sofa"),
    # a banner's bars with no space: the date does not run on over the name
    ("MRN 38157514|DOB: 1962-10-21|Male|MONTER 0,NAYLA", NONE, "MONTER 0,NAYLA"),
    # a surname first on its line with its capital read small, before a comma and a given name
    ("oliveira, Melissa R.", RECORD, "oliveira, Melissa"),
    # a caret-joined name beside a facility's words
    ("DALE~ERIN~P MAYOCLINIC", PERSON, "DALE~ERIN~P"),  # its middle initial too
])
def test_names_on_overlays_as_ocr_reads_them_are_flagged(detector, text, beside, name):
    assert names(detector, text, beside) == [name]


@pytest.mark.parametrize(("text", "beside"), [
    # overlay, facility and place words run together, beside a person cue
    ("MRLUMBARSPINEWO", PERSON),
    ("GREATORMONDSTREET", PERSON),
    ("FREEMANHOSPITAL", PERSON),
    ("ADDENBROOKES", PERSON),
    ("CTABDOMENPELVISWITHIVCONTRAST", PERSON),
    ("Tech: JMQUEEN ELIZABETHHOSPITAL", PERSON),
    # a site's name, a role and a study title, a sequence run into a label
    ("Site: Main Campus", PERSON),
    ("Site: Main Campus 89y. o.", NONE),
    ("Endoscopist: CONSULTANT MrLumbarSpineWo", PERSON),
    ("T2 TSE SAGPtID: 12494628 2012-05-19 16", NONE),
    # a word after a label that is no overlay label ("ALLERGIES:"), before a sex and an age
    ("ALLERGIES: NKDA M 64 YRS Acc#55265268", NONE),
    # English words in small letters before a comma are no surname read small
    ("oral, Topical 12/03/2021", NONE),
    # technician's initials, a word ending in "age" with no age after it
    ("Tech: JM", PERSON),
    ("HERITAGE CENTRE Age: 41", NONE),
    ("SUNNYBROOK HSC", RECORD),
])
def test_overlay_facility_and_device_words_are_no_names(detector, text, beside):
    assert names(detector, text, beside) == []


def test_a_date_with_a_sex_letter_run_on_is_a_record_cue():
    assert holds_identifier("D0日:1934-10-22F", []) == RECORD
    assert holds_identifier("GYALAANTALLAge: 87", []) == PERSON
    assert holds_identifier("BONE WINDOW", []) == NONE
