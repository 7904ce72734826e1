"""Numbers written out in words in free text ("four one five five five five zero one nine nine",
"oh", "double five"), found so that a masked copy hides them as it hides digits.

One number word is prose ("one patient", "two of us"); a run of three or more (counting digits
written as digits, and words such as "double" and "hundred") is a number being given: a phone
number, a record number, a date. Words in a run may be split by spaces and by the punctuation a
number is written with (, . - / ( ) +), not by any other word.
"""

from __future__ import annotations

import re

from app.core.detect.spoken_numbers import ORDINALS, TEENS, TENS, UNITS

NUMBER_WORDS = frozenset({*UNITS, *TEENS, *TENS, *ORDINALS, "nought", "nil", "hundred",
                          "thousand", "double", "triple"})
SHORTEST_RUN = 3
_BETWEEN = re.compile(r"[\s,.\-\u2010-\u2015/()+]*")


def spelled_number_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each number word in a run of SHORTEST_RUN or more (a digit group in
    the run counts each of its digits, and is not returned: digits are masked anyway)."""
    spans: list[tuple[int, int]] = []
    run: list[re.Match] = []
    weight = 0

    def close() -> None:
        if weight >= SHORTEST_RUN:
            spans.extend(m.span() for m in run if not m.group().isdigit())

    for match in re.finditer(r"\d+|[^\W\d_]+", text):
        word = match.group()
        counts = len(word) if word.isdigit() else int(word.casefold() in NUMBER_WORDS)
        joined = bool(run) and _BETWEEN.fullmatch(text, run[-1].end(), match.start()) is not None
        if not counts or not joined:
            close()
            run, weight = [], 0
        if counts:
            run.append(match)
            weight += counts
    close()
    return spans
