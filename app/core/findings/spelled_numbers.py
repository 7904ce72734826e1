"""Numbers written out in words in free text ("four one five five five five zero one nine nine",
"oh", "double five", "four hundred and twelve"), found so that a masked copy hides them as it
hides digits.

One number word is prose ("one patient", "two of us"); a run of three or more (counting digits
written as digits, and words such as "double" and "hundred") is a number being given: a phone
number, a record number, a date. Two words are a number being given too when they are read digit
by digit ("four twelve", "oh five", "double seven") or follow a word that asks for a number
("room", "bed", "ext"); "twenty five" and "two hundred" stay prose. Words in a run may be split by
spaces and by the punctuation a number is written with (, . - / ( ) +), and by "and" after
"hundred" or "thousand", not by any other word.

Besides English: the digit words of Spanish, French, German and Italian, "treble" and
"quadruple", and words that sound like a digit ("won", "to", "for", "ate", "tree"), which count
only beside a real number word, and not at the ends of a run when they are "to", "too" or "for".
"""

from __future__ import annotations

import re

from app.core.detect.spoken_numbers import ORDINALS, TEENS, TENS, UNITS

# the digit words of other languages (diacritics already folded by plain_text: "fünf" → "funf")
FOREIGN_DIGITS = frozenset("""
cero uno dos tres cuatro cinco seis siete ocho nueve
zero un deux trois quatre cinq six sept huit neuf
null eins zwei drei vier funf sechs sieben acht neun
uno tre quattro cinque sei sette nove
""".split())
REPEATS = {"double": 2, "triple": 3, "treble": 3, "quadruple": 4}
NUMBER_WORDS = frozenset({*UNITS, *TEENS, *TENS, *ORDINALS, *FOREIGN_DIGITS, *REPEATS,
                          "nought", "nil", "hundred", "thousand"})
# words heard for a digit; a number word only beside a real one
SOUND_ALIKES = frozenset({"won", "to", "too", "tu", "for", "fore", "ate", "tree", "free"})
_GLUE = frozenset({"to", "too", "for"})  # not part of a run at its ends ("for two to three")
_DIGIT_BY_DIGIT = frozenset({*UNITS, *FOREIGN_DIGITS, *REPEATS, "nought", "nil"})
_SECOND_DIGIT = _DIGIT_BY_DIGIT | frozenset(TEENS)
# words after which even two number words are a number being given
CUES = frozenset("""
room rm bed bay ward unit suite flat apt apartment ext extension no number num id mrn pin code
box lot cell phone tel mobile
""".split())
SHORTEST_RUN = 3
_HUNDREDS = ("hundred", "thousand")
_BETWEEN = re.compile(r"[\s,.\-\u2010-\u2015/()+]*")
_AND = re.compile(r"[\s,]+and[\s,]+", re.IGNORECASE)


def spelled_number_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each number word in a run that is a number being given (a digit
    group in the run counts each of its digits, and is not returned: digits are masked
    anyway)."""
    spans: list[tuple[int, int]] = []
    words = list(re.finditer(r"\d+|[^\W\d_]+", text))
    run: list[int] = []  # indices of the run's words
    for index, match in enumerate(words):
        word = match.group().casefold()
        number = word.isdigit() or word in NUMBER_WORDS or word in SOUND_ALIKES
        if word == "and" and run and words[run[-1]].group().casefold() in _HUNDREDS:
            continue  # "four hundred and twelve": the run goes on if a number word follows
        if run and (not number or not _joined(text, words[run[-1]], match)):
            spans += _if_a_number(words, run)
            run = []
        if number:
            run.append(index)
    return spans + (_if_a_number(words, run) if run else [])


def _joined(text: str, last: re.Match[str], match: re.Match[str]) -> bool:
    between = text[last.end():match.start()]
    if _BETWEEN.fullmatch(between):
        return True
    return (_AND.fullmatch(between) is not None
            and last.group().casefold() in _HUNDREDS)


def _if_a_number(words: list[re.Match[str]], run: list[int]) -> list[tuple[int, int]]:
    """The spans of the run's number words, if the run is a number being given."""
    said = [words[i].group().casefold() for i in run]
    while said and said[0] in _GLUE:
        said, run = said[1:], run[1:]
    while said and said[-1] in _GLUE:
        said, run = said[:-1], run[:-1]
    real = sum(1 for w in said if w.isdigit() or w in NUMBER_WORDS)
    if not real:
        return []
    weight = sum(len(w) if w.isdigit() else 1 for w in said)
    before = words[run[0] - 1].group().casefold() if run[0] else ""
    given = weight >= SHORTEST_RUN or (weight == 2 and real == 2 and (
        before in CUES or (said[0] in _DIGIT_BY_DIGIT and said[1] in _SECOND_DIGIT)))
    return [words[i].span() for i in run if not words[i].group().isdigit()] if given else []
