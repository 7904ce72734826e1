"""The first detectors: what must be flagged and what must not (loads spaCy, no video models)."""

import pytest

from app.core.detect import TextDetector
from app.core.models import Category


@pytest.fixture(scope="session")
def detector():
    return TextDetector()


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        pytest.param("Patient: Margaret Olson", Category.NAME, "Margaret Olson",
                     id="labelled-name"),
        pytest.param("My patient Mr Fischer is here", Category.NAME, "Mr Fischer", id="title-name"),
        pytest.param("PATEL, ANIKA", Category.NAME, "PATEL, ANIKA", id="wristband-name"),
        pytest.param("Good morning, Steve", Category.NAME, "Steve", id="first-name"),
        pytest.param("MRN 00482913", Category.ID, "MRN 00482913", id="mrn"),
        pytest.param("Her record number is 0 0 4 8 2 9 1 3.", Category.ID,
                     "record number is 0 0 4 8 2 9 1 3", id="spoken-mrn-digits"),
        pytest.param("Acct# 7731920", Category.ID, "Acct# 7731920", id="account"),
        pytest.param("SSN 536-22-1234", Category.ID, "SSN 536-22-1234", id="ssn"),
        pytest.param("She is in room 412", Category.LOCATION, "room 412", id="room"),
        pytest.param("ICU BAY 3", Category.LOCATION, "BAY 3", id="bay"),
        pytest.param("Bed B", Category.LOCATION, "Bed B", id="bed-letter"),
        pytest.param("DOB 03/14/1951", Category.DATE, "DOB 03/14/1951", id="dob"),
        pytest.param("DOB: 14.03.1951", Category.DATE, "DOB: 14.03.1951", id="dob-uk-order"),
        pytest.param("admitted 2024-02-29", Category.DATE, "admitted 2024-02-29",
                     id="admission-iso"),
        pytest.param("born on June 12, 1948", Category.DATE, "born on June 12, 1948",
                     id="born-on"),
        pytest.param("he is 93 years old", Category.AGE, "93 years old", id="age-over-89"),
        pytest.param("Call 415-555-0199", Category.PHONE, "415-555-0199", id="phone-dashes"),
        pytest.param("Call his daughter on 415 -555 -0199", Category.PHONE, "415 -555 -0199",
                     id="phone-as-whisper-writes"),
        pytest.param("Her number is 555-2134.", Category.PHONE, "555-2134", id="phone-7-digit"),
        pytest.param("call 4155550199 now", Category.PHONE, "4155550199", id="phone-run-together"),
        pytest.param("mail jane.doe@example.com", Category.EMAIL, "jane.doe@example.com",
                     id="email"),
        pytest.param("see https://portal.example.org/chart", Category.URL,
                     "https://portal.example.org/chart", id="url"),
    ],
)
def test_identifier_is_flagged(detector, text, category, expected):
    spans = detector.detect(text)
    assert (category, expected) in [(s.category, s.text) for s in spans], spans


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Today we talk about washing your hands.", id="today"),
        pytest.param("Wash your hands", id="caption"),
        pytest.param("Give 5 mg of morphine every 4 hours", id="drug-dose"),
        pytest.param("00:01:23:12", id="timecode"),
        pytest.param("01.00.06", id="timecode-dots"),
        pytest.param("01.00.22.12", id="timecode-frames"),
        pytest.param("Oo:00.06;05", id="timecode-ocr-o"),
        pytest.param("13/45/2020", id="impossible-date"),
        pytest.param("In 2019 I started nursing", id="year-alone"),
        pytest.param("#nursetok #handhygiene", id="hashtags"),
        pytest.param("20 seconds with soap", id="duration"),
        pytest.param("PATIENT:", id="label-alone"),
        pytest.param("Stay safe on shift", id="slogan"),
        pytest.param("tina", id="lower-case-brand-word"),
        pytest.param("Night shift tips", id="title"),
    ],
)
def test_not_an_identifier(detector, text):
    assert detector.detect(text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("BP 120/80 HR 72 SpO2 98% RR 16", id="vital-signs"),
        pytest.param("HR 88 SpO2 97 NIBP 118/76", id="monitor-readout"),
        pytest.param("PS 10/5, PEEP 5, FiO2 40%", id="ventilator-settings"),
        pytest.param("ABG 7.34/50/95/28/0", id="blood-gas"),
    ],
)
def test_vital_signs_are_context_not_identifiers(detector, text):
    """Monitor labels place the video on a ward; the numbers beside them identify nobody."""
    spans = detector.detect(text)
    assert all(s.category is Category.WARD_CONTEXT for s in spans), spans


def test_spans_point_into_the_text(detector):
    text = "Pt: Anika Patel, DOB 01/02/1940, room 12, call 617-555-0142"
    spans = detector.detect(text)
    assert len(spans) >= 4
    for span in spans:
        assert text[span.start : span.end] == span.text
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_empty_text(detector):
    assert detector.detect("   ") == []


