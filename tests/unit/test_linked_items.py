"""One item per identifier (issue 30, item 2): which findings are linked, and which must not be.

Findings made by hand, as the scan makes them (text, source, category, the staff rule's
reason); the real scan's side is tests/integration/test_linked_items.py."""

import pytest

from app.core.findings.linked_items import also_seen, linked_ids, linked_items, with_links
from app.core.models import Category, Finding, Source

NAME, ID, PHONE, DATE, PLACE, CODE = (Category.NAME, Category.ID, Category.PHONE, Category.DATE,
                                      Category.LOCATION, Category.CODE)
SAID, SHOWN, IN_CODE = Source.SPEECH, Source.SCREEN, Source.CODE


def finding(text, source=SHOWN, category=NAME, at=0.0, staff=False, fid=None):
    rule = "staff name (after Dr)" if staff else "pattern 'labelled name'"
    return Finding(id=fid or f"{source.value}-{text}-{at}", start_s=at, end_s=at + 1.0,
                   source=source, category=category, text=text, confidence=0.9,
                   reason=f"{rule} matched \"{text}\"")


def items(*findings):
    """Each item as the set of its findings' texts (with their source)."""
    return sorted(sorted(f"{f.source.value}:{f.text}" for f in item)
                  for item in linked_items(findings))


@pytest.mark.parametrize(("said", "shown"), [
    ("Okafor", "John Okafor"),                 # a surname of the full name
    ("Mrs Okafor", "OKAFOR, John"),            # title, case, order, comma
    ("John Okafor", "J. Okafor"),              # an initial
    ("Margaret Olsen", "Margaret Olson"),      # one slip in a long name (heard, not spelled)
    ("Olson", "0LS0N"),                        # OCR's digits for letters
    ("Anika Patel", "Аnika Patel"),           # a Cyrillic А that looks Latin
    ("Catherine Byrne", "Kathryn Byrne"),      # sounds alike
    ("Fischer", "Patient: Fischer"),           # a label read with it
])
def test_a_name_said_and_the_same_name_on_screen_are_one_item(said, shown):
    assert items(finding(said, SAID, at=22.0), finding(shown, at=18.0)) == [
        sorted([f"speech:{said}", f"screen:{shown}"])]


@pytest.mark.parametrize(("said", "shown", "category"), [
    ("MRN 55102937", "55102937", ID),                        # label, no label
    ("five five one oh two nine three seven", "MRN 55102937", ID),  # said in words
    ("MRN 0O482913", "00482913", ID),                        # OCR's letters for digits
    ("617-555-0142", "+1 (617) 555 0142", PHONE),            # a phone with its country code
    ("six one seven, five five five, oh one four two", "617 555 0142", PHONE),
    ("03/14/1951", "14 March 1951", DATE),                   # two ways to write a date
    ("the 14th of March 1951", "1951-03-14", DATE),
    ("14/03/51", "14.03.1951", DATE),                        # a two-digit year
])
def test_a_number_in_two_forms_is_one_item(said, shown, category):
    found = [finding(said, SAID, category, at=3.0), finding(shown, SHOWN, category, at=1.0)]
    assert len(linked_items(found)) == 1, (said, shown)


def test_an_mrn_on_screen_and_in_a_barcode_are_one_item():
    shown = finding("MRN 55102937", SHOWN, ID, at=1.0)
    code = finding("MRN:55102937", IN_CODE, CODE, at=1.5)
    other = finding("MRN 77340112", SHOWN, ID, at=1.0)
    assert items(shown, code, other) == [["code:MRN:55102937", "screen:MRN 55102937"]]


def test_the_same_name_on_screen_at_two_times_is_one_item_and_links_are_in_time_order():
    first = finding("Margaret Olson", at=5.0, fid="a")
    said = finding("Olson", SAID, at=22.0, fid="b")
    again = finding("Margaret Olson", at=40.0, fid="c")
    linked = {f.id: f.linked for f in with_links([again, said, first])}
    assert linked == {"a": ("b", "c"), "b": ("a", "c"), "c": ("a", "b")}


# ----- what must not be linked --------------------------------------------------------------
def test_different_people_who_share_a_category_are_not_linked():
    assert items(finding("Margaret Olson", at=1.0), finding("Anika Patel", SAID, at=2.0),
                 finding("John Okafor", at=3.0), finding("Fischer", SAID, at=4.0)) == []


def test_two_people_who_share_a_first_name_or_a_surname_are_not_linked():
    assert items(finding("John Smith"), finding("John Okafor"), finding("Mary Okafor")) == []


