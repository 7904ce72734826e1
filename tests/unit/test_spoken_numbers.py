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
    ],
)
def test_normalisation(heard, normalised):
    assert spoken(heard) == normalised


def test_times_cover_the_words_replaced():
    [call, number] = with_spoken_numbers_as_digits(words_of("call four one five"))
    assert call.text == "call" and number.text == "415"
    assert (number.start_s, number.end_s) == (0.5, 1.9)
