"""Names OCR ran into the next column or field, and the look-alikes beside them (issue 26 item 1,
fourth pass, 2026-12-05): a name with the study or the hospital of the next column run onto it,
a banner's sex field with its bar read as a letter, a surname alone before the record's label,
a small l read for an I among capitals, "Born" read "Bom", a surname OCR would cut before a
relation word ("OLOFS SON"); and, no names, the same shapes made of image, facility and device
words, a hospital named with a listed name, a study the model took for a person. Loads spaCy,
no video models. The names are this file's own, not the bench's."""

import pytest

from app.core.detect.line_names import NONE, PERSON, RECORD, holds_identifier
from tests.unit.overlay_lines import names


@pytest.mark.parametrize(("text", "beside", "name"), [
    # the next column's study or hospital run onto a name in capitals
    ("KowalczykMAGDALENAXRCHEST 2 VIEWS", PERSON, "KowalczykMAGDALENA"),
    ("Ingrid HALVORSENFREEMANHOSPITAL", PERSON, "Ingrid HALVORSEN"),
    ("Ingrid HALVORSEN ROYALINFIRMARY", PERSON, "Ingrid HALVORSEN"),  # cased unlike the name
    # a banner's sex field, its bar read as an I, run into the name field
    ("MRN 55120934|DOB 12.03.1961 FEMALEIGABRIELATMOREIRA", NONE, "GABRIELATMOREIRA"),
    # a surname alone first on an ECG header's line, then the record's label
    ("OKONJOAcc#55120934 10/03/2021 06:14", PERSON, "OKONJO"),
    # a small l for the I of a surname in capitals after a given name run on
    ("TeodoraVASlLESCU", PERSON, "TeodoraVASlLESCU"),
    # a surname ending in "SSON" is not cut before "SON"
    ("STEFANSSON^Erik ID: 86291349 05.05.2014", NONE, "STEFANSSON^Erik"),
    ("HALLSSON^Erik ID: 86291349 05.05.2014", NONE, "HALLSSON^Erik"),
])
def test_a_name_run_into_the_next_column_or_field_is_flagged(detector, text, beside, name):
    assert names(detector, text, beside) == [name]


@pytest.mark.parametrize(("text", "beside"), [
    # the same shapes, of image, device and facility words only
    ("CTABDOMENPELVIS", PERSON),
    ("JAMESCOOKUNIVERSITYHOSPITAL", PERSON),
    ("ROYALVICTORIAINFIRMARY", PERSON),
    ("MAYOCLINIC", PERSON),  # a name right before a facility's word is the facility's
    ("MARY WASHINGTON HOSPITAL", PERSON),  # one case: the hospital's own name
    ("William Harvey Hospital", PERSON),
    ("MRN 1234567|FEMALEIABDOMENPELVIS", PERSON),
    ("T2 TSESAG ID: 62768536 27.06.2019", PERSON),  # study words before the record's label
    ("PORTABLE Acc# 81244127", PERSON),
    ("SIEMENS ID: 12345678", PERSON),
    ("LOGIQ E9 Acc# 12345678", PERSON),
    # a hospital named with a listed name, its facility word two words on
    ("BETH ISRAEL DEACONESS MC", PERSON),
    ("SAINT JOHN REGIONAL HOSPITAL", PERSON),
    # a study the model took for a person: its only listed word is an image's ("Knee")
    ("Knee Pd Fatsat", RECORD),
    ("Hand Pa Oblique", RECORD),
])
def test_image_device_and_facility_words_in_the_same_shapes_are_no_names(detector, text, beside):
    assert names(detector, text, beside) == []


@pytest.mark.parametrize(("text", "name"), [
    ("ISRAEL, Jonah  45Y", "ISRAEL, Jonah"),  # the hospital's listed word as a surname
    ("Freeman, Layla  F 45Y", "Freeman, Layla"),  # a hospital's word as a surname
])
def test_the_same_words_in_a_persons_name_are_still_flagged(detector, text, name):
    assert names(detector, text) == [name]


def test_born_read_bom_before_a_date_points_at_a_person():
    assert holds_identifier("Bom 12/14/1986", []) == PERSON
    assert holds_identifier("Bomb 12 kits", []) == NONE
