"""Identifiers written so that a word-by-word comparison misses them, found in plain text.

A note can spell a known name out ("O l s o n", "O.l.s.o.n"), split it over two lines or two
words ("Ol-\\nson"), run it into a longer word ("OlsonFamily"), or write digits for its letters
("0lson", "Ol$on"). Read through a *skeleton* (each character as the letter it passes for: 0 as
o, 1 and i as l, 3 as e, 4 as a, 5 and $ as s, 7 as t, 8 as b, @ as a), with the words that only
thin separators (spaces, a line break, . - _ * /) part read as one, each of these holds the
known word's skeleton. A known word found inside a longer word counts from 4 letters on.

A phone number can likewise write letters for its digits ("O2O 7946 OOl8"): a word of digits
and O, o, I, l with a digit in it, and a word of only those letters beside one, is a number.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

_SKELETON = str.maketrans({"0": "o", "1": "l", "2": "z", "3": "e", "4": "a", "5": "s",
                           "6": "b", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s",
                           "|": "l", "!": "l", "i": "l"})
_TOKEN = re.compile(r"(?:[^\W_]|[@$|!])+")
_THIN = re.compile(r"[\s.\-\u2010-\u2015_*/·•~]{1,4}")
INSIDE_FROM = 4  # a known word this long is found inside a longer word too
_DIGIT_LIKE = re.compile(r"[0-9OoIl]*\d[0-9OoIl]*")
_LETTERS_LIKE_DIGITS = re.compile(r"[OoIl]{2,}")


def skeleton(text: str) -> str:
    """`text` lower-cased, each character as the letter it is drawn like (one for one)."""
    return "".join(ch.lower()[:1] or ch for ch in text).translate(_SKELETON)


def disguised_spans(text: str, words: Iterable[str]) -> list[tuple[int, int, bool]]:
    """The (start, end, goes_on) of each word of `text` (plain text: plain_text.py) that holds
    a word of `words` (each 2 letters or more) in one of the disguises above; `goes_on`: it
    is not the first piece of the word it is part of ("l" of "O l s o n")."""
    known = sorted({skeleton(w) for w in words if len(w) > 1 and not w.isdigit()},
                   key=len, reverse=True)
    if not known:
        return []
    tokens = list(_TOKEN.finditer(text))
    joined, starts = "", []  # the tokens' skeletons, thin-parted ones run together
    for index, token in enumerate(tokens):
        if index and not _THIN.fullmatch(text, tokens[index - 1].end(), token.start()):
            joined += "\0"
        starts.append(len(joined))
        joined += skeleton(token.group())
    found: list[tuple[int, int, bool]] = []
    pattern = re.compile("(?=(" + "|".join(re.escape(k) for k in known) + "))")
    for match in pattern.finditer(joined):
        start, end = match.start(), match.start() + len(match.group(1))
        first = _token_at(starts, start)
        last = _token_at(starts, end - 1)
        whole = start == starts[first] and end == starts[first] + len(tokens[first].group())
        if first == last and not whole and end - start < INSIDE_FROM:
            continue
        found += [(*tokens[i].span(), i > first) for i in range(first, last + 1)]
    return found


def digits_written_as_letters(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each word of `text` that is a number with letters for some digits
    ("O2O", "OOl8"), and of each word of only such letters beside one ("OOOO")."""
    tokens = list(re.finditer(r"[^\W_]+", text))
    numeric = [bool(_DIGIT_LIKE.fullmatch(t.group())) for t in tokens]

    def beside_a_number(index: int) -> bool:
        before = index > 0 and numeric[index - 1] and _THIN.fullmatch(
            text, tokens[index - 1].end(), tokens[index].start()) is not None
        after = index + 1 < len(tokens) and numeric[index + 1] and _THIN.fullmatch(
            text, tokens[index].end(), tokens[index + 1].start()) is not None
        return before or after

    return [token.span() for index, token in enumerate(tokens)
            if not token.group().isdigit()  # digits alone are masked as digits
            and (numeric[index] or (_LETTERS_LIKE_DIGITS.fullmatch(token.group())
                                    and beside_a_number(index)))]


def _token_at(starts: list[int], position: int) -> int:
    """The index of the token whose skeleton holds `position` of the joined skeletons."""
    return bisect.bisect_right(starts, position) - 1
