"""Staff names: the name after a staff title is flagged once, as a name that says staff, and a
title is never part of a name."""

import pytest

from app.core.detect import TextDetector


@pytest.fixture(scope="module")
def detector():
    return TextDetector()


def names(detector, text):
    return [(s.text, s.rule) for s in detector.detect(text) if s.category.value == "name"]


@pytest.mark.parametrize(("text", "expected"), [
    ("RN: Ann   Dr: Mensah", [("Ann", "RN"), ("Mensah", "Dr")]),
    ("Nurse: Maria   HCA: Novak", [("Maria", "Nurse"), ("Novak", "HCA")]),
    ("Charge: Hughes", [("Hughes", "Charge")]),
    ("Consultant: Dr Mensah", [("Mensah", "Dr")]),
    ("NURSE: J. Whitaker", [("J. Whitaker", "NURSE")]),
    ("the nurse Maria said she would call", [("Maria", "nurse")]),
    # OCR runs a board's next label into the name before it, in any pair of titles
    ("RN: KimDr: Mensah", [("Kim", "RN"), ("Mensah", "Dr")]),
    ("Nurse: MariaHCA: Novak", [("Maria", "Nurse"), ("Novak", "HCA")]),
    ("Dr: OseiRN. : Ann", [("Osei", "Dr"), ("Ann", "RN")]),
    ("Nurse: Ms Fitzgerald", [("Ms Fitzgerald", "Nurse")]),
    # a surname of two letters, though a word list holds it ("ng": nanograms)
    ("Consultant: Dr Ng", [("Ng", "Dr")]),
    ("Dr. Ng will see you", [("Ng", "Dr")]),
    ("Sister: Le   RN: Wu", [("Le", "Sister"), ("Wu", "RN")]),
    ("Sister: Mrs. Adeyemi   RN: Tomasz", [("Mrs. Adeyemi", "Sister"), ("Tomasz", "RN")]),
])
def test_a_name_after_a_staff_title_is_a_staff_name_without_the_title(detector, text, expected):
    assert names(detector, text) == [(n, f"staff name (after {t})") for n, t in expected]


@pytest.mark.parametrize("text", ["Dr: On call", "Nurse: To ward 4", "Charge: None",
                                  "Nurse in charge today", "RN: Bleep 4471",
                                  "Call the onDr: bleep 4471", "Wash handsRN: On call",
                                  # a title whose name the frame's edge cuts off ("Ms Fitz|")
                                  "Nurse: Ms", "Sister: Mr", "Charge: Mrs.", "RN: Miss",
                                  # two-letter words after a title stay words
                                  "Dr: On call", "Nurse: Up to ward", "RN: No cover", "Dr: Go"])
def test_no_name_after_a_title_is_no_finding(detector, text):
    assert names(detector, text) == []


def test_patients_names_are_not_called_staff(detector):
    found = names(detector, "My patient Mr Fischer is in room 12.")
    assert [n for n, _ in found] == ["Mr Fischer"] and "staff" not in found[0][1]
