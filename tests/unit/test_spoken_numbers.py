"""Spoken numbers become digits with the times of the words they replace."""

import pytest

from app.core.detect.spoken_numbers import with_spoken_numbers_as_digits
from app.core.models import Word


def words_of(text: str) -> tuple[Word, ...]:
    return tuple(Word(w, i * 0.5, i * 0.5 + 0.4, 0.9) for i, w in enumerate(text.split()))


def spoken(text: str) -> str:
    return " ".join(w.text for w in with_spoken_numbers_as_digits(words_of(text)))


@pytest.mark.parametrize(
    ("heard", "normalised"),
    [
        pytest.param("call four one five five five five zero one nine nine",
                     "call 4155550199", id="phone-digit-by-digit"),
        pytest.param("six one seven, five five five, zero one four two.",
                     "617, 555, 0142.", id="phone-in-groups"),
        pytest.param("he is ninety three years old", "he is 93 years old", id="age"),
        pytest.param("room four twelve", "room 412", id="room-four-twelve"),
        pytest.param("bed seven", "bed 7", id="bed"),
        pytest.param("four hundred and twelve", "412", id="hundred-and"),
        pytest.param("born June twelfth nineteen fifty one", "born June 12th 1951",
                     id="date-and-year"),
        pytest.param("on the twenty first", "on the 21st", id="ordinal"),
        pytest.param("double five two", "552", id="double"),
        pytest.param("MRN oh oh four eight", "MRN 0048", id="oh-as-zero"),
        pytest.param("one of the nurses", "one of the nurses", id="lone-one-stays"),
        pytest.param("wash your hands", "wash your hands", id="no-numbers"),
        # digits said one at a time, as Whisper writes them, each with its comma
        pytest.param("the number is 0, 0, 4, 8, 2, 9, 1, 3.", "the number is 00482913.",
                     id="lone-digits-with-commas"),
        pytest.param("zero, zero, four, eight, two, nine", "004829", id="lone-digit-words-commas"),
        pytest.param("call 6, 1, 7, 5, 5, 5, 0, 1, 4, 2, thanks", "call 6175550142, thanks",
                     id="phone-digit-by-digit-commas"),
        pytest.param("number 17, 3, 1, 1, 5, 0, 2, 6, sent", "number 173115026, sent",
                     id="first-digit-heard-as-a-pair"),
        pytest.param("aged 17, 3, 1 and 5", "aged 17, 3, 1 and 5", id="pair-and-two-digits-stay"),
        pytest.param("steps 1, 2, 3, 4 today", "steps 1, 2, 3, 4 today", id="counting-up-stays"),
        pytest.param("9, 8, 7, 6, 5 lift off", "9, 8, 7, 6, 5 lift off", id="counting-down-stays"),
        pytest.param("options 1, 4 and 7", "options 1, 4 and 7", id="three-lone-digits-stay"),
        pytest.param("Oh, 4, 8 then", "Oh, 4, 8 then", id="oh-is-not-a-digit"),
    ],
)
def test_normalisation(heard, normalised):
    assert spoken(heard) == normalised


def test_times_cover_the_words_replaced():
    [call, number] = with_spoken_numbers_as_digits(words_of("call four one five"))
    assert call.text == "call" and number.text == "415"
    assert (number.start_s, number.end_s) == (0.5, 1.9)


def test_lone_digits_without_commas_between_stay_apart():
    # "4 8 2 9" with no comma is how Whisper writes four separate numbers, not one said digit
    # by digit (that it writes "4829"); only the comma-per-digit form is joined here
    assert spoken("bays 4 8 2 9") == "bays 4 8 2 9"


def test_a_long_pause_splits_lone_digits():
    words = (Word("0,", 0.0, 0.3, 0.9), Word("0,", 0.5, 0.8, 0.9), Word("4,", 1.0, 1.3, 0.9),
             Word("8,", 4.0, 4.3, 0.9), Word("2,", 4.5, 4.8, 0.9), Word("9", 5.0, 5.3, 0.9))
    assert [w.text for w in with_spoken_numbers_as_digits(words)] == [w.text for w in words]
