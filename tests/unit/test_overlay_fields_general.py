"""Names alone in a banner's or a header's field, by the field's bounds, and their look-alikes
(issue 26 item 1, fifth pass, 2026-12-05): a name run together first in its field before a
bar, a birth date's or a record's label ("Born" read "BOm", "ACC#"), any label with its colon
("Region:") or a device's column; a sex field run onto the name; a given name of two letters
after a census surname and a caret or a comma; a given name after DICOM's caret that no list
holds; a capital O of a given name read as a 0 and set apart; a line cut by the frame's edge
inside a name ("Okafor^Chi", "FemaleOKAFORAdam": only the last piece is cut). And, no names: the
same shapes made of study, facility, device and view words, a facility's name run together,
technicians' initials. Loads spaCy, no video models. The names are this file's own."""

import pytest

from app.core.detect.line_names import NONE, PERSON, RECORD
from app.core.picture.edge_text import Cut, edge_spans
from tests.unit.overlay_lines import names


@pytest.mark.parametrize(("text", "beside", "name"), [
    # a name run together, first in its field, the next field a bar or a label
    ("VAINIKAINENOLLI|DOB 03/04/1971|M|MRN 5512093", NONE, "VAINIKAINENOLLI"),
    ("MIETTINENAKSELIBOm: 21.03.1974", PERSON, "MIETTINENAKSELI"),  # "Born" read "BOm"
    ("OKONKWOADAEZEACC#55120934 2016-05-28", PERSON, "OKONKWOADAEZE"),  # an English "ada" inside
    ("PYYKKOACC#13968538 04/08/2019", PERSON, "PYYKKO"),  # the accession's label run on
    # the next field's label in Title Case with its colon run on
    ("KOSKINENAARNIRegion: Abdomen", PERSON, "KOSKINENAARNI"),
    ("VAINIKAINENOLLISite: Main Campus", PERSON, "VAINIKAINENOLLI"),
    # a banner's sex field run onto the name field: the sex is a person cue still
    ("08.13.2005 FemaleMORRISONAdam", NONE, "MORRISONAdam"),  # the sex run on is no name
    # the next column a device's: its maker's word run on with a model's letter
    ("ROSAHOLLOWAYVOLUSONE 10", PERSON, "ROSAHOLLOWAYVOLUSONE"),
    # a two-letter given name after a census surname and a caret or a comma
    ("LEE^LI 45y F", PERSON, "LEE^LI"),
    ("CANE^DU 45y F", PERSON, "CANE^DU"),
    ("WU, JO  MRN 12345678", RECORD, "WU, JO"),  # (a pattern finds this one on main too)
    # after DICOM's caret a given name no list holds ("Liam" is in no census list)
    ("BUN^LIAM 45y F", PERSON, "BUN^LIAM"),
    # the O of a given name read as a 0 and set apart from its small letters
    ("Karlova, 0 lga 73y F", RECORD, "Karlova, 0 lga"),
])
def test_a_name_alone_in_its_field_or_after_a_caret_is_flagged(detector, text, beside, name):
    assert names(detector, text, beside) == [name]


@pytest.mark.parametrize(("text", "beside"), [
    # study, facility and device words run together first in a field
    ("CTABDOMENPELVIS|DOB 11/18/1984", PERSON),
    ("ROYALVICTORIAINFIRMARY|DOB 11/18/1984", PERSON),
    ("GREATORMONDSTREET Acc# 1234567", PERSON),
    ("GREATORMONDSTREET (F) 45y", PERSON),  # an English word at its end
    ("SOMATOMDEFINITION ID: 12345678", PERSON),
    ("UNCONFIRMEDREPORT 12/12/2020", PERSON),
    # a facility's name run together, its short facility word last
    ("BETHISRAELDEACONESSMC 33y", PERSON),
    ("SARAHWINFIELDDEACONESSMC F 45y", PERSON),
    # words run together before a label in Title Case
    ("CTABDOMENPELVISRegion: Abdomen", PERSON),
    ("ROYALFREEHOSPITALSite: Main", PERSON),
    ("XRCHESTPORTABLEOperator: RT04", PERSON),
    ("SOMATOMDEFINITIONStation: CT01", PERSON),
    ("MaleWard 7B 12/12/2020", NONE),
    # words run together before a device's column
    ("CTABDOMENPELVIS olympus", PERSON),
    ("GREATORMONDSTREET Philips", PERSON),
    ("ROYALVICTORIAINFIRMARY Siemens", PERSON),
    # MR sequences and planes
    ("COR STIR 12/12/2020 F", PERSON),
    ("AX FSE ID: 12345678 F", PERSON),
    # two capitals after a comma or a caret: a view, a side, initials, a lab value
    ("CHEST, AP 45y F", PERSON),
    ("KNEE^LT 45y F", PERSON),
    ("SMITH^AP  F 45y", PERSON),
    ("Tech: JM 45y", PERSON),
    ("BUN, CREAT 12/03/2020", PERSON),
    ("BUN^CR 45y F", PERSON),
    # a 0 after a comma that is a number
    ("CHEST, 0 mm 73y F", PERSON),
])
def test_the_same_shapes_of_overlay_words_are_no_names(detector, text, beside):
    assert names(detector, text, beside) == []


def test_a_line_cut_by_the_edge_inside_a_name_keeps_the_name_shown_whole(detector):
    # the right edge cuts "Okafor^Chidi" after "Chi", and "FemaleOKAFORAdam" at its last word: the
    # pieces before the caret or before the last capitals are whole
    for text, beside, shown in (
            ("Acc# 17343073 | DOB: 03-APR-1957 | (M) | Okafor^Chi", RECORD, "Okafor"),
            ("Birth Date: 08.13.2005 FemaleOKAFORAdam", PERSON, "OKAFOR")):
        spans = edge_spans(text, detector.detect(text, beside_identifier=beside),
                           Cut(right=True))
        found = [s.text for s in spans if s.category.value == "name"]
        assert any(shown in f for f in found), (text, found)
    # a word whose pieces are too short to be words ran together stays one cut word
    text = "RoOm 14 P. Gonzalez"
    spans = edge_spans(text, detector.detect(text), Cut(left=True))
    assert not [s for s in spans if s.category.value == "name" and "RoOm" in s.text]