def test_a_surname_two_people_on_the_board_share_is_linked_to_neither():
    john, mary = finding("OKAFOR, John", at=18.0), finding("OKAFOR, Mary", at=18.0)
    said = finding("Mrs Okafor", SAID, at=22.0)
    assert items(john, mary, said) == []
    # the other side: with one of them only, the surname is hers
    assert items(mary, said) == [["screen:OKAFOR, Mary", "speech:Mrs Okafor"]]


def test_parts_of_one_name_are_one_item_with_it():
    assert items(finding("John", SAID, at=1.0), finding("Okafor", SAID, at=2.0),
                 finding("John Okafor", at=3.0)) == [
        ["screen:John Okafor", "speech:John", "speech:Okafor"]]


def test_a_staff_surname_and_a_patient_with_that_surname_are_not_linked():
    doctor = finding("Mensah", staff=True, at=1.0)
    patient = finding("Mrs Mensah", SAID, at=4.0)
    assert items(doctor, patient) == []
    # a staff name said and read is one: both are staff
    assert len(linked_items([doctor, finding("Dr Mensah", SAID, staff=True, at=5.0)])) == 1
    # a whole name that is the same text is the same identifier, staff or not
    assert len(linked_items([finding("Ann Mensah", staff=True),
                             finding("Ann Mensah", SAID, at=3.0)])) == 1
    # an initial and a surname is not the whole name: a staff "A Mensah" stays apart
    assert items(finding("A Mensah", staff=True), finding("Ann Mensah", SAID, at=3.0)) == []


@pytest.mark.parametrize(("a", "b", "category"), [
    ("MRN 55102937", "MRN 77340112", ID),
    ("617-555-0142", "617-555-0199", PHONE),
    ("03/14/1951", "03/14/1952", DATE),
    ("14 March 1951", "15 March 1951", DATE),
    ("Jones", "James", NAME),            # one letter apart, but short: two names
    ("Room 12", "Bed 12", PLACE),
    ("Room 12", "Room 14", PLACE),
])
def test_different_identifiers_of_one_kind_are_not_linked(a, b, category):
    assert items(finding(a, SHOWN, category), finding(b, SAID, category, at=2.0)) == []


def test_numbers_of_different_kinds_and_a_short_number_inside_a_long_one_are_not_linked():
    # a date's digits are not a record number, a bed's "12" is not in every number with a 12
    assert items(finding("03141951", SHOWN, ID), finding("03/14/1951", SAID, DATE)) == []
    assert items(finding("ext 0142", SHOWN, PHONE), finding("617-555-0142", SAID, PHONE)) == []


def test_a_code_holding_a_name_and_a_number_is_linked_to_neither():
    name, mrn = finding("John Okafor", at=1.0), finding("MRN 55102937", SHOWN, ID, at=1.0)
    band = finding("OKAFOR^JOHN|55102937", IN_CODE, CODE, at=2.0)
    assert items(name, mrn, band) == []
    # the other side: beside the name alone, the code is that name's
    assert items(name, band) == [["code:OKAFOR^JOHN|55102937", "screen:John Okafor"]]


def test_faces_voices_scenes_and_undecoded_codes_are_never_linked():
    found = [finding("a face", Source.FACE, Category.FACE),
             finding("a face", Source.FACE, Category.FACE, at=5.0),
             finding("(a second voice)", SAID, Category.VOICE),
             finding("(a second voice)", SAID, Category.VOICE, at=5.0),
             finding("a patient board", Source.SCENE, Category.WARD_CONTEXT),
             finding("a patient board", Source.SCENE, Category.WARD_CONTEXT, at=5.0),
             finding("QR code (could not be decoded)", IN_CODE, CODE),
             finding("QR code (could not be decoded)", IN_CODE, CODE, at=5.0)]
    assert linked_ids(found) == {}
    assert all(f.linked == () for f in with_links(found))


def test_a_row_says_where_and_when_else_its_identifier_is():
    board = finding("John Okafor", SHOWN, at=18.0, fid="board")
    said = finding("Okafor", SAID, at=22.0, fid="said")
    band = finding("OKAFOR JOHN", IN_CODE, CODE, at=30.0, fid="band")
    again = finding("OKAFOR, John", SHOWN, at=40.0, fid="again")
    alone = finding("Anika Patel", SAID, at=5.0, fid="alone")
    by_id = {f.id: f for f in with_links([board, said, band, again, alone])}
    assert also_seen(by_id["board"], by_id) == (
        "also said at 0:22.0, in a code 0:30.0–0:31.0, on screen 0:40.0–0:41.0")
    assert also_seen(by_id["said"], by_id) == (
        "also on screen 0:18.0–0:19.0 and 0:40.0–0:41.0, in a code 0:30.0–0:31.0")
    assert also_seen(by_id["alone"], by_id) == ""
    # a linked finding the list does not hold (yet) is not named
    del by_id["band"], by_id["again"]
    assert also_seen(by_id["board"], by_id) == "also said at 0:22.0"
