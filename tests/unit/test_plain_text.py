"""Free text is read as it shows on the page before it is masked (issue 31, item 3): invisible
characters, diacritics, look-alike letters, other scripts' digits and spelled-out numbers do not
let an identifier through a masked copy; ordinary prose stays readable."""

import re
import unicodedata

import pytest

from app.core.findings.masking import mask_free_text, mask_free_words, mask_text
from app.core.findings.plain_text import plain_text, shown_plainly
from app.core.findings.spelled_numbers import spelled_number_spans

KNOWN = ("Margaret Olson",)


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        pytest.param("Marga\u00adret Ol\u200bson", "Margaret Olson", id="soft-hyphen-zwsp"),
        pytest.param("O\u200cl\u200ds\u2060o\ufeffn", "Olson", id="zwnj-zwj-word-joiner-bom"),
        pytest.param("\u202eOlson\u202c \u2066Olson\u2069", "Olson Olson", id="bidi-controls"),
        pytest.param("Ol\u034fson", "Olson", id="combining-grapheme-joiner"),
        pytest.param("Olsön", "Olson", id="precomposed-diacritic"),
        pytest.param("Olso\u0308n", "Olson", id="combining-diacritic"),
        pytest.param("Оlsоn", "Olson", id="cyrillic-o"),
        pytest.param("МаrgаrеtΟlsοn", "MargaretOlson", id="cyrillic-and-greek"),
        pytest.param("Ｏｌｓｏｎ 𝐎𝐥𝐬𝐨𝐧", "Olson Olson", id="fullwidth-and-math-bold"),
        pytest.param("Olsøn", "Olson", id="o-with-stroke"),
        pytest.param("⁴¹⁵-⁵⁵⁵-⁰¹⁹⁹", "415-555-0199", id="superscript-digits"),
        pytest.param("④①⑤ ⑩", "415 10", id="circled-digits"),
        pytest.param("٤١٥ ۴۱۵ ४१५ ４１５", "415 415 415 415", id="other-scripts-digits"),
        pytest.param("五 ½", "5 0", id="numeric-characters"),
    ],
)
def test_look_alike_text_reads_plainly(written, plain):
    assert plain_text(written).text == plain


def test_every_plain_character_knows_where_it_came_from():
    written = "Dr Marga\u00adret Olsö\u0308n"
    plain = plain_text(written)
    assert len(plain.origin) == len(plain.text)
    start = plain.text.index("Margaret")
    assert plain.original_range(start, start + len("Margaret")) == (3, 12)
    assert written[slice(*plain.original_range(start, start + 8))] == "Marga\u00adret"


@pytest.mark.parametrize(
    ("note", "secrets"),
    [
        pytest.param("Told Marga\u00adret Ol\u200bson", ("Margaret", "Olson"), id="invisible"),
        pytest.param("Mrs Olsön agreed", ("Olson", "Olsön"), id="diacritic"),
        pytest.param("Mrs Оlsоn agreed", ("Olson", "lsоn"), id="cyrillic"),
        pytest.param("call ⁴¹⁵-⁵⁵⁵-⁰¹⁹⁹", ("415", "555", "0199", "⁴"), id="superscript"),
        pytest.param("code ④①⑤", ("415", "④"), id="circled"),
        pytest.param("ring ٤١٥", ("415", "٤"), id="arabic-indic"),
        pytest.param("four one five five five five zero one nine nine",
                     ("four", "five", "zero", "nine"), id="spelled-out-phone"),
        pytest.param("MRN oh oh four eight double two", ("oh", "four", "double"), id="oh-double"),
        pytest.param("six one seven, five five five, zero one four two", ("six", "seven"),
                     id="groups-with-commas"),
    ],
)
def test_a_masked_note_hides_the_trick_and_carries_none_of_it(note, secrets):
    shown = mask_free_text(note, known=KNOWN)
    for secret in secrets:
        assert secret not in shown, shown
        assert secret.casefold() not in plain_text(shown).text.casefold(), shown
    assert not any(unicodedata.category(c) == "Cf" for c in shown)
    assert all(ord(c) < 128 for c in shown), shown  # no look-alike, no foreign digit left


def test_the_mask_is_built_from_the_plain_form():
    assert mask_free_text("Marga\u00adret Ol\u200bson", known=KNOWN) == "M******* O****"
    assert mask_free_text("Оlsоn", known=KNOWN) == "O****"  # a Latin O, not the Cyrillic one
    assert mask_free_text("⁴¹⁵-⁵⁵⁵-⁰¹⁹⁹") == "###-###-####"
    assert mask_free_text("four one five") == "# # #"
    assert mask_text("Оl\u200bsоn ⁴¹⁵") == "O**** ###"


