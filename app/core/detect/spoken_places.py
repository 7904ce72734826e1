"""Beds, bays and rooms Whisper misheard: "to med 7", "to Mad Seven" → "to bed 7".

Whisper often loses the first consonant of a short word before a number: "bed seven" is heard as
"Mad Seven" or "med -7", "bay three" as "May 3". A number after such a word is only a place
when the word sounds like a place word (its consonants the same, the lip sounds b/m/p and the
tongue-tip sounds d/t taken as one, as the ear confuses them) and a preposition of place comes
before it ("to", "in", "into", "from"): "to med 7" is "to bed 7", "mad at seven" stays as it is.
Run on the transcript after the spoken numbers became digits (spoken_numbers.py).
"""

from __future__ import annotations

import re

from app.core.models import Word

# The place words a bed number follows, by their consonants (see `_consonants`).
PLACE_WORDS = ("bed", "bay", "room")
# Before the misheard word: where the patient is, or was taken.
PLACE_PREPOSITIONS = frozenset({"to", "in", "into", "from", "at", "on", "onto"})
# A bed or room number as heard: "7", "-7.", "#12", "4B,"; at most 3 digits (not a year)
_NUMBER = re.compile(r"^[-#]?(\d{1,3}[A-H]?)([.,;:!?]*)$")
# Short words of the same sound that are said before a number as themselves ("on my 2 days off",
# "came in at 7")
_THEMSELVES = frozenset({"my", "me", "by", "be", "bye", "but", "mid", "at", "it", "out", "eat",
                         "ate", "up"})
_SAME_SOUND = str.maketrans({"m": "b", "p": "b", "t": "d"})


def _consonants(word: str) -> str:
    """The word's consonants, lip sounds as one and tongue-tip sounds as one ("mad" → "bd")."""
    bare = re.sub(r"[^a-z]", "", word.lower()).translate(_SAME_SOUND)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyhw]", "", bare))


_PLACE_SOUNDS = {_consonants(place): place for place in PLACE_WORDS}
# the same with the first consonant lost ("bed" heard as "add"), for place words that keep one
_CLIPPED_SOUNDS = {key[1:]: place for key, place in _PLACE_SOUNDS.items() if len(key) > 1}


def sounds_like_place(word: str, clause_ends: bool = False) -> str | None:
    """The place word `word` may be a mishearing of ("med" → "bed"), or None. Short words only,
    so that "admitted" is no bed. A word that starts with a consonant must have the place
    word's consonants; one that starts with a vowel may have lost the first ("add" → "bed"),
    but only when the number after it ends the clause (`clause_ends`: "to add 7 more" stays)."""
    bare = re.sub(r"[^a-z]", "", word.lower())
    if not 2 <= len(bare) <= 4 or bare in _THEMSELVES:
        return None
    if bare[0] not in "aeiou":
        return _PLACE_SOUNDS.get(_consonants(bare))
    return _CLIPPED_SOUNDS.get(_consonants(bare)) if clause_ends else None


def with_places_restored(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The same words, a misheard place word before a number after a preposition of place
    written as the place word ("to med -7" → "to bed 7"), times and probabilities kept."""
    out = list(words)
    for index in range(1, len(out) - 1):
        before, word, after = out[index - 1], out[index], out[index + 1]
        number = _NUMBER.match(after.text)
        if number is None or re.sub(r"[^a-z]", "", before.text.lower()) not in \
                PLACE_PREPOSITIONS or re.search(r"[.,;:!?]$", before.text + word.text):
            continue
        ends = bool(number.group(2)) or index + 2 == len(out)
        place = sounds_like_place(word.text, ends)
        if place is None or word.text.lower() == place:
            continue
        out[index] = Word(place, word.start_s, word.end_s, word.probability)
        out[index + 1] = Word(number.group(1) + number.group(2), after.start_s, after.end_s,
                              after.probability)
    return tuple(out)