@pytest.mark.parametrize("text, name", [
    ("S. Lindqvist", "S. Lindqvist"), ("Bed 3 S. Lindqvist IV fluids", "S. Lindqvist"),
    ("K.Przybylo", "K.Przybylo"),
    # a surname that is also a word (Webster's "castellano", "young") starting a board's entry
    ("Pt: R. Castellano", "R. Castellano"), ("Bed 4 R. Castellano", "R. Castellano"),
    ("Cubicle 7 | J. Young", "J. Young"), ("M. Brown", "M. Brown"),
])
def test_an_initial_and_a_surname_on_a_board_is_a_name(detector, text, name):
    assert name in [s.text for s in detector.detect(text) if s.category.value == "name"]


@pytest.mark.parametrize("text", ["A. Fib", "U.S. Army", "Plan B. Monitor the pressure",
                                  "Vitamin D. Take it daily", "Grade A. Eggs",
                                  "Vitamin D. Green vegetables help", "C. Diff precautions",
                                  "Wash hands for C. Diff", "H. Pylori: what to know",
                                  "E. Coli and S. Aureus"])
def test_an_initial_before_an_ordinary_word_is_not_a_name(detector, text):
    assert [s for s in detector.detect(text) if s.category.value == "name"] == []


@pytest.mark.parametrize("text, name", [
    # an outside tester's card: "Okafor, Chidi" (a given name in no list) was not flagged, and
    # "Patel, Anika" gave "Anika" alone, so a copy hid the given name and showed the surname
    ("Okafor, Chidi", "Okafor, Chidi"), ("Patel, Anika", "Patel, Anika"),
    ("Fischer, Hans", "Fischer, Hans"), ("O'Brien, Siobhan", "O'Brien, Siobhan"),
    ("Bed 4  Okafor, John  MRN 55102937", "Okafor, John"),
])
def test_surname_comma_given_in_title_case_is_one_name(detector, text, name):
    assert name in [s.text for s in detector.detect(text) if s.category.value == "name"]


@pytest.mark.parametrize("text", ["Houston, Texas", "Boston, Massachusetts", "London, Ontario",
                                  "Sodium, Potassium", "Monday, Tuesday", "Warfarin, Aspirin",
                                  "Mild, Moderate", "Chest pain, Dyspnoea", "Left, Right",
                                  "Yes, Doctor", "Cardiology, Neurology"])
def test_two_capitalised_words_with_a_comma_are_no_name(detector, text):
    assert [s for s in detector.detect(text) if s.category.value == "name"] == []


@pytest.mark.parametrize("text, name", [
    # issue 26: "Smith-Jones, Amy" gave "Jones" and "Amy", two findings, the "Smith-" of the
    # surname in neither; a surname of parts is one name, looked up by its parts
    ("Smith-Jones, Amy", "Smith-Jones, Amy"), ("Patient: Smith-Jones, Amy", "Smith-Jones, Amy"),
    ("SMITH-JONES, Amy", "SMITH-JONES, Amy"), ("Okafor-Smith, Chidi", "Okafor-Smith, Chidi"),
    ("O'Neil, Mary", "O'Neil, Mary"), ("O'NEIL, MARY", "O'NEIL, MARY"),
    ("D'Souza, Priya", "D'Souza, Priya"), ("McDonald, Jane", "McDonald, Jane"),
    ("Van der Berg, Anna", "Van der Berg, Anna"), ("VAN DER BERG, ANNA", "VAN DER BERG, ANNA"),
    ("Patient: Van der Berg, Anna", "Van der Berg, Anna"),
    ("De la Cruz, Maria", "De la Cruz, Maria"),
    # the OCR dropped the space: a cover of "Margaret" alone would show "Olson"
    ("Patient: MargaretOlson", "MargaretOlson"),
])
def test_a_surname_of_parts_or_names_run_together_are_one_name(detector, text, name):
    assert [s.text for s in detector.detect(text) if s.category.value == "name"] == [name]


@pytest.mark.parametrize("text", ["Follow-Up, Monday", "Well-Being, Daily", "Day-Case, Ward",
                                  "Hand-Gel, Please", "Long-term, care", "Check-In, Today",
                                  "In the van, Please"])
def test_hyphenated_words_with_a_comma_are_no_name(detector, text):
    assert [s for s in detector.detect(text) if s.category.value == "name"] == []


@pytest.mark.parametrize("text, name", [("GYALAANTALLAge: 87", "GYALAANTALL"),
                                        ("Rosa Sex: F", "Rosa")])
def test_a_label_run_on_to_a_name_stays_out_of_it(detector, text, name):
    assert name in [s.text for s in detector.detect(text, beside_identifier=2)
                    if s.category.value == "name"]
