"""A name and a facility on one row, read as one line: "ANDREASEN DANIEL Queen Elizabeth
Hospital", "Varvio Johannes EMERGENCYDEPARTMENT".

A header often prints the patient's name in one column and the hospital or department in the
next, on the same row; OCR reads the two as one line. A run of words beside a facility's word is
the facility's own name ("MARY WASHINGTON HOSPITAL", "William Harvey Hospital"), unless the
facility is printed in another case than the words before it: then those are another column.
line_names asks.
"""

from __future__ import annotations

from app.core.detect.overlay_words import FACILITY_WORDS
from app.core.detect.run_together import holds_facility
from app.core.detect.tokens import Token


def is_facility_word(word: Token) -> bool:
    """A facility's word, as printed ("Children's") or without its possessive, or words run
    together holding one ("ROYALVICTORIAINFIRMARY")."""
    return (word.lower in FACILITY_WORDS or word.text.lower() in FACILITY_WORDS
            or holds_facility(word.lower))


def is_facility_text(text: str) -> bool:
    """`is_facility_word` of a word as printed."""
    lower = text.lower()
    return lower in FACILITY_WORDS or holds_facility(lower)


def _case(word: Token) -> str:
    return case_of(word.text)


def case_of(text: str) -> str:
    """ "upper", "title" or "mixed": how a word is printed."""
    if text.isupper():
        return "upper"
    return "title" if text[:1].isupper() and text[1:].islower() else "mixed"


def column_before_facility(words: list[Token], first: int, last: int) -> int:
    """The last word of the run `words[first:last + 1]` once the facility's own words are cut
    from its end: when a facility's word follows the run, the words before it in the facility
    word's case, if two words or more in another case are left before them ("ANDREASEN DANIEL"
    of "ANDREASEN DANIEL Queen Elizabeth Hospital"); else `last`."""
    if last + 1 >= len(words) or not is_facility_word(words[last + 1]):
        return last
    shape = _case(words[last + 1])
    end = last
    while end >= first and _case(words[end]) == shape:
        end -= 1
    return end if end > first and end < last else last


def another_column(words: list[Token], first: int, last: int) -> bool:
    """The facility's word after the run is printed in another case than a word of the run
    (its last: "Varvio Johannes EMERGENCYDEPARTMENT", or its first: "Layla GAIRBEKOV
    FREEMANHOSPITAL"), and the run is two words or more: two columns, not one facility's name,
    which is printed in one case ("MARY WASHINGTON HOSPITAL", "William Harvey Hospital")."""
    return (last > first and last + 1 < len(words) and is_facility_word(words[last + 1])
            and any(_case(words[last + 1]) != _case(w) for w in (words[first], words[last])))
