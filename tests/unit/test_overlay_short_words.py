"""Names whose letters fall into an overlay's word and short English words by chance (2026-12-06,
from the misses of bench.overlays --varied): "MACFADYEN" is no "MAC" + "FAD" + "YEN", a surname
run onto its given name with the caret dropped ("SEXTONAVA") is no "SEX" + "TON" + "AVA", and a
surname that two listed surnames and a letter make up ("LATOURELLE": "LATOUR" + "ELL" + "E") is
no name cut short before an initial. Overlay words run together stay no names. The names are
this file's own."""

import pytest

from app.core.detect.line_names import NONE, PERSON, RECORD
from tests.unit.overlay_lines import names


@pytest.mark.parametrize(("text", "beside", "name"), [
    # an overlay's word of three letters, then English words of three letters
    ("MACFADYEN EILIDH", RECORD, "MACFADYEN EILIDH"),
    ("MAGRATHIVY    Sagittal Flair", RECORD, "MAGRATHIVY"),
    ("SEXTONAVA", RECORD, "SEXTONAVA"),
    # two listed surnames and a letter: no initial cut off, as no first name is among them
    ("MRN 2093317 LATOURELLE MAXIME", NONE, "LATOURELLE MAXIME"),
    ("MRN 4471920 GRANDMAISONE JULIEN", RECORD, "GRANDMAISONE JULIEN"),
])
def test_a_name_of_short_words_by_chance_is_flagged(detector, text, beside, name):
    assert names(detector, text, beside) == [name]


@pytest.mark.parametrize(("text", "beside"), [
    # overlay words run together, each of three letters or more
    ("EVISEXERA Il Age: 86 Sex: F", NONE),
    ("MR LUMBARSPINEWO", PERSON),
    ("T2 TSESAG ID: 6276853", PERSON),
    ("ECGBPMQTC", PERSON),
    ("BEDBAYWARD", PERSON),
])
def test_overlay_words_run_together_stay_no_names(detector, text, beside):
    assert names(detector, text, beside) == []


def test_a_first_name_still_parts_an_initial_off(detector):
    """ "GOLDBERGALICES": a surname, a first name and a middle initial, all run together."""
    assert names(detector, "GOLDBERGALICES", RECORD) == ["GOLDBERGALICES"]
