"""Names that no list holds, on a line beside a patient's record number (2026-12-06, issue 26):
the 1990 census lists lack most of the world's names, so "ADAEZE OBIORA" over "Pt ID: 48213377"
was read exactly and never flagged. Beside a patient's record number (its label says so: Pt ID,
Patient ID, MRN, ID:, Hosp No, NHS No), a line of two or three words no list holds, shaped as
names, is one. Not: equipment makers' and models' words, an image's, a facility's, the ward's,
English words, and not beside a date or a study's number alone. The names are this file's own."""

import pytest

from app.core.detect.line_names import NONE, PATIENT, PERSON, RECORD, holds_identifier
from tests.unit.overlay_lines import names


@pytest.mark.parametrize("text", [
    "ADAEZE OBIORA",
    "Cormac Breathnach",  # "breath" + "nach" is chance: no name is words run together
    "NGOZI EZEKWESILI",
    "KAHURANGI PAEWAI",
    "Thandeka MBATHA-ZULU",
    "Eszter Nagyvaradi",
    "ONYEKACHI NWANKWOALA",
    "TEMITOPE ADEYEMI-OKORO",
])
def test_a_line_of_unlisted_words_beside_a_patients_record_number_is_a_name(detector, text):
    assert names(detector, text, PATIENT) == [text]


@pytest.mark.parametrize("text", [
    "OBIORA EZEKWESILI",  # surnames both, in no list
    "PAEWAI NGATAI",
])
def test_beside_a_date_or_nothing_an_unlisted_line_is_no_name(detector, text):
    """A date or a study's number says less: the line may be the equipment's or the site's."""
    assert names(detector, text, RECORD) == []
    assert names(detector, text, NONE) == []


@pytest.mark.parametrize("text", [
    "WISONIC NAVIS",  # makers and models no dictionary holds
    "ESAOTE MYLAB",
    "SONOSCAPE",
    "ALOKA ARIETTA",
    "EDAN ACCLARIX",
    "CHISON EBIT",
    "SIEMENS SKYRA",
    "Sectra Impax",
    "SAMSUNG RS85",  # a model's digits
    "TRANSVAGINAL LONGITUDINAL",  # the image's and English words
    "ABDOMENPELVIS WCONTRAST",  # words run together
    "ROYAL INFIRMARY",  # a facility's
    "PICU STEPDOWN",
    "OPERATOR KJT",
    "V2.41 BUILD",
])
def test_equipment_image_and_facility_lines_beside_a_record_number_are_no_names(detector, text):
    assert names(detector, text, PATIENT) == []


def test_a_patients_record_number_is_told_from_a_studys():
    assert holds_identifier("Pt ID: 48213377", []) == PATIENT
    assert holds_identifier("Pt 1D: 48213377", []) == PATIENT  # the I read as a 1
    assert holds_identifier("Patient ID 00482133", []) == PATIENT
    assert holds_identifier("MRN: A5512093", []) == PATIENT
    assert holds_identifier("Hosp No 48213377", []) == PATIENT
    assert holds_identifier("NHS No 9434765919", []) == PATIENT
    assert holds_identifier("Study ID: 48213377", []) == RECORD
    assert holds_identifier("Series ID 4471", []) == RECORD
    assert holds_identifier("Accession 81244127", []) == RECORD
    assert holds_identifier("Exam 2019-07-12", []) == RECORD
    assert holds_identifier("MRN 4471  [F]", []) == PERSON  # a sex says more


def test_a_listed_name_beside_a_patients_record_number_is_still_found(detector):
    assert names(detector, "HARGREAVES WINIFRED", PATIENT) == ["HARGREAVES WINIFRED"]
    assert names(detector, "OBIORA, Adaeze", PATIENT) == ["OBIORA, Adaeze"]


@pytest.mark.parametrize(("text", "beside"), [
    # the world's towns no name list holds, beside a sex, an age or a birth date (an outside
    # tester's headers: a site's line in capitals)
    ("BULAWAYO", PERSON),
    ("OSHAKATI  F 40Y", NONE),
    ("COCHABAMBA BOLIVIA", PERSON),
    ("TIRUNELVELI", PERSON),
    # hospitals as other languages name them
    ("Ospedale Careggi", PATIENT),
    ("Hopital Lariboisiere", PATIENT),
    ("KLINIKUM GROSSHADERN", PERSON),
])
def test_the_worlds_towns_and_hospitals_are_no_names(detector, text, beside):
    assert names(detector, text, beside) == []


@pytest.mark.parametrize(("text", "beside", "name"), [
    ("LIMA^Sofia", PERSON, "LIMA^Sofia"),  # a town's name that is a surname, shaped as a name
    ("KAMAU WANJIRU", PERSON, "KAMAU WANJIRU"),
    ("Oksana SHEVCHENKO", PATIENT, "Oksana SHEVCHENKO"),  # a surname that is a town's too
    ("QUEEN, Mary", PERSON, "QUEEN, Mary"),  # a surname written as one, not a hospital's start
    ("KING IVAN", PERSON, "KING IVAN"),
    # a name's piece that begins another language's word for a hospital ("sana" of
    # "sanatorium"): only the English words count as cut short
    ("VAKACEGULOSANA", RECORD, "VAKACEGULOSANA"),
])
def test_a_name_beside_a_towns_name_is_still_a_name(detector, text, beside, name):
    assert names(detector, text, beside) == [name]


@pytest.mark.parametrize("text", ["Pat ID: 48213377", "Pat No: 48213377", "PAT ID 0482133"])
def test_pat_short_for_patient_before_a_record_label_is_no_name(detector, text):
    assert names(detector, text, NONE) == []


def test_a_pat_who_is_a_person_is_still_a_name(detector):
    assert names(detector, "Pat Smith ID: 48213377", NONE) == ["Pat Smith"]
