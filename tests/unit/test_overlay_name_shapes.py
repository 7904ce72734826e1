"""Names of the world's shapes on a header's line beside a patient's record number or a sex, an
age or a birth date (2026-12-06, issue 26), which an outside tester's pictures found missed:
a surname's particles ("TE WHARE", "LE DUC"), a given name Webster's lists as a rare English word
("Oisin"), a surname in capitals before its given name with the caret dropped, a name's I read as
l, a space OCR put inside a given name. And the false names beside them: a maker's and a model's
words, a program's version, a setting's label. The names are this file's own."""

import pytest

from app.core.detect.line_names import NONE, PATIENT, PERSON
from app.core.models import Category
from tests.unit.overlay_lines import names


@pytest.mark.parametrize("text", [
    "TE RANGI HEMI",  # Māori: a two-letter particle in capitals, first
    "Aroha Te Whatu",
    "LE VAN THANH",  # particles then one listed name
    "Maria DOS SANTOS",
    "van der Meer, Joost",
    "AL HASHIMI Omar",
    "BIN SALLEH Aziz",
    "DI STEFANO^Carla",
    "DE SOUZA",
])
@pytest.mark.parametrize("cue", [PATIENT, PERSON])
def test_a_surnames_particles_are_part_of_the_name(detector, text, cue):
    assert names(detector, text, cue) == [text]


@pytest.mark.parametrize("text", [
    "LA DIAM 4.2",  # the left atrium's diameter: one word after "LA", in no list
    "TE 90 TR 4000",  # an MR sequence's echo and repetition times
    "ST ELSEWHERE",
])
def test_a_particle_before_no_name_makes_none(detector, text):
    assert names(detector, text, PERSON) == []


@pytest.mark.parametrize("text", [
    "Rohan KESAVAN",  # "rohan", "timur", "oisin": rare English words, given names the
    "TIMUR ABDRAKHMANOV",  # world's lists hold
    "OISIN MAC GIOLLA",
])
def test_a_given_name_that_is_a_rare_english_word_is_a_name_beside_a_patients_number(
        detector, text):
    assert names(detector, text, PATIENT) == [text]


@pytest.mark.parametrize("text", [
    "Fetal Biometry",  # rare English words that are no given names
    "Barium Swallow  M 24Y",
    "Bilateral Mammogram",
])
def test_rare_words_that_are_no_names_stay_words(detector, text):
    assert names(detector, text, PATIENT) == []
    assert names(detector, text, PERSON) == []


@pytest.mark.parametrize(("text", "name"), [
    ("FARAHANIShirin", "FARAHANIShirin"),  # "SURNAME^Given", the caret dropped: the I is
    ("HOSSEINIMahnaz", "HOSSEINIMahnaz"),  # the surname's last letter, no middle initial
    ("KOWALSKIEwa", "KOWALSKIEwa"),  # (FARA + HAN + I had been cut, "FARAHAN" flagged)
])
def test_a_surname_run_into_its_given_name_keeps_its_last_letter(detector, text, name):
    assert names(detector, text, PERSON) == [name]


@pytest.mark.parametrize("text", ["lyer, Ramesh", "lvan PETROVSKY"])
def test_a_names_capital_i_read_as_a_small_l_is_still_the_name(detector, text):
    assert names(detector, text, PATIENT) == [text]


@pytest.mark.parametrize("text", ["lamb chops", "lee, Jane"])
def test_a_word_with_a_small_l_first_is_not_made_a_name(detector, text):
    """"lamb" is a word; "lee" a name as it stands (the given name alone is flagged)."""
    assert names(detector, text, PATIENT) in ([], ["Jane"])


@pytest.mark.parametrize(("text", "name"), [
    ("HALVERSEN, Ma rgarethe", "HALVERSEN, Ma rgarethe"),  # a space OCR put in a given name
    ("NGUYEN, Tr ung", "NGUYEN, Tr ung"),
])
def test_a_space_inside_a_given_name_keeps_the_name_whole(detector, text, name):
    assert names(detector, text, PATIENT) == [name]


@pytest.mark.parametrize("text", ["GRUFFYDD ELERI", "Gruffydd, Eleri"])
def test_a_short_rare_word_inside_a_name_is_chance(detector, text):
    """"gruffy" is a rare word, "GRUFFYDD" no words run together."""
    assert names(detector, text, PATIENT) == [text]


@pytest.mark.parametrize("text", [
    "Draeger Infinity",  # a maker that is a surname too, and a model
    "Planmeca Viso",
    "ALOKA ARIETTA",  # "arietta" is a rare word
    "VER 9.0.1.LITE",  # a program's version
    "Iris: Peak",  # a setting's label and its value
    "Focus: Near",
])
@pytest.mark.parametrize("cue", [NONE, PATIENT])
def test_equipment_versions_and_settings_are_no_names(detector, text, cue):
    assert names(detector, text, cue) == []


def test_a_name_after_a_relations_colon_stays_a_name(detector):
    assert names(detector, "Daughter: Mary Jones", NONE) == ["Mary Jones"]


@pytest.mark.parametrize("text", ["Pt 1D: 48213377", "Patient lD 4821337", "PT1D 55512345"])
def test_a_patient_id_label_with_its_i_misread_labels_the_number(detector, text):
    """The I of "ID" read as a 1 or an l: the number is a labelled record number (it had been
    "a long number" at 0.35, which a reviewer reads as a guess)."""
    found = [s for s in detector.detect(text) if s.category is Category.ID]
    assert [s.text for s in found] == [text] and found[0].confidence >= 0.9


def test_an_apartments_number_is_not_made_a_record_number(detector):
    found = [s for s in detector.detect("Apt 1D 48213377") if s.category is Category.ID]
    assert all(s.text == "48213377" and s.confidence < 0.5 for s in found)


@pytest.mark.parametrize(("text", "name"), [
    ("Postcode John Smith", "John Smith"),  # a form's label, its value on the next row
    ("Address Mary Jones", "Mary Jones"),
])
def test_a_forms_label_before_a_name_is_no_part_of_it(detector, text, name):
    assert names(detector, text, NONE) == [name]


@pytest.mark.parametrize("text", ["VORANTIS MEDULEX S8", "Kelvara Tronis E10",
                                  "NOVIRA ACUMEN i800"])
@pytest.mark.parametrize("cue", [PATIENT, PERSON])
def test_words_before_a_models_code_are_a_model_not_a_name(detector, text, cue):
    """A letter or two and digits last on the line: a model's code ("Logiq S8")."""
    assert names(detector, text, cue) == []


@pytest.mark.parametrize(("text", "name"), [
    ("SMITH JOHN 67", "SMITH JOHN"),  # a number alone may be an age
    ("OKONKWO ADAEZE A", "OKONKWO ADAEZE"),  # a letter alone an initial
    ("Sanders, Carol  F25Y", "Sanders, Carol"),  # a sex and an age run together
    ("MBEKI THABO M80", "MBEKI THABO"),
])
def test_a_name_before_an_age_or_an_initial_is_still_a_name(detector, text, name):
    assert names(detector, text, PERSON)[0].startswith(name)


@pytest.mark.parametrize(("text", "cue", "name"), [
    ("KIM Ji-woo   Room 16", NONE, "KIM Ji-woo"),  # a Korean given name's hyphen: a cover of
    ("PARK, Seo-yeon", NONE, "PARK, Seo-yeon"),  # "Ji" alone left "-woo" readable
    ("Seen by Dr Adams-Bell today", NONE, "Adams-Bell"),
])
def test_a_hyphen_joins_a_names_parts(detector, text, cue, name):
    assert name in names(detector, text, cue)