@pytest.mark.parametrize(
    "prose",
    [
        pytest.param("one patient asked about the Olsen-like rash", id="lone-one-olsen-like"),
        pytest.param("two or three nurses, one doctor", id="number-words-apart"),
        pytest.param("the café's naïve Zoë said: seventy five is fine", id="diacritics-two-words"),
        pytest.param("Иван говорит по-русски", id="russian-prose"),
        pytest.param("first, second and third", id="ordinals-apart"),
    ],
)
def test_ordinary_prose_stays_readable(prose):
    """Words that identify no one, and a number word or two, are printed as written."""
    assert mask_free_text(prose, known=KNOWN) == prose


def test_a_run_of_three_number_words_is_a_number_and_fewer_are_prose():
    text = "one patient, double five one and two nurses"
    spans = [text[a:b] for a, b in spelled_number_spans(text)]
    assert spans == ["double", "five", "one"]
    assert spelled_number_spans("call 617 five") == [(9, 13)]  # digits count toward the run
    assert spelled_number_spans("one of the two") == []


def test_words_heard_in_a_row_are_masked_as_one_text():
    words = ["Mrs", "Ol\u200bsen", "rang", "on", "six", "one", "seven,", "five", "five"]
    shown = mask_free_words(words, flagged=[1], known=KNOWN)
    assert shown == ["Mrs", "O****", "rang", "on", "#", "#", "#,", "#", "#"]
    assert mask_free_words(["one", "patient"]) == ["one", "patient"]


def test_unmasked_text_is_left_as_it_was_written():
    """What is not masked prints as written, minus the characters that draw nothing."""
    assert shown_plainly("naïve caf\u00ade") == "naïve cafe"
    assert mask_free_text("naïve\u200b café") == "naïve café"


@pytest.mark.parametrize(
    ("note", "secrets"),
    [
        pytest.param("spelled O l s o n, O.l.s.o.n and O-l-s-o-n", ("Olson", "lson", "l s o n",
                     "l.s.o.n", "l-s-o-n"), id="spaced-dotted-hyphened-letters"),
        pytest.param("the OlsonFamily and the olsonfamily", ("Olson", "olson", "lson"),
                     id="inside-a-longer-word"),
        pytest.param("Mrs Ol-\nson, Marga\nret", ("son", "ret", "Marga"), id="split-over-lines"),
        pytest.param("0lson and 01s0n and Ol$on", ("lson", "1s0n", "s0n", "on"),
                     id="digits-for-letters"),
        pytest.param("call O2O 7946 OOl8", ("O2O", "7946", "OOl8", "OOl", "O#O"),
                     id="letters-for-digits"),
        pytest.param("room four hundred and twelve", ("four", "hundred", "twelve"),
                     id="hundred-and"),
        pytest.param("bed four twelve, ext two one", ("four", "twelve", "two", "one"),
                     id="two-word-identifiers"),
        pytest.param("oh two oh, double seven treble nine", ("oh", "two", "double", "treble",
                                                             "nine"), id="oh-double-treble"),
        pytest.param("uno dos tres, vier fünf null", ("uno", "dos", "tres", "vier", "fünf"),
                     id="foreign-number-words"),
        pytest.param("won too five", ("won", "too", "five"), id="sound-alikes"),
    ],
)
def test_a_known_name_or_a_number_in_disguise_is_masked(note, secrets):
    shown = mask_free_text(note, known=KNOWN)
    for secret in secrets:
        assert secret not in shown, shown
    letters = "".join(c for c in plain_text(shown).text.casefold() if c.isalpha())
    assert "olson" not in letters and "lson" not in letters, shown


@pytest.mark.parametrize(
    "prose",
    [
        pytest.param("twenty five patients in two hundred beds", id="quantities"),
        pytest.param("went to four wards for two days", id="glue-words"),
        pytest.param("the Olsen-like rash, also noted", id="near-but-not-the-name"),
        pytest.param("CO2 is fine, B12 OK", id="letters-with-digits"),
        pytest.param("a b c of it", id="three-single-letters"),
    ],
)
def test_prose_near_the_disguises_stays_readable(prose):
    shown = mask_free_text(prose, known=KNOWN)
    assert re.sub(r"\d", "#", prose) == shown


def test_the_words_of_a_finding_that_name_no_one_are_not_masked_in_a_note():
    """"# p******": every word of a finding ("Patient: Margaret Olson", "MRN 00482913") used to
    be masked in notes. The labels are not; the name and the number are."""
    from app.core.review.report import telling

    known = (telling("Patient: Margaret Olson"), telling("MRN 00482913"), telling("Room 12"))
    assert known == ("Margaret Olson", "00482913", "12")
    assert mask_free_text("One patient in the room; MRN checked", known=known) == \
        "One patient in the room; MRN checked"
    assert mask_free_text("Patient Olson's MRN", known=known) == "Patient O****'* MRN"
