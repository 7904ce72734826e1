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


# Beside a sex, an age or a birth date, a listed name that is a rare English word too (Webster's
# lists "karch", "buhler", "telfer"; they are no whole word of the speech model's tokenizer,
# which holds the common ones) makes the rare English words of its run names: "Yulan PERES".
@pytest.mark.parametrize(("text", "name"), [
    ("DOB 1971-03-02  (F)  Impi KARCH", "Impi KARCH"),
    ("Tarn BUHLER", "Tarn BUHLER"),
    ("ARIL TELFER", "ARIL TELFER"),
])
def test_a_rare_word_beside_a_rare_listed_name_is_a_name(detector, text, name):
    assert names(detector, text, PERSON) == [name]


@pytest.mark.parametrize(("text", "beside"), [
    ("Stent Placement", PERSON),  # rare words, no listed name among them
    ("Countess Ward", PERSON),  # a ward's name: "ward" is common
    ("Impi KARCH", NONE),  # no sex, age or birth date beside
    ("Karch Lavage", RECORD),
])
def test_rare_words_without_a_rare_listed_name_or_a_cue_stay_english(detector, text, beside):
    assert names(detector, text, beside) == []


def test_common_words_are_the_tokenizers_whole_words():
    from app.core.detect import lexicon

    assert {"king", "bishop", "rose", "ward"} <= lexicon.common_words()
    assert not {"yulan", "peres", "karch"} & lexicon.common_words()
    assert lexicon.is_rare_word("Yulan") and not lexicon.is_rare_word("King")
    assert not lexicon.is_rare_word("Kadyrov")  # no English word at all


@pytest.mark.parametrize("text", ["ZHUMABAEVTELFER", "TUKHTAROVKARCH", "OSPANOVBUHLER"])
def test_a_rare_listed_name_inside_names_run_together_is_no_english_word(detector, text):
    """ "KADYROV ABBAS" read "KADYROVABBAS": "abbas" is Webster's, and a name."""
    assert names(detector, text, PERSON) == [text]


@pytest.mark.parametrize(("text", "beside", "name"), [
    # an overlay's word of four letters with two letters after it is chance ("TOMO" + "MI")
    ("TOMOMI KITAGAWA    Ref: Ed Physician", PERSON, ["TOMOMI KITAGAWA"]),
    ("KNEEPDFATSAT", PERSON, []),  # "KNEE" + "PDFATSAT"
    ("PORTABLEAP", PERSON, []),  # a long overlay word and two letters
])
def test_an_overlay_word_at_a_names_end_needs_more_than_two_letters_left(detector, text,
                                                                          beside, name):
    assert names(detector, text, beside) == name


@pytest.mark.parametrize("text", ["MR LSPINE", "MR CSPINE W/O", "MR TSPINE", "MR IAC",
                                  "MR BRAINW/O", "MR Lspine"])
def test_an_mr_study_in_short_is_no_name_after_mr(detector, text):
    """From an outside tester: "MR LSPINE" was "a name after 'MR'" (the modality read as a
    title); a study's word with the W of "W/O" run on likewise."""
    assert names(detector, text, PERSON) == []
